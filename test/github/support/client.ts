import nock from 'nock';
import { memoryLogger } from '../../../src/github/logger.js';
import { createClient } from '../../../src/github/octokit.js';

export const API = 'https://api.github.com';

/** An octokit whose requests nock sees (global fetch), with retries immediate. */
export function testClient(options: { readonly throttle?: boolean } = {}) {
  const logger = memoryLogger();
  const octokit = createClient({
    token: 'test-token',
    logger,
    baseUrl: API,
    fetch: globalThis.fetch,
    retryAfterBaseValue: 0,
    throttle: options.throttle ?? false,
  });
  return { octokit, logger };
}

export function api(): nock.Scope {
  return nock(API);
}
