import type { ApplicationFunction, Context } from 'probot';
import { DEFAULT_CONFIG_PATH } from '../analysis/config/index.js';
import { asRecord } from '../github/context.js';
import { ApiError, ConfigError, MissingPermissionError } from '../github/errors.js';
import { review } from '../github/review.js';
import type { ReviewInputs } from '../github/review.js';
import { readCommentEvent } from '../github/commands/event.js';
import { handleComment } from '../github/commands/handle.js';
import { parseCommentCommand } from '../github/commands/parse.js';
import { CommandRateLimiter } from '../github/commands/rate-limit.js';
import { rerunReview } from '../github/commands/rerun.js';
import { readPullRequest } from '../github/commands/sides.js';
import { GitError } from '../github/sources/git.js';
import { installationClient } from './client.js';
import type { ClientOptions } from './client.js';
import { reviewContext } from './context.js';
import { appLogger } from './logger.js';
import { pullRequestsFor } from './pulls.js';

export interface AppOptions {
  /** This App's id: comments made through it and check runs of other Apps are ignored. */
  readonly appId?: number | null;
  readonly clock?: () => Date;
  readonly client?: ClientOptions;
  /** The check run's name, and the key of the sticky comment. */
  readonly checkName?: string;
  readonly limiter?: CommandRateLimiter;
}

/** Reviewed on these; a draft waits for `ready_for_review` (or `/mesh rerun`). */
export const REVIEW_EVENTS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

/**
 * The meshguard GitHub App: the Action's review on pull request events and on "Re-run" of its
 * check run, and `/mesh` commands in comments, all through src/github. Both sides are read
 * through the API by SHA and the configuration from the default branch.
 */
export function meshguardApp(options: AppOptions = {}): ApplicationFunction {
  const clock = options.clock ?? (() => new Date());
  const limiter = options.limiter ?? new CommandRateLimiter(clock);
  const checkName = options.checkName ?? 'meshguard';
  const setup = async (context: Context) => {
    const logger = appLogger(context.log);
    const octokit = await installationClient(context, logger, options.client);
    const defaultBranch = asRecord(asRecord(context.payload)['repository'])['default_branch'];
    const inputs: ReviewInputs = {
      configPath: DEFAULT_CONFIG_PATH,
      paths: null,
      failOn: null,
      comment: null,
      checkName,
      source: 'api',
      fetch: false,
      directories: null,
      configRef: typeof defaultBranch === 'string' ? defaultBranch : null,
      tokenMayWrite: true,
    };
    const deps = {
      octokit,
      context: reviewContext(context.name, context.payload),
      clock,
      logger,
      inputs,
      workspace: process.cwd(),
    };
    return { ...deps, defaultBranch: inputs.configRef ?? null };
  };

  return (app) => {
    app.on([...REVIEW_EVENTS], async (context) => {
      if (context.payload.pull_request.draft) {
        context.log.info('draft pull request: reviewed once it is ready for review');
        return;
      }
      const deps = await setup(context);
      await expected(deps.logger, () => review(deps));
    });

    app.on('check_run.rerequested', async (context) => {
      const run = context.payload.check_run;
      if (run.name !== checkName || (options.appId != null && run.app?.id !== options.appId))
        return;
      const deps = await setup(context);
      const numbers = await pullRequestsFor(
        deps.octokit,
        deps.context.repo,
        run.head_sha,
        run.pull_requests.map((p) => p.number),
      );
      for (const number of numbers) {
        const pull = await readPullRequest(deps.octokit, deps.context.repo, number);
        if (pull.headSha !== run.head_sha) {
          deps.logger.info(
            `#${number} moved on to ${pull.headSha.slice(0, 7)}; its own check run stands`,
          );
          continue;
        }
        await expected(deps.logger, () => rerunReview({ ...deps, pull }));
      }
    });

    app.on('issue_comment.created', async (context) => {
      // Most comments are not for us: decide that before minting a token or calling the API.
      const read = readCommentEvent(context.name, context.payload, {
        appId: options.appId ?? null,
      });
      if (read.kind === 'ignored' || parseCommentCommand(read.event.body).kind === 'none') return;
      const deps = await setup(context);
      const outcome = await handleComment({ ...deps, limiter, appId: options.appId ?? null });
      if (outcome.kind === 'ignored') deps.logger.debug(`comment ignored: ${outcome.reason}`);
    });
  };
}

/**
 * The review already put a configuration or API failure on the check run; here it is logged
 * and the delivery answered, so GitHub does not show it as failed. Anything else is a bug and
 * surfaces in Probot's error log.
 */
async function expected(
  logger: { error(m: string): void },
  task: () => Promise<unknown>,
): Promise<void> {
  try {
    await task();
  } catch (error) {
    const known =
      error instanceof ConfigError ||
      error instanceof ApiError ||
      error instanceof MissingPermissionError ||
      error instanceof GitError;
    if (!known) throw error;
    logger.error(`meshguard could not run: ${error.message}`);
  }
}
