import { compileGlobs } from '../../analysis/config/index.js';
import type { MeshguardConfig } from '../../analysis/config/index.js';
import { MAX_FILES_PER_SIDE } from '../collect.js';
import { prepareComparison } from '../comparison.js';
import type { Comparison } from '../comparison.js';
import type { RepoRef } from '../context.js';
import { classify, ConfigError, OPERATIONS } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit.js';
import type { ManifestEntry, ReadResult } from '../sources/types.js';

export interface PullRequestInfo {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** The head branch lives in another repository. Its commits are still readable by SHA here. */
  readonly fork: boolean;
  readonly author: string | null;
  readonly draft: boolean;
  /** The pull request as the API returned it: a rerun hands it to the review as its event. */
  readonly data: Readonly<Record<string, unknown>>;
}

export async function readPullRequest(
  octokit: GitHubClient,
  repo: RepoRef,
  number: number,
): Promise<PullRequestInfo> {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return {
      number,
      baseSha: data.base.sha,
      headSha: data.head.sha,
      fork: data.head.repo?.full_name !== data.base.repo.full_name,
      author: data.user?.login ?? null,
      draft: data.draft === true,
      data: data as unknown as Record<string, unknown>,
    };
  } catch (error) {
    throw classify(error, OPERATIONS.readPullRequest);
  }
}

export interface PullRequestSides {
  readonly comparison: Comparison;
  readonly base: ReadResult;
  readonly head: ReadResult;
  readonly limits: readonly { readonly side: 'base' | 'head'; readonly detail: string }[];
}

/**
 * Both sides of the pull request through the API, by commit SHA: nothing of the pull request is
 * checked out or run, fork or not. The base is the merge base when the branch is behind, as in
 * the review. Rendered manifests (`render:`) would need the tools run on the pull request's
 * files, which commands never do, so such a configuration is refused rather than answered from
 * half the input.
 */
export async function readSides(options: {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly logger: Logger;
  readonly workspace: string;
  readonly pull: PullRequestInfo;
  readonly config: MeshguardConfig;
}): Promise<PullRequestSides> {
  const { config, pull } = options;
  if (config.render.length > 0)
    throw new ConfigError(
      'the configuration renders manifests (`render`), and /mesh commands never run tools on a pull request: use `meshguard explain` on the rendered output instead',
    );
  const comparison = await prepareComparison({
    ...options,
    eventName: 'issue_comment',
    target: {
      kind: 'pull_request',
      number: pull.number,
      baseSha: pull.baseSha,
      headSha: pull.headSha,
      fork: pull.fork,
    },
    source: 'api',
    fetch: false,
    directories: null,
  });
  const matcher = compileGlobs(config.paths);
  const limits: { side: 'base' | 'head'; detail: string }[] = [];
  const pick = (list: readonly ManifestEntry[], side: 'base' | 'head') => {
    if (list.length <= MAX_FILES_PER_SIDE) return list;
    limits.push({
      side,
      detail: `the ${side} has ${list.length} manifest files; only the first ${MAX_FILES_PER_SIDE} by path were analysed`,
    });
    return list.slice(0, MAX_FILES_PER_SIDE);
  };
  const [baseList, headList] = await Promise.all([
    comparison.source.list(comparison.baseRef, matcher),
    comparison.source.list(comparison.headRef, matcher),
  ]);
  const base = await comparison.source.read(pick(baseList, 'base'));
  const head = await comparison.source.read(pick(headList, 'head'));
  return { comparison, base, head, limits };
}
