import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { Logger } from './logger.js';

/** The client every function in src/github takes: REST methods, pagination, GraphQL. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  readonly token: string;
  readonly logger: Logger;
  /** `GITHUB_API_URL`; GitHub Enterprise Server and the end-to-end test's mock set it. */
  readonly baseUrl?: string;
  /** Tests pass the global fetch so nock can see requests; production keeps the proxy-aware one. */
  readonly fetch?: typeof globalThis.fetch;
  /** Milliseconds per retry step; tests pass 0. */
  readonly retryAfterBaseValue?: number;
  /** Primary and secondary rate-limit retries before giving up. */
  readonly rateLimitRetries?: number;
  /** Off in tests that do not exercise it: its write queue spaces writes a second apart. */
  readonly throttle?: boolean;
}

/**
 * An octokit with GitHub's recommended behaviour: 5xx and network failures are retried with
 * back-off (plugin-retry; 4xx are not, except rate limits), rate limits wait for the reset the
 * response names (plugin-throttling), and writes are queued one at a time.
 */
export function createClient(options: ClientOptions): GitHubClient {
  const retries = options.rateLimitRetries ?? 2;
  const base = options.retryAfterBaseValue ?? 1000;
  return getOctokit(
    options.token,
    {
      ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
      ...(options.fetch === undefined ? {} : { request: { fetch: options.fetch } }),
      userAgent: 'meshguard',
      log: {
        debug: (m: string) => options.logger.debug(m),
        info: (m: string) => options.logger.debug(m),
        warn: (m: string) => options.logger.warning(m),
        error: (m: string) => options.logger.error(m),
      },
      retry: { retryAfterBaseValue: base },
      throttle: {
        enabled: options.throttle ?? true,
        retryAfterBaseValue: base,
        onRateLimit: onLimit('rate limit reached', options.logger, retries),
        onSecondaryRateLimit: onLimit('secondary rate limit', options.logger, retries),
      },
    },
    retry,
    throttling,
  );
}

/** Logs a rate-limited request and says whether plugin-throttling should retry it. */
function onLimit(what: string, logger: Logger, retries: number) {
  return (
    retryAfter: number,
    request: { method: string; url: string },
    _client: unknown,
    count: number,
  ): boolean => {
    logger.warning(
      `GitHub ${what} on ${request.method} ${request.url}; retry ${count + 1} in ${retryAfter}s`,
    );
    return count < retries;
  };
}
