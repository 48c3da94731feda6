import { DEFAULT_COMMANDS } from '../../analysis/config/index.js';
import { ConfigError, isExpectedError } from '../errors.js';
import { escapeMessage, codeSpan } from '../../analysis/render/escape.js';
import type { ReviewDependencies } from '../review.js';
import { answerEdge, answerFinding } from './answers.js';
import type { Answer } from './answers.js';
import { loadCommandConfig } from './config.js';
import type { CommandConfig } from './config.js';
import { readCommentEvent } from './event.js';
import type { CommentEvent } from './event.js';
import { helpMarkdown } from './help.js';
import { parseCommentCommand } from './parse.js';
import type { MeshCommand } from './parse.js';
import { checkPermission } from './permission.js';
import type { CommandRateLimiter } from './rate-limit.js';
import { postReply, react, replyBody } from './reply.js';
import type { CommentRef } from './reply.js';
import { rerunReview } from './rerun.js';
import { readPullRequest, readSides } from './sides.js';

/** The review's dependencies; `context` is the `issue_comment` event. */
export interface CommandDependencies extends ReviewDependencies {
  /** The App's in-memory limiter; the Action has none (each comment is its own run). */
  readonly limiter: CommandRateLimiter | null;
  /** The App's id, to ignore comments made through it. */
  readonly appId?: number | null;
}

export type CommandResult =
  | 'answered'
  | 'rerun'
  | 'help'
  | 'usage-error'
  | 'not-answered'
  | 'permission-denied'
  | 'rate-limited'
  | 'failed';

export type CommandOutcome =
  | { readonly kind: 'ignored'; readonly reason: string }
  | {
      readonly kind: 'handled';
      readonly result: CommandResult;
      readonly replyUrl: string | null;
      /** Why the command could not run: configuration, API or permission problems. */
      readonly error: string | null;
    };

/**
 * A `/mesh` comment, start to finish, identically for the App and the Action: read the event
 * (only new comments by people, on pull requests), parse strictly, read the configuration from
 * the default branch, apply the per-PR rate limit, acknowledge with 👀, check the commenter's
 * role, run the command, reply in a new comment quoting it, and finish with 👍/🚀 or 😕.
 */
export async function handleComment(deps: CommandDependencies): Promise<CommandOutcome> {
  const read = readCommentEvent(deps.context.eventName, deps.context.payload, {
    appId: deps.appId ?? null,
  });
  if (read.kind === 'ignored') return read;
  const event = read.event;
  const parsed = parseCommentCommand(event.body);
  if (parsed.kind === 'none') return { kind: 'ignored', reason: 'no /mesh command in the comment' };
  const target: CommentRef = {
    octokit: deps.octokit,
    repo: event.repo,
    number: event.number,
    commentId: event.commentId,
    logger: deps.logger,
  };
  const finish = async (
    result: CommandResult,
    markdown: string | null,
    reaction: '+1' | 'rocket' | 'confused' | null,
    error: string | null = null,
  ): Promise<CommandOutcome> => {
    const replyUrl =
      markdown === null ? null : await postReply(target, replyBody(parsed.line, markdown));
    if (reaction !== null) await react(target, reaction);
    deps.logger.info(`/mesh command on #${event.number} by ${event.commenter}: ${result}`);
    return { kind: 'handled', result, replyUrl, error };
  };

  // One bucket per commenter on each pull request: a stranger's flood of refused commands must
  // not use up the maintainers' budget.
  const bucket = `${event.repo.owner}/${event.repo.repo}#${event.number}@${event.commenter}`;
  let config: CommandConfig;
  try {
    config = await loadCommandConfig({
      octokit: deps.octokit,
      repo: event.repo,
      logger: deps.logger,
      ref: event.defaultBranch,
      overrides: deps.inputs,
      today: deps.clock().toISOString().slice(0, 10),
    });
  } catch (error) {
    if (!isExpectedError(error)) throw error;
    // Anyone can trigger this reply, so it counts against the default budget too.
    const limited = admit(deps, bucket, DEFAULT_COMMANDS.rateLimit, event.number, finish);
    if (limited !== null) return limited;
    return finish('failed', failureMarkdown(error), 'confused', error.message);
  }
  if (!config.commands.enabled)
    return { kind: 'ignored', reason: 'commands are disabled in the configuration' };
  const limited = admit(deps, bucket, config.commands.rateLimit, event.number, finish);
  if (limited !== null) return limited;
  await react(target, 'eyes');
  try {
    const command = parsed.kind === 'command' ? parsed.command : null;
    const denied = await permissionProblem(deps, event, config, command);
    if (denied !== null) return await finish('permission-denied', denied, 'confused');
    const help = helpMarkdown(config.commands, deps.inputs.configPath);
    if (parsed.kind === 'usage-error' || command === null)
      return await finish(
        'usage-error',
        `${escapeMessage(parsed.kind === 'usage-error' ? parsed.message : 'not a command')}\n\n${help}`,
        'confused',
      );
    return await run(deps, event, config, command, help, finish);
  } catch (error) {
    if (!isExpectedError(error)) {
      await finish(
        'failed',
        'meshguard hit an internal error; the App or job log has the details.\n',
        'confused',
      ).catch(() => undefined);
      throw error;
    }
    return finish('failed', failureMarkdown(error), 'confused', error.message);
  }
}

