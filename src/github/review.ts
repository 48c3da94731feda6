import { analyzeChange } from '../analysis/index.js';
import { codeSpan, escapeMessage } from '../analysis/render/escape.js';
import { collectSides } from './collect.js';
import { prepareComparison } from './comparison.js';
import type { Comparison, SourceChoice } from './comparison.js';
import { loadConfig } from './config-loader.js';
import type { ConfigOverrides } from './config-loader.js';
import { blobUrl, resolveTarget, runUrl } from './context.js';
import type { ReviewContext, ReviewTarget } from './context.js';
import { ConfigError, isExpectedError } from './errors.js';
import type { Logger } from './logger.js';
import type { GitHubClient } from './octokit.js';
import { Publisher } from './publication.js';
import type { Publication } from './publication.js';
import type { ReportFile } from './report-file.js';
import { renderSurfaces } from './surfaces.js';
import { commentMarker } from './comment.js';

export interface ReviewInputs extends ConfigOverrides {
  readonly checkName: string;
  readonly source: SourceChoice;
  readonly fetch: boolean;
  /** Compare two folders of the workspace instead of two commits. */
  readonly directories: { readonly base: string; readonly head: string } | null;
  /** False for `mode: analyze`: no check run, no comment, only the outcome. */
  readonly writes?: boolean;
  /**
   * Read the configuration at this ref instead of the base commit: the App and `/mesh rerun`
   * pass the default branch, so neither the pull request nor its base branch chooses the gate.
   */
  readonly configRef?: string | null;
  /**
   * The token may write whatever the event (an App installation token, a workflow run by
   * `issue_comment`): a refused write is then an error to report, never "read-only by design".
   */
  readonly tokenMayWrite?: boolean;
}

export interface ReviewDependencies {
  readonly octokit: GitHubClient;
  readonly context: ReviewContext;
  readonly clock: () => Date;
  readonly inputs: ReviewInputs;
  readonly logger: Logger;
  /** The checkout (`GITHUB_WORKSPACE`): the git clone, and the root of base-dir and head-dir. */
  readonly workspace: string;
}

export interface ReviewOutcome {
  readonly verdict: 'pass' | 'fail';
  readonly reportFile: ReportFile;
  /** The full report, footer included: the job summary. */
  readonly markdown: string;
  readonly publication: Publication;
}

/**
 * The pull request review, shared by the Action and the App: read both sides of the change,
 * analyse, and publish a check run and a sticky comment.
 */
export async function review(deps: ReviewDependencies): Promise<ReviewOutcome> {
  const target = resolveTarget(deps.context);
  const publisher = new Publisher({
    octokit: deps.octokit,
    repo: deps.context.repo,
    logger: deps.logger,
    clock: deps.clock,
    checkName: deps.inputs.checkName,
    headSha: target.headSha,
    pullRequest: target.kind === 'pull_request' ? target.number : null,
    comment: deps.inputs.comment ?? 'on-change',
    expectReadOnly:
      deps.inputs.tokenMayWrite === true ? false : expectReadOnly(deps.context, target),
    runUrl: runUrl(deps.context),
    writes: deps.inputs.writes ?? true,
  });
  await publisher.start();
  try {
    return await analyse(deps, target, publisher);
  } catch (error) {
    if (isExpectedError(error))
      await publisher.finishError(`meshguard could not run: ${error.message}`);
    throw error;
  }
}

