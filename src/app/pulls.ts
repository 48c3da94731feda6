import type { RepoRef } from '../github/context.js';
import { classify, OPERATIONS } from '../github/errors.js';
import type { GitHubClient } from '../github/octokit.js';

/** Open pull requests scanned to find a fork's: beyond this, the rerun is logged and skipped. */
const MAX_OPEN_PULLS = 500;

/**
 * The pull requests a check run belongs to. GitHub lists them in `check_run.pull_requests` only
 * for heads in this repository; for a fork's head the list is empty, so the open pull requests
 * are searched for that head commit.
 */
export async function pullRequestsFor(
  octokit: GitHubClient,
  repo: RepoRef,
  headSha: string,
  listed: readonly number[],
): Promise<number[]> {
  if (listed.length > 0) return [...new Set(listed)];
  try {
    const found: number[] = [];
    let seen = 0;
    for await (const page of octokit.paginate.iterator(octokit.rest.pulls.list, {
      ...repo,
      state: 'open',
      per_page: 100,
    })) {
      for (const pull of page.data) if (pull.head.sha === headSha) found.push(pull.number);
      seen += page.data.length;
      if (found.length > 0 || seen >= MAX_OPEN_PULLS) break;
    }
    return found;
  } catch (error) {
    throw classify(error, OPERATIONS.readPullRequest);
  }
}