/** `null` when the command may go on; otherwise what to return (one reply, then silence). */
function admit(
  deps: CommandDependencies,
  bucket: string,
  limit: number,
  number: number,
  finish: Finish,
): Promise<CommandOutcome> | CommandOutcome | null {
  if (deps.limiter === null) return null;
  const admission = deps.limiter.admit(bucket, limit);
  if (admission.allowed) return null;
  deps.logger.warning(`rate limit: /mesh command on #${number} dropped`);
  if (!admission.firstRefusal) return { kind: 'ignored', reason: 'rate limited' };
  const minutes = Math.ceil(admission.retryAfterSeconds / 60);
  return finish(
    'rate-limited',
    `meshguard answers at most ${limit} commands per person on a pull request every 10 minutes; try again in about ${minutes} minute${minutes === 1 ? '' : 's'}.\n`,
    'confused',
  );
}

type Finish = (
  result: CommandResult,
  markdown: string | null,
  reaction: '+1' | 'rocket' | 'confused' | null,
  error?: string | null,
) => Promise<CommandOutcome>;

async function run(
  deps: CommandDependencies,
  event: CommentEvent,
  config: CommandConfig,
  command: MeshCommand,
  help: string,
  finish: Finish,
): Promise<CommandOutcome> {
  if (command.name === 'help') return finish('help', help, '+1');
  const pull = await readPullRequest(deps.octokit, event.repo, event.number);
  if (command.name === 'rerun') {
    const outcome = await rerunReview({ ...deps, pull, defaultBranch: event.defaultBranch });
    const problems = outcome.publication.errors.map((e) => e.message);
    if (problems.length > 0)
      return finish('failed', failureLines(problems), 'confused', problems.join('; '));
    // The check run and the sticky comment are the answer; a reply would only repeat them.
    return finish('rerun', null, 'rocket');
  }
  const sides = await readSides({ ...deps, repo: event.repo, pull, config: config.config });
  const answer: Answer =
    command.name === 'explain-edge'
      ? answerEdge(deps.context, sides, config.config, command.query)
      : answerFinding(deps.context, sides, config.config, command.finding, deps.inputs.configPath);
  return answer.answered
    ? finish('answered', answer.markdown, '+1')
    : finish('not-answered', `${answer.markdown}\n${help}`, 'confused');
}

async function permissionProblem(
  deps: CommandDependencies,
  event: CommentEvent,
  config: CommandConfig,
  command: MeshCommand | null,
): Promise<string | null> {
  const rerun = command?.name === 'rerun';
  const required = rerun ? config.commands.rerunPermission : config.commands.permission;
  const grant = await checkPermission(deps.octokit, event.repo, event.commenter, {
    role: required,
    author: !rerun && config.commands.allowAuthor ? event.author : null,
  });
  if (grant.allowed) return null;
  const who = rerun || !config.commands.allowAuthor ? '' : " (or to be the pull request's author)";
  return `${rerun ? '`/mesh rerun`' : 'This command'} needs the ${codeSpan(required)} role on this repository${who}; ${codeSpan(event.commenter)} has ${grant.role === 'none' ? 'no role' : `the ${codeSpan(grant.role)} role`}. The requirement is set under \`commands:\` in ${codeSpan(deps.inputs.configPath)} on the default branch.\n`;
}

function failureMarkdown(error: Error): string {
  const details = error instanceof ConfigError ? error.details : [];
  return failureLines([error.message, ...details]);
}

function failureLines(lines: readonly string[]): string {
  const [first = '', ...rest] = lines;
  return (
    [
      `meshguard could not run the command: ${escapeMessage(first)}`,
      ...rest.map((l) => `- ${escapeMessage(l)}`),
    ].join('\n') + '\n'
  );
}
