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

/** Request bodies by `METHOD path`, in order, for assertions on what was sent to GitHub. */
export class Recorder {
  readonly calls: { readonly route: string; readonly body: any }[] = [];

  /** A nock reply function that records the request and answers `data`. */
  reply(route: string, data: unknown = {}): (uri: string, body: any) => any {
    return (_uri: string, body: any) => {
      this.calls.push({
        route,
        body: typeof body === 'string' && body !== '' ? JSON.parse(body) : body,
      });
      return data;
    };
  }

  bodies(route: string): any[] {
    return this.calls.filter((c) => c.route === route).map((c) => c.body);
  }

  routes(): string[] {
    return this.calls.map((c) => c.route);
  }
}

export function api(): nock.Scope {
  return nock(API);
}
