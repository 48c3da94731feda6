import type { RepoRef, ReviewTarget } from './context.js';
import { ConfigError } from './errors.js';
import type { Logger } from './logger.js';
import type { GitHubClient } from './octokit.js';
import { DirectoryManifestSource } from './sources/directory.js';
import { GitManifestSource, GitRepository } from './sources/git.js';
import { RestManifestSource } from './sources/rest.js';
import type { ManifestSource } from './sources/types.js';

export type SourceChoice = 'auto' | 'git' | 'api';

export interface ComparisonOptions {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly logger: Logger;
  readonly eventName: string;
  readonly target: ReviewTarget;
  readonly workspace: string;
  readonly source: SourceChoice;
  /** Fetch base and head when the checkout lacks them (needs the checkout's credentials). */
  readonly fetch: boolean;
  readonly directories: { readonly base: string; readonly head: string } | null;
}

/** What is compared, and where both sides are read from. */
export interface Comparison {
  /** A commit SHA, or a workspace directory. */
  readonly baseRef: string;
  readonly headRef: string;
  /** The base branch's commit, where the configuration is read (null for directories). */
  readonly configRef: string | null;
  /** The commit of the base side (for folders: the commit that holds both). */
  readonly baseSha: string;
  /** The commit results are attached to. */
  readonly headSha: string;
  readonly source: ManifestSource;
  /** The local clone when both commits are in it: needed to render. */
  readonly git: GitRepository | null;
  /** Said in the comment footer: how the comparison was made, when that is not obvious. */
  readonly notes: readonly string[];
}

export async function prepareComparison(options: ComparisonOptions): Promise<Comparison> {
  const { target, directories } = options;
  if (directories !== null) {
    return {
      baseRef: directories.base,
      headRef: directories.head,
      configRef: null,
      baseSha: target.headSha,
      headSha: target.headSha,
      source: new DirectoryManifestSource(options.workspace),
      git: null,
      notes: [],
    };
  }
  if (target.kind === 'commit') {
    throw new ConfigError(
      `meshguard compares two commits on pull_request and merge_group events; on \`${options.eventName}\` set the base-dir and head-dir inputs`,
    );
  }
  const git = await localClone(options, [target.baseSha, target.headSha]);
  const notes: string[] = [];
  let base = target.baseSha;
  if (target.kind === 'pull_request') {
    const mergeBase =
      (await git?.mergeBase(target.baseSha, target.headSha)) ??
      (await remoteMergeBase(options, target));
    if (mergeBase !== null && mergeBase !== target.baseSha) {
      // base.sha is the base branch's tip at event time. When the branch is behind, comparing
      // against the tip would show every change merged since as reverted by this PR; the merge
      // base shows what the PR itself changes, as GitHub's "Files changed" does.
      base = mergeBase;
      notes.push(
        `compared with the merge base \`${mergeBase.slice(0, 7)}\`: the branch is behind its base`,
      );
    }
  }
  const local = git !== null && (base === target.baseSha || (await git.hasCommit(base)));
  const source = local
    ? new GitManifestSource(git)
    : new RestManifestSource(options.octokit, options.repo, options.logger);
  options.logger.info(
    `reading manifests ${local ? 'from the local git clone' : 'through the GitHub API'}`,
  );
  return {
    baseRef: base,
    headRef: target.headSha,
    configRef: target.baseSha,
    baseSha: base,
    headSha: target.headSha,
    source,
    git: local ? git : null,
    notes,
  };
}

/** The workspace's clone, if it has every commit (fetching them when asked); else null. */
async function localClone(
  options: ComparisonOptions,
  shas: readonly string[],
): Promise<GitRepository | null> {
  if (options.source === 'api') return null;
  const git = new GitRepository(options.workspace);
  const usable = await git.isRepository();
  let missing = usable ? await missingCommits(git, shas) : [...shas];
  if (usable && missing.length > 0 && options.fetch) {
    options.logger.info(`fetching ${missing.join(', ')}`);
    await git.fetch(missing).catch((error: unknown) => {
      options.logger.warning(
        `could not fetch the commits: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    missing = await missingCommits(git, shas);
  }
  if (usable && missing.length === 0) return git;
  if (options.source === 'git') {
    throw new ConfigError(
      `source is git, but the checkout in ${options.workspace} lacks ${missing.map((s) => s.slice(0, 12)).join(' and ')}: use actions/checkout with fetch-depth: 0, or set fetch: true`,
    );
  }
  return null;
}

async function missingCommits(git: GitRepository, shas: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const sha of shas) if (!(await git.hasCommit(sha))) missing.push(sha);
  return missing;
}

async function remoteMergeBase(
  options: ComparisonOptions,
  target: { readonly baseSha: string; readonly headSha: string },
): Promise<string | null> {
  try {
    const response = await options.octokit.rest.repos.compareCommitsWithBasehead({
      ...options.repo,
      basehead: `${target.baseSha}...${target.headSha}`,
      per_page: 1,
    });
    return response.data.merge_base_commit.sha;
  } catch (error) {
    options.logger.warning(
      `could not find the merge base (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); comparing with the base branch's tip`,
    );
    return null;
  }
}
