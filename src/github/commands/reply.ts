import { codeSpan } from '../../analysis/render/escape.js';
import type { RepoRef } from '../context.js';
import { classify, OPERATIONS } from '../errors.js';
import { COMMENT_BUDGET, fitMarkdown } from '../fit.js';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit.js';

/** Marks our replies, so they are recognisable (and never mistaken for the sticky comment). */
export const REPLY_MARKER = '<!-- meshguard:reply -->';

export type Reaction = 'eyes' | '+1' | 'rocket' | 'confused';

/**
 * The reply: marker, the command quoted (a code span in a block quote, escaped), the answer,
 * cut to GitHub's comment limit (65,536 characters; we keep the headroom of fit.ts). No line of
 * it starts with `/mesh`, so neither we nor another bot can read our reply as a command.
 */
export function replyBody(commandLine: string, markdown: string): string {
  const head = `${REPLY_MARKER}\n> ${codeSpan(commandLine.slice(0, 300))}\n\n`;
  const budget = {
    chars: COMMENT_BUDGET.chars - head.length,
    bytes: COMMENT_BUDGET.bytes - Buffer.byteLength(head, 'utf8'),
  };
  const fitted = fitMarkdown(
    markdown.replace(/\n*$/, '\n'),
    budget,
    '> [!NOTE]\n> This answer is longer than a comment can hold, so it is cut here. Run `meshguard explain` locally for all of it.',
  );
  return neutraliseCommands(`${head}${fitted.text}`);
}

/**
 * A backslash before the slash renders the same (CommonMark §2.4 backslash escape) but no
 * longer starts the line with `/mesh`. A guard, not the escaping: user text is already escaped
 * by the renderers; this holds even for text we wrote ourselves.
 */
export function neutraliseCommands(body: string): string {
  return body.replace(/^([ \t]*)\/mesh/gm, '$1\\/mesh');
}

export interface CommentRef {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly number: number;
  readonly commentId: number;
  readonly logger: Logger;
}

export async function postReply(target: CommentRef, body: string): Promise<string> {
  try {
    const response = await target.octokit.rest.issues.createComment({
      ...target.repo,
      issue_number: target.number,
      body,
    });
    return response.data.html_url;
  } catch (error) {
    throw classify(error, OPERATIONS.writeComment);
  }
}

/** Reactions only acknowledge: a refused one is logged, never fails the command. */
export async function react(target: CommentRef, content: Reaction): Promise<void> {
  try {
    await target.octokit.rest.reactions.createForIssueComment({
      ...target.repo,
      comment_id: target.commentId,
      content,
    });
  } catch (error) {
    target.logger.warning(
      `could not add the ${content} reaction: ${classify(error, OPERATIONS.addReaction).message}`,
    );
  }
}
