import type { Context } from 'probot';
import type { Logger } from '../github/logger.js';
import { createClient } from '../github/octokit.js';
import type { GitHubClient } from '../github/octokit.js';

export interface ClientOptions {
  /** Tests pass the global fetch so nock sees the requests. */
  readonly fetch?: typeof globalThis.fetch;
  /** Tests switch rate-limit waiting and write spacing off, and retry at once. */
  readonly throttle?: boolean;
  readonly retryAfterBaseValue?: number;
}

/**
 * The client every src/github function takes, for the event's installation. Probot holds the
 * App's key and mints (and caches) the installation token; we hand that token to the same
 * client the Action uses, so retries, rate-limit handling and error classification are one
 * code path for both doors. The API base URL is Probot's (`GHE_HOST` for GitHub Enterprise).
 */
export async function installationClient(
  context: Pick<Context, 'octokit'>,
  logger: Logger,
  options: ClientOptions = {},
): Promise<GitHubClient> {
  const auth = (await context.octokit.auth({ type: 'installation' })) as { token?: unknown };
  if (typeof auth.token !== 'string') throw new Error('Probot did not give an installation token');
  const baseUrl: unknown = context.octokit.request.endpoint.DEFAULTS.baseUrl;
  return createClient({
    token: auth.token,
    logger,
    ...(typeof baseUrl === 'string' ? { baseUrl } : {}),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.throttle === undefined ? {} : { throttle: options.throttle }),
    ...(options.retryAfterBaseValue === undefined
      ? {}
      : { retryAfterBaseValue: options.retryAfterBaseValue }),
  });
}