async function analyse(
  deps: ReviewDependencies,
  target: ReviewTarget,
  publisher: Publisher,
): Promise<ReviewOutcome> {
  const { context, logger, inputs, workspace } = deps;
  const prepared = await prepareComparison({
    ...deps,
    repo: context.repo,
    eventName: context.eventName,
    target,
    ...inputs,
  });
  const comparison =
    inputs.configRef === undefined || inputs.configRef === null
      ? prepared
      : { ...prepared, configRef: inputs.configRef };
  const loaded = await loadConfig({
    comparison,
    octokit: deps.octokit,
    repo: context.repo,
    workspace,
    logger,
    overrides: inputs,
    today: deps.clock().toISOString().slice(0, 10),
  });
  if (context.eventName === 'pull_request_target' && loaded.config.render.length > 0) {
    throw new ConfigError(
      'render is refused on pull_request_target: it would run tools on the pull request with a write token',
    );
  }
  publisher.setComment(loaded.comment);
  const footer = footerLines(comparison, loaded.notes);
  const collected = await collectSides(comparison, loaded.config, workspace, logger);
  const base = {
    repository: `${context.repo.owner}/${context.repo.repo}`,
    pullRequest: target.kind === 'pull_request' ? target.number : null,
    baseSha: comparison.baseSha,
    headSha: comparison.headSha,
  };
  if (!collected.changed) {
    logger.info('no configured file changed: no mesh changes');
    const summary = noChangesSummary(loaded.config.paths, comparison);
    const publication = await publisher.finishNoChanges(summary);
    return {
      verdict: 'pass',
      reportFile: {
        kind: 'meshguard-report',
        version: 1,
        ...base,
        meshChanges: false,
        headFiles: [],
        report: null,
      },
      markdown: `${summary}\n${footer.join('\n')}\n`,
      publication,
    };
  }
  const report = analyzeChange({
    base: collected.base.files,
    head: collected.head.files,
    options: loaded.config.analyze,
    problems: {
      unreadable: { base: collected.base.unreadable, head: collected.head.unreadable },
      limits: collected.limits,
    },
  });
  const headFiles = new Set(collected.headFiles);
  const comment = commentFooter(footer, deps.context);
  const surfaces = renderSurfaces(report, {
    linkToLine: (file, line) =>
      headFiles.has(file) ? blobUrl(context, comparison.headSha, file, line) : null,
    fullReportUrl: runUrl(context),
    commentReserve: commentMarker(inputs.checkName).length + comment.length + 8,
  });
  const publication = await publisher.finishReport(report, surfaces, collected.headFiles, comment);
  return {
    verdict: report.verdict,
    reportFile: {
      kind: 'meshguard-report',
      version: 1,
      ...base,
      meshChanges: true,
      headFiles: collected.headFiles,
      report,
    },
    markdown: `${surfaces.jobSummary.replace(/\n*$/, '')}\n\n${footer.join('\n')}\n`,
    publication,
  };
}

/**
 * Fork pull requests on `pull_request`, and Dependabot's, get a read-only token by design: a
 * refused write there is expected and answered with advice, not an error.
 */
function expectReadOnly(context: ReviewContext, target: ReviewTarget): boolean {
  if (context.eventName !== 'pull_request') return false;
  return (target.kind === 'pull_request' && target.fork) || context.actor === 'dependabot[bot]';
}

function short(ref: string): string {
  return /^[0-9a-f]{40}/.test(ref) ? ref.slice(0, 7) : ref;
}

export function footerLines(comparison: Comparison, notes: readonly string[]): string[] {
  const compared = `meshguard compared ${codeSpan(short(comparison.baseRef))} (base) with ${codeSpan(short(comparison.headRef))} (head)`;
  // Notes are messages (user values quoted as code spans), not Markdown: a configured path is
  // shown as written.
  const said = [...comparison.notes, ...notes].map((note) => escapeMessage(note));
  return [`<sub>${[compared, ...said].join('; ')}.</sub>`];
}

export function commentFooter(lines: readonly string[], context: ReviewContext): string {
  const url = runUrl(context);
  return url === null
    ? lines.join('\n')
    : `${lines.join('\n')}\n<sub>[Full report and JSON](${url})</sub>`;
}

function noChangesSummary(paths: readonly string[], comparison: Comparison): string {
  const shown = paths
    .slice(0, 10)
    .map((p) => codeSpan(p))
    .join(', ');
  return `**meshguard: no mesh changes**\n\nNo file matched by the configured paths (${shown || 'none'}) differs between ${codeSpan(short(comparison.baseRef))} and ${codeSpan(short(comparison.headRef))}.\n`;
}
