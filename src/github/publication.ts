import type { CommentPolicy } from '../analysis/config/index.js';
import type { Report } from '../analysis/index.js';
import {
  annotationsFor,
  checkTitle,
  completeCheckRun,
  conclusionOf,
  startCheckRun,
} from './check-run.js';
import type { CheckRunRef, CheckRunResult, CheckRunTarget } from './check-run.js';
import { commentBody, commentMarker, resolvedBody, upsertStickyComment } from './comment.js';
import type { CommentTarget } from './comment.js';
import type { RepoRef } from './context.js';
import { ApiError, MissingPermissionError } from './errors.js';
import type { GitHubError } from './errors.js';
import type { Logger } from './logger.js';
import type { GitHubClient } from './octokit.js';
import { readOnlyAdvice } from './recipe.js';
import type { Surfaces } from './surfaces.js';

export interface PublisherOptions {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly checkName: string;
  readonly headSha: string;
  readonly pullRequest: number | null;
  readonly comment: CommentPolicy;
  /** The token is read-only by design (fork or Dependabot PR on `pull_request`). */
  readonly expectReadOnly: boolean;
  /** The run page, which holds the job summary: the full report. */
  readonly runUrl: string | null;
  /** False in `mode: analyze`: compute and report through the job only, never write to GitHub. */
  readonly writes?: boolean;
}

export interface Publication {
  readonly checkRunUrl: string | null;
  readonly commentUrl: string | null;
  /** Writes were skipped because the token cannot write; not an error. */
  readonly readOnly: boolean;
  readonly errors: readonly GitHubError[];
}

/**
 * Writes results back: the check run and the sticky comment. Every failure is collected, not
 * thrown, so the job summary and the exit status still tell the truth when GitHub refuses.
 */
export class Publisher {
  private started: CheckRunRef | null = null;
  private checkUsable = true;
  private readOnly = false;
  private checkRunUrl: string | null = null;
  private commentUrl: string | null = null;
  private readonly errors: GitHubError[] = [];

  private comment: CommentPolicy;

  constructor(private readonly options: PublisherOptions) {
    this.comment = options.comment;
  }

  /** The policy can come from the configuration, which is read after the check has started. */
  setComment(policy: CommentPolicy): void {
    this.comment = policy;
  }

  /** Shows the check as running; the first write also tells whether the token may write. */
  async start(): Promise<void> {
    if (this.options.writes === false) {
      this.readOnly = true;
      return;
    }
    try {
      this.started = await startCheckRun(this.checkTarget());
      this.checkRunUrl = this.started.url;
    } catch (error) {
      this.fail(error);
    }
  }

  async finishReport(
    report: Report,
    surfaces: Pick<Surfaces, 'comment' | 'checkSummary'>,
    headFiles: readonly string[],
    footer: string,
  ): Promise<Publication> {
    await this.completeCheck({
      conclusion: conclusionOf(report),
      title: checkTitle(report),
      summary: surfaces.checkSummary,
      annotations: annotationsFor(report.findings, new Set(headFiles)),
    });
    const create =
      this.comment === 'always' || (this.comment === 'on-change' && hasSomethingToSay(report));
    const marker = commentMarker(this.options.checkName);
    const body = commentBody(marker, surfaces.comment, footer, this.options.runUrl);
    await this.writeComment(body, create);
    return this.result();
  }

  async finishNoChanges(summary: string): Promise<Publication> {
    await this.completeCheck({
      conclusion: 'success',
      title: 'no mesh changes',
      summary,
      annotations: [],
    });
    const marker = commentMarker(this.options.checkName);
    await this.writeComment(resolvedBody(marker, this.options.headSha), false);
    return this.result();
  }

  /** The analysis could not run (bad configuration, unreadable repository): say so on the check. */
  async finishError(message: string): Promise<Publication> {
    await this.completeCheck({
      conclusion: 'failure',
      title: 'meshguard could not run',
      summary: message,
      annotations: [],
    });
    return this.result();
  }

  private async completeCheck(result: CheckRunResult): Promise<void> {
    if (this.readOnly || !this.checkUsable) return;
    try {
      const ref = await completeCheckRun(
        this.checkTarget(),
        this.started,
        result,
        this.options.runUrl,
      );
      this.checkRunUrl = ref.url;
    } catch (error) {
      this.fail(error);
    }
  }

  private async writeComment(body: string, create: boolean): Promise<void> {
    const { pullRequest, logger } = this.options;
    if (pullRequest === null || this.comment === 'never' || this.readOnly) return;
    const target: CommentTarget = {
      ...this.options,
      number: pullRequest,
      marker: commentMarker(this.options.checkName),
    };
    if (await this.isStale(pullRequest)) return;
    try {
      const result = await upsertStickyComment(target, body, { create });
      if (result.action !== 'none') {
        this.commentUrl = result.comment.url;
        logger.info(`comment ${result.action}: ${result.comment.url}`);
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * A newer push started another run; its result must win, so this one leaves the comment
   * alone (the check run stays: it belongs to this run's commit).
   */
  private async isStale(pullRequest: number): Promise<boolean> {
    try {
      const response = await this.options.octokit.rest.pulls.get({
        ...this.options.repo,
        pull_number: pullRequest,
      });
      if (response.data.head.sha === this.options.headSha) return false;
      this.options.logger.info(
        `the pull request's head moved to ${response.data.head.sha.slice(0, 7)}; leaving the comment to that run`,
      );
      return true;
    } catch {
      return false;
    }
  }

  private fail(error: unknown): void {
    // Anything but a classified API failure is a bug in meshguard: let it surface.
    if (!(error instanceof ApiError || error instanceof MissingPermissionError)) throw error;
    if (error instanceof MissingPermissionError && this.options.expectReadOnly) {
      if (!this.readOnly) for (const line of readOnlyAdvice()) this.options.logger.warning(line);
      this.readOnly = true;
      return;
    }
    if (error instanceof MissingPermissionError && error.operation.permission === 'checks: write') {
      this.checkUsable = false;
    }
    this.options.logger.error(error.message);
    this.errors.push(error);
  }

  private checkTarget(): CheckRunTarget {
    const { octokit, repo, checkName, headSha, clock, runUrl } = this.options;
    return { octokit, repo, name: checkName, headSha, clock, detailsUrl: runUrl };
  }

  private result(): Publication {
    return {
      checkRunUrl: this.checkRunUrl,
      commentUrl: this.commentUrl,
      readOnly: this.readOnly,
      errors: [...this.errors],
    };
  }
}

/** Worth a new comment: a finding, or any change in access, mTLS or workloads. */
export function hasSomethingToSay(report: Report): boolean {
  return (
    report.findings.length > 0 ||
    report.edges.length > 0 ||
    report.mtls.length > 0 ||
    report.workloads.added.length > 0 ||
    report.workloads.removed.length > 0
  );
}
