/**
 * The few ways talking to GitHub can fail, as classes that keep the HTTP status and the cause,
 * so each door (Action, App) can turn them into one clear line.
 */

/** Permissions as written in a workflow's `permissions:` block. */
import { GitError } from './sources/git.js';

export type Permission =
  | 'checks: write'
  | 'pull-requests: write'
  | 'contents: read'
  /** Every GitHub App and workflow token has it; listed so each operation names one. */
  | 'metadata: read';

/** Something meshguard does through the API, and the permission it needs. */
export interface Operation {
  readonly description: string;
  readonly permission: Permission;
}

export const OPERATIONS = {
  createCheckRun: { description: 'create the check run', permission: 'checks: write' },
  updateCheckRun: { description: 'update the check run', permission: 'checks: write' },
  listComments: { description: 'list pull request comments', permission: 'pull-requests: write' },
  writeComment: {
    description: 'write the pull request comment',
    permission: 'pull-requests: write',
  },
  readPullRequest: { description: 'read the pull request', permission: 'contents: read' },
  readContents: { description: 'read repository contents', permission: 'contents: read' },
  readPermission: {
    description: "read the commenter's repository permission",
    permission: 'metadata: read',
  },
  addReaction: { description: 'react to the comment', permission: 'pull-requests: write' },
} as const satisfies Record<string, Operation>;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly operation: Operation,
    readonly status: number | null,
    options: { readonly cause: unknown },
  ) {
    super(
      `could not ${operation.description}: ${status === null ? 'no response' : `HTTP ${status}`}${detailOf(options.cause)}`,
      options,
    );
  }
}

export class MissingPermissionError extends Error {
  override readonly name = 'MissingPermissionError';

  constructor(
    readonly operation: Operation,
    /**
     * What to add under `permissions:`, any one of them: from GitHub's
     * `x-accepted-github-permissions` when sent, else our table.
     */
    readonly permissions: readonly string[],
    options: { readonly cause: unknown },
  ) {
    super(
      `could not ${operation.description}: the token lacks ${permissions.map((p) => `\`${p}\``).join(' or ')}; add it under \`permissions:\` in the workflow (or the job)`,
      options,
    );
  }
}

/** The configuration file or the Action's inputs are invalid: nothing was analysed. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    message: string,
    /** One line per problem, `file:line:column: field: message`. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export type GitHubError = ApiError | MissingPermissionError;

/** The HTTP status of an octokit `RequestError`, without importing its class. */
export function statusOf(error: unknown): number | null {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : null;
  }
  return null;
}

function headersOf(error: unknown): Record<string, string | undefined> {
  if (typeof error !== 'object' || error === null || !('response' in error)) return {};
  const response = (error as { response?: { headers?: Record<string, string | undefined> } })
    .response;
  return response?.headers ?? {};
}

/**
 * Turns an octokit failure into our errors. A 403 that is not a rate limit (the throttling plugin
 * has already retried those) means the token may not do this: GitHub names the permission it
 * wanted in `x-accepted-github-permissions` (`checks=write`), which beats our own table.
 */
export function classify(error: unknown, operation: Operation): GitHubError {
  const status = statusOf(error);
  const headers = headersOf(error);
  if (status === 403 && !isRateLimit(error, headers)) {
    const accepted = acceptedPermissions(headers['x-accepted-github-permissions']);
    const permissions = accepted.length > 0 ? accepted : [operation.permission];
    return new MissingPermissionError(operation, permissions, { cause: error });
  }
  return new ApiError(operation, status, { cause: error });
}

/**
 * A 403 that is a rate limit, not a refusal: the primary limit says so with
 * `x-ratelimit-remaining: 0`; a secondary limit keeps quota and sends `retry-after` or says
 * "secondary rate limit" in its message. Calling either a missing permission would send the
 * user to fix `permissions:` that are fine, and hide the error on read-only fork runs.
 */
function isRateLimit(error: unknown, headers: Record<string, string | undefined>): boolean {
  if (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined) return true;
  return error instanceof Error && /secondary rate limit|abuse detection/i.test(error.message);
}

/**
 * `checks=write` → [`checks: write`]; `issues=write; pull_requests=write` (either set will do)
 * → [`issues: write`, `pull-requests: write`]; permissions within one set are joined by commas.
 */
export function acceptedPermissions(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(';')
    .map((set) =>
      set
        .split(',')
        .map((item) => item.trim())
        .filter((item) => /^[a-z_]+=[a-z]+$/.test(item))
        .map((item) => item.replace('=', ': ').replace(/_/g, '-'))
        .join(', '),
    )
    .filter((set) => set !== '');
}

function detailOf(cause: unknown): string {
  if (!(cause instanceof Error)) return '';
  const line = cause.message.split('\n')[0]?.trim() ?? '';
  return line === '' ? '' : ` (${line.slice(0, 200)})`;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** Failures we explain to the user in one line, rather than report as a crash with a stack. */
export function isExpectedError(error: unknown): error is Error {
  return (
    error instanceof ConfigError ||
    error instanceof ApiError ||
    error instanceof MissingPermissionError ||
    error instanceof GitError
  );
}
