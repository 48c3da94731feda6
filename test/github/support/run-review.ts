import type { ReviewContext } from '../../../src/github/context.js';
import { review } from '../../../src/github/review.js';
import type { ReviewInputs, ReviewOutcome } from '../../../src/github/review.js';
import { testClient } from './client.js';
import { contextFor, pullRequestPayload } from './payloads.js';

/** The fixed clock every adapter test passes. */
export const NOW = new Date('2026-03-14T09:26:53Z');

export const INPUTS: ReviewInputs = {
  configPath: '.github/meshguard.yml',
  paths: null,
  failOn: null,
  comment: null,
  checkName: 'meshguard',
  source: 'auto',
  fetch: false,
  directories: null,
};

export interface ReviewRun {
  readonly outcome: ReviewOutcome;
  readonly log: readonly string[];
}

/** Runs the review of pull request `number` between two commits of the repository `dir`. */
export async function reviewPullRequest(options: {
  readonly dir: string;
  readonly baseSha: string;
  readonly headSha: string;
  readonly number?: number;
  readonly fork?: boolean;
  readonly inputs?: Partial<ReviewInputs>;
  readonly context?: Partial<ReviewContext>;
  readonly throttle?: boolean;
}): Promise<ReviewRun> {
  const { octokit, logger } = testClient({ throttle: options.throttle ?? false });
  const event = pullRequestPayload({
    number: options.number ?? 7,
    baseSha: options.baseSha,
    headSha: options.headSha,
    fork: options.fork ?? false,
  });
  const outcome = await review({
    octokit,
    context: contextFor('pull_request', event, options.context),
    clock: () => NOW,
    inputs: { ...INPUTS, ...options.inputs },
    logger,
    workspace: options.dir,
  });
  return { outcome, log: logger.lines };
}
