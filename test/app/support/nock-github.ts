import nock from 'nock';
import type { GitHubState } from './github-state.js';

export const API = 'https://api.github.com';

/** Serves `state` to every in-process request to api.github.com. */
export function nockGitHub(state: GitHubState): void {
  for (const method of ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'] as const) {
    nock(API)
      .persist()
      .intercept(() => true, method)
      .optionally()
      .reply((uri, body) => {
        const parsed =
          typeof body === 'string' && body !== '' ? (JSON.parse(body) as unknown) : body;
        return state.handle(method, uri, parsed);
      });
  }
}
