import { asRecord } from '../github/context.js';
import type { ReviewContext } from '../github/context.js';

/**
 * What the GitHub layer knows about a webhook delivery: the event, its repository and the web
 * host links point at (from the repository's own URL, so GitHub Enterprise links are right).
 * There is no workflow run, so no run page to link.
 */
export function reviewContext(eventName: string, payload: unknown): ReviewContext {
  const root = asRecord(payload);
  const repository = asRecord(root['repository']);
  const owner = asRecord(repository['owner'])['login'];
  const name = repository['name'];
  const htmlUrl = repository['html_url'];
  const pull = asRecord(root['pull_request']);
  const head = asRecord(pull['head'])['sha'] ?? asRecord(root['check_run'])['head_sha'];
  return {
    eventName,
    payload,
    repo: {
      owner: typeof owner === 'string' ? owner : '',
      repo: typeof name === 'string' ? name : '',
    },
    sha: typeof head === 'string' ? head : '',
    serverUrl: typeof htmlUrl === 'string' ? new URL(htmlUrl).origin : 'https://github.com',
    runId: null,
    actor: String(asRecord(root['sender'])['login'] ?? ''),
  };
}
