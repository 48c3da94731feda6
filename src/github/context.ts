import { ConfigError } from './errors.js';

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/**
 * What the GitHub layer knows about the run: the event and where it happened. The Action builds
 * it from the runner's environment, the App from the webhook; tests from recorded payloads.
 */
export interface ReviewContext {
  readonly eventName: string;
  readonly payload: unknown;
  readonly repo: RepoRef;
  /** `GITHUB_SHA`: for `pull_request` the test merge commit, not the head. */
  readonly sha: string;
  readonly serverUrl: string;
  /** The workflow run, for links to the job summary; null outside Actions. */
  readonly runId: number | null;
  readonly actor: string;
}

export type ReviewTarget =
  | {
      readonly kind: 'pull_request';
      readonly number: number;
      readonly baseSha: string;
      readonly headSha: string;
      /** The head branch lives in another repository: `pull_request` gets a read-only token. */
      readonly fork: boolean;
    }
  | { readonly kind: 'merge_group'; readonly baseSha: string; readonly headSha: string }
  /** Any other event: only directory comparisons make sense; results go on `GITHUB_SHA`. */
  | { readonly kind: 'commit'; readonly headSha: string };

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * Reads the commits to compare from the event. On `pull_request`, the head is
 * `pull_request.head.sha`, never `GITHUB_SHA` (the merge commit GitHub made for the run).
 */
export function resolveTarget(context: ReviewContext): ReviewTarget {
  const payload = asRecord(context.payload);
  if (context.eventName === 'pull_request' || context.eventName === 'pull_request_target') {
    const pull = asRecord(payload['pull_request']);
    const base = asRecord(pull['base']);
    const head = asRecord(pull['head']);
    const number = pull['number'] ?? payload['number'];
    const baseRepo = asRecord(base['repo'])['full_name'];
    const headRepo = head['repo'] === null ? null : asRecord(head['repo'])['full_name'];
    if (typeof number !== 'number' || !isSha(base['sha']) || !isSha(head['sha'])) {
      throw new ConfigError('the pull_request event payload has no pull request number or SHAs');
    }
    return {
      kind: 'pull_request',
      number,
      baseSha: base['sha'],
      headSha: head['sha'],
      fork: headRepo !== baseRepo,
    };
  }
  if (context.eventName === 'merge_group') {
    const group = asRecord(payload['merge_group']);
    if (!isSha(group['base_sha']) || !isSha(group['head_sha'])) {
      throw new ConfigError('the merge_group event payload has no base_sha or head_sha');
    }
    return { kind: 'merge_group', baseSha: group['base_sha'], headSha: group['head_sha'] };
  }
  return { kind: 'commit', headSha: context.sha };
}

export function isSha(value: unknown): value is string {
  return typeof value === 'string' && SHA.test(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The run's page, where the job summary with the full report is. */
export function runUrl(context: ReviewContext): string | null {
  if (context.runId === null) return null;
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`;
}

export function blobUrl(context: ReviewContext, sha: string, path: string, line: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/blob/${sha}/${encoded}#L${line}`;
}
