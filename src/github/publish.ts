import type { MeshguardConfig } from '../analysis/config/index.js';
import { asRecord, blobUrl, isSha } from './context.js';
import { classify, ConfigError, OPERATIONS } from './errors.js';
import { commentMarker } from './comment.js';
import { loadCommandConfig } from './commands/config.js';
import { rerunReview } from './commands/rerun.js';
import { readPullRequest } from './commands/sides.js';
import type { PullRequestInfo } from './commands/sides.js';
import { Publisher } from './publication.js';
import { renderSurfaces } from './surfaces.js';
import { ArtifactError, parseReportFile } from './report-file.js';
import type { ReportFile } from './report-file.js';
import { review } from './review.js';
import type { ReviewDependencies, ReviewOutcome } from './review.js';

/** The review's dependencies; `context` is the `workflow_run` event. */
export interface PublishDependencies extends ReviewDependencies {
  /** The report file downloaded from the `pull_request` run's artifact. */
  readonly reportText: string;
}

/**
 * `mode: publish`, the privileged half of the fork pattern, on `workflow_run`.
 *
 * The artifact is written by a `pull_request` run, which uses the workflow file of the pull
 * request's merge commit: a fork can rewrite that workflow and upload any well-formed report. So
 * the artifact is only a pointer (which pull request, which head commit), validated against what
 * GitHub says about the run and the pull request; the review itself is computed again here, as
 * `/mesh rerun` does: both sides read through the API by SHA (nothing of the pull request is
 * checked out or run), the configuration read from the default branch.
 *
 * Returns null when there is nothing to publish for this run (the pull request moved on).
 */
export async function publish(deps: PublishDependencies): Promise<ReviewOutcome | null> {
  const { context, logger } = deps;
  if (context.eventName !== 'workflow_run') {
    throw new ConfigError(
      `mode: publish runs on workflow_run events, not \`${context.eventName}\``,
    );
  }
  const payload = asRecord(context.payload);
  const run = asRecord(payload['workflow_run']);
  const headSha = run['head_sha'];
  if (!isSha(headSha)) throw new ConfigError('the workflow_run event payload has no head_sha');
  if (run['event'] !== 'pull_request' && run['event'] !== 'merge_group') {
    throw new ConfigError(
      `the triggering run was for \`${String(run['event'])}\`, not a pull request`,
    );
  }
  const file = parseReportFile(deps.reportText, `${context.repo.owner}/${context.repo.repo}`);
  if (file.headSha !== headSha) {
    throw new ArtifactError(
      `the report is for commit ${file.headSha.slice(0, 7)}, but the run was for ${headSha.slice(0, 7)}`,
    );
  }
  const branch = asRecord(payload['repository'])['default_branch'];
  const defaultBranch = typeof branch === 'string' && branch !== '' ? branch : null;
  const target =
    run['event'] === 'pull_request'
      ? await confirmPullRequest(deps, file, headSha, run)
      : await mergeGroupBase(deps, headSha, run);
  if (target === null) return null;

  // Read first, so `render` is known before anything is posted; review() reads it again at
  // the same ref (a change in between fails closed: review() refuses to render without a clone).
  const { config } = await loadCommandConfig({
    octokit: deps.octokit,
    repo: context.repo,
    logger,
    ref: defaultBranch,
    overrides: deps.inputs,
    today: deps.clock().toISOString().slice(0, 10),
  });
  if (config.render.length > 0)
    return postUnverified(deps, file, target.kind === 'pull_request' ? file.pullRequest : null, {
      headSha,
      run,
      config,
    });

  const inputs = { ...deps.inputs, writes: true, tokenMayWrite: true };
  if (target.kind === 'pull_request') {
    return rerunReview({ ...deps, inputs, pull: target.pull, defaultBranch });
  }
  return review({
    ...deps,
    context: {
      ...context,
      eventName: 'merge_group',
      sha: headSha,
      payload: {
        merge_group: { base_sha: target.baseSha, head_sha: headSha },
        repository: payload['repository'],
      },
    },
    inputs: {
      ...inputs,
      source: 'api',
      fetch: false,
      directories: null,
      configRef: defaultBranch,
    },
  });
}

type Target =
  | { readonly kind: 'pull_request'; readonly pull: PullRequestInfo }
  | { readonly kind: 'merge_group'; readonly baseSha: string };

/**
 * The pull request number comes from the artifact, so a fork could name another pull request:
 * it is used only if the run lists it (GitHub lists none for forks) or does not list any, and
 * GitHub confirms that pull request's head is the commit the run was for. Its base then comes
 * from GitHub, not from the artifact.
 */
