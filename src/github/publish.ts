import type { CommentPolicy } from '../analysis/config/index.js';
import { asRecord, blobUrl, isSha } from './context.js';
import type { ReviewContext } from './context.js';
import { ConfigError } from './errors.js';
import type { Logger } from './logger.js';
import type { GitHubClient } from './octokit.js';
import { commentMarker } from './comment.js';
import { Publisher } from './publication.js';
import { renderSurfaces } from './surfaces.js';
import { ArtifactError, parseReportFile } from './report-file.js';
import type { ReviewOutcome } from './review.js';

export interface PublishDependencies {
  readonly octokit: GitHubClient;
  readonly context: ReviewContext;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly checkName: string;
  readonly comment: CommentPolicy;
  /** The report file downloaded from the `pull_request` run's artifact. */
  readonly reportText: string;
}

/**
 * `mode: publish`, the privileged half of the fork pattern: on `workflow_run`, post the report
 * that the unprivileged `pull_request` run computed. Nothing of the pull request is checked out
 * or run. The artifact is untrusted: its shape is rebuilt field by field, its commit must be the
 * one GitHub says the run was for, and the pull request it names must have that head.
 */
export async function publish(deps: PublishDependencies): Promise<ReviewOutcome> {
  const { context, logger } = deps;
  if (context.eventName !== 'workflow_run') {
    throw new ConfigError(
      `mode: publish runs on workflow_run events, not \`${context.eventName}\``,
    );
  }
  const run = asRecord(asRecord(context.payload)['workflow_run']);
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
  const pullRequest =
    file.pullRequest === null
      ? null
      : await confirmPullRequest(deps, file.pullRequest, headSha, run);
  const runUrl =
    typeof run['html_url'] === 'string' && /^https:\/\//.test(run['html_url'])
      ? run['html_url']
      : null;
  const publisher = new Publisher({
    octokit: deps.octokit,
    repo: context.repo,
    logger,
    clock: deps.clock,
    checkName: deps.checkName,
    headSha,
    pullRequest,
    comment: deps.comment,
    expectReadOnly: false,
    runUrl,
  });
  await publisher.start();
  const footer = `<sub>meshguard compared \`${file.baseSha.slice(0, 7)}\` (base) with \`${headSha.slice(0, 7)}\` (head)${runUrl === null ? '' : `; [full report](${runUrl})`}.</sub>`;
  if (file.report === null) {
    const summary = '**meshguard: no mesh changes**\n';
    const publication = await publisher.finishNoChanges(summary);
    return { verdict: 'pass', reportFile: file, markdown: `${summary}\n${footer}\n`, publication };
  }
  const headFiles = new Set(file.headFiles);
  const surfaces = renderSurfaces(file.report, {
    linkToLine: (path, line) =>
      headFiles.has(path) ? blobUrl(context, headSha, path, line) : null,
    fullReportUrl: runUrl,
    commentReserve: commentMarker(deps.checkName).length + footer.length + 8,
  });
  const publication = await publisher.finishReport(file.report, surfaces, file.headFiles, footer);
  return {
    verdict: file.report.verdict,
    reportFile: file,
    markdown: `${surfaces.jobSummary.replace(/\n*$/, '')}\n\n${footer}\n`,
    publication,
  };
}

/**
 * The pull request number comes from the artifact, so a fork could name another pull request.
 * It is used only if GitHub confirms that pull request's head is the commit the run was for.
 */
async function confirmPullRequest(
  deps: PublishDependencies,
  number: number,
  headSha: string,
  run: Record<string, unknown>,
): Promise<number | null> {
  const listed = Array.isArray(run['pull_requests'])
    ? run['pull_requests'].map((p) => asRecord(p)['number'])
    : [];
  if (listed.length > 0 && !listed.includes(number)) {
    deps.logger.warning(
      `the report names pull request #${number}, which the run does not list; not commenting`,
    );
    return null;
  }
  try {
    const response = await deps.octokit.rest.pulls.get({
      ...deps.context.repo,
      pull_number: number,
    });
    if (response.data.head.sha === headSha) return number;
    deps.logger.warning(
      `pull request #${number} is now at ${response.data.head.sha.slice(0, 7)}, not ${headSha.slice(0, 7)}; not commenting (a newer run will)`,
    );
  } catch {
    deps.logger.warning(`could not read pull request #${number}; not commenting`);
  }
  return null;
}
