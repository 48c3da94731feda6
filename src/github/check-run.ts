import { catalogue } from '../analysis/index.js';
import type { Finding, Report, Severity } from '../analysis/index.js';
import { truncate, truncateUtf8 } from '../analysis/render/escape.js';
import type { RepoRef } from './context.js';
import { classify, OPERATIONS } from './errors.js';
import { CHECK_SUMMARY_BUDGET, fitMarkdown, fullReportPointer } from './fit.js';
import type { GitHubClient } from './octokit.js';

/** The Checks API takes at most 50 annotations per request; later requests append. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Beyond this many, the rest are only in the report: each batch is one throttled write. */
export const MAX_ANNOTATIONS = 500;

/**
 * GitHub caps an annotation's message at 64 KB, counted in bytes: a limit in UTF-16 units lets
 * a message of non-ASCII values through too long, and a cut inside a surrogate pair leaves half a
 * character, which the API rejects. So the cut counts UTF-8 bytes, with headroom.
 */
export const ANNOTATION_MESSAGE_BYTES = 60_000;
/** And its title at 255 characters. */
const ANNOTATION_TITLE_MAX = 255;

export type Conclusion = 'success' | 'neutral' | 'failure';
export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface Annotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: AnnotationLevel;
  readonly title: string;
  readonly message: string;
}

const LEVEL: Record<Severity, AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  notice: 'notice',
};

/**
 * Annotations for findings on head lines of files that exist in the head commit. Base-side
 * findings (something deleted) and rendered output have no head line to point at; they stay in
 * the summary.
 */
export function annotationsFor(
  findings: readonly Finding[],
  headFiles: ReadonlySet<string>,
): Annotation[] {
  return findings
    .filter((f) => f.side === 'head' && headFiles.has(f.at.file))
    .map((f) => ({
      path: f.at.file,
      start_line: Math.max(1, f.at.line),
      end_line: Math.max(1, f.at.line),
      annotation_level: LEVEL[f.severity],
      title: truncate(`${f.code} ${catalogue[f.code].title}`, ANNOTATION_TITLE_MAX),
      message: truncateUtf8(f.message, ANNOTATION_MESSAGE_BYTES),
    }));
}

/** failure when the verdict fails; neutral when something was found that does not fail it. */
export function conclusionOf(report: Report): Conclusion {
  if (report.verdict === 'fail') return 'failure';
  return report.findings.length > 0 ? 'neutral' : 'success';
}

export function checkTitle(report: Report): string {
  const { error, warning, notice } = report.summary.findings;
  const parts = [
    error > 0 ? `${error} error${error === 1 ? '' : 's'}` : '',
    warning > 0 ? `${warning} warning${warning === 1 ? '' : 's'}` : '',
    notice > 0 ? `${notice} notice${notice === 1 ? '' : 's'}` : '',
  ].filter((p) => p !== '');
  const verdict = report.verdict === 'fail' ? 'regression' : 'no regression';
  return parts.length === 0 ? verdict : `${verdict}: ${parts.join(', ')}`;
}

export interface CheckRunTarget {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly name: string;
  readonly headSha: string;
  readonly clock: () => Date;
  readonly detailsUrl: string | null;
}

export interface CheckRunRef {
  readonly id: number;
  readonly url: string;
}

/** Shows `meshguard` as running on the head commit while the analysis works. */
export async function startCheckRun(target: CheckRunTarget): Promise<CheckRunRef> {
  try {
    const response = await target.octokit.rest.checks.create({
      ...target.repo,
      name: target.name,
      head_sha: target.headSha,
      status: 'in_progress',
      started_at: target.clock().toISOString(),
      ...(target.detailsUrl === null ? {} : { details_url: target.detailsUrl }),
    });
    return { id: response.data.id, url: response.data.html_url ?? '' };
  } catch (error) {
    throw classify(error, OPERATIONS.createCheckRun);
  }
}

export interface CheckRunResult {
  readonly conclusion: Conclusion;
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly Annotation[];
}

/**
 * Completes the check run (creating it when it could not be started): annotation batches go
 * first while it still shows as running, and the last request completes it, so nobody sees a
 * finished check with half its annotations.
 */
export async function completeCheckRun(
  target: CheckRunTarget,
  started: CheckRunRef | null,
  result: CheckRunResult,
  fullReportUrl: string | null,
): Promise<CheckRunRef> {
  const summary = fitMarkdown(
    result.summary,
    CHECK_SUMMARY_BUDGET,
    `> [!NOTE]\n> The report is cut here to fit a check run; the full report is in ${fullReportPointer(fullReportUrl)}.`,
  ).text;
  const annotations = result.annotations.slice(0, MAX_ANNOTATIONS);
  const batches: Annotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const last = batches.pop() ?? [];
  const output = (batch: readonly Annotation[]) => ({
    title: result.title,
    summary,
    ...(batch.length > 0 ? { annotations: [...batch] } : {}),
  });
  const completion = {
    status: 'completed' as const,
    conclusion: result.conclusion,
    completed_at: target.clock().toISOString(),
  };
  const operation = started === null ? OPERATIONS.createCheckRun : OPERATIONS.updateCheckRun;
  let ref = started;
  let lost: unknown = null;
  for (const batch of batches) {
    try {
      ref = await send(target, ref, { output: output(batch) });
    } catch (error) {
      // Annotations are extras; a run left "in progress" blocks a required check for good.
      lost = error;
      break;
    }
  }
  let done: CheckRunRef;
  try {
    done = await send(target, ref, { ...completion, output: output(lost === null ? last : []) });
  } catch (error) {
    throw classify(error, operation);
  }
  if (lost !== null) throw classify(lost, operation);
  return done;
}

async function send(
  target: CheckRunTarget,
  ref: CheckRunRef | null,
  body: {
    readonly output: { title: string; summary: string; annotations?: Annotation[] };
    readonly status?: 'completed';
    readonly conclusion?: Conclusion;
    readonly completed_at?: string;
  },
): Promise<CheckRunRef> {
  if (ref !== null) {
    const response = await target.octokit.rest.checks.update({
      ...target.repo,
      check_run_id: ref.id,
      ...body,
    });
    return { id: ref.id, url: response.data.html_url ?? ref.url };
  }
  const response = await target.octokit.rest.checks.create({
    ...target.repo,
    name: target.name,
    head_sha: target.headSha,
    ...(target.detailsUrl === null ? {} : { details_url: target.detailsUrl }),
    ...(body.status === undefined ? { status: 'in_progress' as const } : {}),
    ...body,
  });
  return { id: response.data.id, url: response.data.html_url ?? '' };
}
