import { asRecord } from '../context.js';
import type { RepoRef } from '../context.js';

/** A new comment on a pull request, with what the command handler needs from the payload. */
export interface CommentEvent {
  readonly repo: RepoRef;
  /** The pull request's number (its issue number). */
  readonly number: number;
  readonly commentId: number;
  readonly body: string;
  readonly commenter: string;
  /** The pull request's author, who may run read-only commands when the configuration says so. */
  readonly author: string | null;
  /** Where the configuration is read: the repository's default branch. */
  readonly defaultBranch: string | null;
}

export type CommentEventRead =
  | { readonly kind: 'comment'; readonly event: CommentEvent }
  | { readonly kind: 'ignored'; readonly reason: string };

/**
 * Reads an `issue_comment` event. Only `created` counts: an edited comment is never re-run (it
 * would let anyone replay a command by editing someone else's quote into it), and comments by
 * any bot (ourselves included: our replies quote commands) are ignored, so two bots can never
 * answer each other. `sender.type` and the comment author's type are both checked, and a comment
 * made through our own App is ignored even if GitHub reports a user as its sender.
 */
export function readCommentEvent(
  eventName: string,
  payload: unknown,
  options: { readonly appId?: number | null } = {},
): CommentEventRead {
  const root = asRecord(payload);
  if (eventName !== 'issue_comment') return ignored(`not a comment event (\`${eventName}\`)`);
  if (root['action'] !== 'created')
    return ignored(`comment ${String(root['action'])}, not created`);
  const issue = asRecord(root['issue']);
  const comment = asRecord(root['comment']);
  if (issue['pull_request'] === undefined || issue['pull_request'] === null)
    return ignored('a comment on an issue, not a pull request');
  if (asRecord(root['sender'])['type'] === 'Bot' || asRecord(comment['user'])['type'] === 'Bot')
    return ignored('a comment by a bot');
  const viaApp = asRecord(comment['performed_via_github_app'])['id'];
  if (options.appId != null && viaApp === options.appId) return ignored('our own comment');
  const repository = asRecord(root['repository']);
  const owner = asRecord(repository['owner'])['login'];
  const name = repository['name'];
  const number = issue['number'];
  const commentId = comment['id'];
  const body = comment['body'];
  const commenter = asRecord(comment['user'])['login'];
  if (
    typeof owner !== 'string' ||
    typeof name !== 'string' ||
    typeof number !== 'number' ||
    typeof commentId !== 'number' ||
    typeof commenter !== 'string'
  )
    return ignored('the payload lacks the repository, pull request, comment or commenter');
  const author = asRecord(issue['user'])['login'];
  const defaultBranch = repository['default_branch'];
  return {
    kind: 'comment',
    event: {
      repo: { owner, repo: name },
      number,
      commentId,
      body: typeof body === 'string' ? body : '',
      commenter,
      author: typeof author === 'string' ? author : null,
      defaultBranch:
        typeof defaultBranch === 'string' && defaultBranch !== '' ? defaultBranch : null,
    },
  };
}

function ignored(reason: string): CommentEventRead {
  return { kind: 'ignored', reason };
}
