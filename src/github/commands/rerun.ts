import { asRecord } from '../context.js';
import { review } from '../review.js';
import type { ReviewDependencies, ReviewOutcome } from '../review.js';
import type { PullRequestInfo } from './sides.js';

/**
 * `/mesh rerun` (and the App's `check_run.rerequested`): the same review as on a push, for the
 * pull request's current head, as if GitHub had sent `pull_request.synchronize`. It reads both
 * sides through the API by SHA and the configuration from the default branch, and the token
 * may write (App installation, or a workflow run by `issue_comment`), fork or not.
 */
export async function rerunReview(
  options: ReviewDependencies & {
    readonly pull: PullRequestInfo;
    readonly defaultBranch: string | null;
  },
): Promise<ReviewOutcome> {
  const { context, pull } = options;
  return review({
    octokit: options.octokit,
    clock: options.clock,
    logger: options.logger,
    workspace: options.workspace,
    context: {
      ...context,
      eventName: 'pull_request',
      sha: pull.headSha,
      payload: {
        action: 'synchronize',
        number: pull.number,
        pull_request: pull.data,
        repository: asRecord(context.payload)['repository'],
      },
    },
    inputs: {
      ...options.inputs,
      source: 'api',
      fetch: false,
      directories: null,
      writes: true,
      configRef: options.defaultBranch,
      tokenMayWrite: true,
    },
  });
}