async function confirmPullRequest(
  deps: PublishDependencies,
  file: ReportFile,
  headSha: string,
  run: Record<string, unknown>,
): Promise<Target | null> {
  const number = file.pullRequest;
  if (number === null)
    throw new ArtifactError('the run was for a pull request, but the report names none');
  const listed = Array.isArray(run['pull_requests'])
    ? run['pull_requests'].map((p) => asRecord(p)['number'])
    : [];
  if (listed.length > 0 && !listed.includes(number)) {
    throw new ArtifactError(
      `the report names pull request #${number}, which the run does not list`,
    );
  }
  const pull = await readPullRequest(deps.octokit, deps.context.repo, number);
  if (pull.headSha !== headSha) {
    deps.logger.warning(
      `pull request #${number} is now at ${pull.headSha.slice(0, 7)}, not ${headSha.slice(0, 7)}; nothing to publish (the run for its new head will)`,
    );
    return null;
  }
  return { kind: 'pull_request', pull };
}

/** `gh-readonly-queue/<base branch>/pr-<number>-<sha>`: GitHub's name for a merge group's ref. */
const QUEUE_BRANCH = /^gh-readonly-queue\/(.+)\/pr-\d+-[0-9a-f]{40}$/;

/**
 * A merge group has no pull request, and the `workflow_run` event carries only its head; the
 * artifact's base is the fork's word, and a base chosen to equal the head would hide every
 * change. The base branch is in the group's ref, which GitHub names: the base is the merge base
 * of that branch and the head, as the review of a pull request that is behind uses.
 */
async function mergeGroupBase(
  deps: PublishDependencies,
  headSha: string,
  run: Record<string, unknown>,
): Promise<Target> {
  const ref = run['head_branch'];
  const branch = typeof ref === 'string' ? QUEUE_BRANCH.exec(ref)?.[1] : undefined;
  if (branch === undefined)
    throw new ConfigError(
      `the merge_group run's branch ${JSON.stringify(ref)} is not a merge queue branch: cannot tell what it merges into`,
    );
  try {
    const response = await deps.octokit.rest.repos.compareCommitsWithBasehead({
      ...deps.context.repo,
      basehead: `${branch}...${headSha}`,
      per_page: 1,
    });
    return { kind: 'merge_group', baseSha: response.data.merge_base_commit.sha };
  } catch (error) {
    throw classify(error, OPERATIONS.readContents);
  }
}

/**
 * The configuration renders manifests: computing the review again would run kustomize or Helm
 * on the pull request's files with this run's write token, which meshguard never does. The
 * unprivileged run's report is posted as it is, and every surface says it was not re-verified.
 */
async function postUnverified(
  deps: PublishDependencies,
  file: ReportFile,
  pullRequest: number | null,
  options: {
    readonly headSha: string;
    readonly run: Record<string, unknown>;
    readonly config: MeshguardConfig;
  },
): Promise<ReviewOutcome> {
  const { context, logger } = deps;
  const { headSha, run } = options;
  const note =
    'This result comes from the unprivileged `pull_request` run and was not re-verified: the configuration renders manifests (`render`), which meshguard never does with a write token. A pull request from a fork can change that run, so do not rely on this check for fork pull requests.';
  logger.warning(`meshguard: ${note}`);
  const runUrl =
    typeof run['html_url'] === 'string' && /^https:\/\//.test(run['html_url'])
      ? run['html_url']
      : null;
  const publisher = new Publisher({
    octokit: deps.octokit,
    repo: context.repo,
    logger,
    clock: deps.clock,
    checkName: deps.inputs.checkName,
    headSha,
    pullRequest,
    comment: deps.inputs.comment ?? options.config.comment ?? 'on-change',
    expectReadOnly: false,
    runUrl,
  });
  await publisher.start();
  const label = `> [!WARNING]\n> ${note}\n\n`;
  const footer = `<sub>meshguard compared \`${file.baseSha.slice(0, 7)}\` (base) with \`${headSha.slice(0, 7)}\` (head)${runUrl === null ? '' : `; [full report](${runUrl})`}. Not re-verified: this is the \`pull_request\` run's result (\`render\` is configured).</sub>`;
  if (file.report === null) {
    const summary = `${label}**meshguard: no mesh changes**\n`;
    const publication = await publisher.finishNoChanges(summary);
    return { verdict: 'pass', reportFile: file, markdown: `${summary}\n${footer}\n`, publication };
  }
  const headFiles = new Set(file.headFiles);
  const surfaces = renderSurfaces(file.report, {
    linkToLine: (path, line) =>
      headFiles.has(path) ? blobUrl(context, headSha, path, line) : null,
    fullReportUrl: runUrl,
    commentReserve: commentMarker(deps.inputs.checkName).length + footer.length + 8,
  });
  const publication = await publisher.finishReport(
    file.report,
    { comment: surfaces.comment, checkSummary: `${label}${surfaces.checkSummary}` },
    file.headFiles,
    footer,
  );
  return {
    verdict: file.report.verdict,
    reportFile: file,
    markdown: `${label}${surfaces.jobSummary.replace(/\n*$/, '')}\n\n${footer}\n`,
    publication,
  };
}
