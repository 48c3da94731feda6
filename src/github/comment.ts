import { percentEncode } from '../analysis/render/escape.js';
import type { RepoRef } from './context.js';
import { classify, isNotFound, OPERATIONS } from './errors.js';
import { COMMENT_BUDGET, fitMarkdown, fullReportPointer } from './fit.js';
import type { Logger } from './logger.js';
import type { GitHubClient } from './octokit.js';

/**
 * One comment per pull request (and per check name, so two meshguard jobs for two meshes keep
 * two comments), found by this hidden first line and edited in place. Source: the sticky-comment
 * pattern of infracost and changesets (/work/shared/style.md anchor 8).
 */
export function commentMarker(checkName: string): string {
  return `<!-- meshguard:v1 check=${markerName(checkName)} -->`;
}

/**
 * The check name, losslessly, in characters that cannot end an HTML comment: others are
 * percent-encoded, so `mesh:prod` and `mesh_prod` keep two comments. Plain names read as before.
 */
function markerName(checkName: string): string {
  return percentEncode(checkName, /[A-Za-z0-9 ._/-]/);
}

export interface StickyComment {
  readonly id: number;
  readonly body: string;
  readonly url: string;
}

export interface CommentTarget {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly number: number;
  readonly marker: string;
  readonly logger: Logger;
}

export type CommentResult =
  | { readonly action: 'created' | 'updated' | 'unchanged'; readonly comment: StickyComment }
  | { readonly action: 'none' };

/**
 * Builds the comment: marker, the report (cut to fit with a pointer to the full one), footer.
 * The footer has no timestamp, so a re-run on the same commit produces the same body and is
 * skipped.
 */
export function commentBody(
  marker: string,
  markdown: string,
  footer: string,
  fullReportUrl: string | null,
): string {
  const notice = `> [!NOTE]\n> This report is longer than a pull request comment can hold, so it is cut here. The full report is in ${fullReportPointer(fullReportUrl)}.`;
  const budget = {
    chars: COMMENT_BUDGET.chars - marker.length - footer.length - 4,
    bytes: COMMENT_BUDGET.bytes - Buffer.byteLength(marker + footer, 'utf8') - 4,
  };
  const fitted = fitMarkdown(markdown, budget, notice);
  return `${marker}\n${fitted.text.replace(/\n*$/, '')}\n\n${footer}\n`;
}

/**
 * Our comments on the pull request, oldest first, across every page: those that start with the
 * marker and were written by a bot (the workflow token, an App) or, with a personal access
 * token, by the token's own user. A person's comment that quotes the marker is never ours.
 */
export async function findStickyComments(target: CommentTarget): Promise<StickyComment[]> {
  let comments;
  try {
    comments = await target.octokit.paginate(target.octokit.rest.issues.listComments, {
      ...target.repo,
      issue_number: target.number,
      per_page: 100,
    });
  } catch (error) {
    throw classify(error, OPERATIONS.listComments);
  }
  const marked = comments.filter((c) => (c.body ?? '').startsWith(target.marker));
  const byPeople = marked.some((c) => c.user?.type !== 'Bot');
  const self = byPeople ? await tokenUser(target) : null;
  return marked
    .filter((c) => c.user?.type === 'Bot' || (self !== null && c.user?.login === self))
    .map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url }))
    .sort((a, b) => a.id - b.id);
}

/** The login of a personal access token; `null` for bot tokens, which cannot ask. */
async function tokenUser(target: CommentTarget): Promise<string | null> {
  try {
    return (await target.octokit.rest.users.getAuthenticated()).data.login;
  } catch {
    return null;
  }
}

/**
 * Creates the comment or edits ours; leaves it alone when the body is unchanged. Two runs for one
 * pull request can both find no comment and both create one: after creating, the list is read
 * again, the oldest of ours is kept (both runs agree on it) and the others are deleted.
 */
export async function upsertStickyComment(
  target: CommentTarget,
  body: string,
  options: { readonly create: boolean },
): Promise<CommentResult> {
  const existing = await findStickyComments(target);
  const [kept, ...duplicates] = existing;
  if (kept === undefined) {
    if (!options.create) return { action: 'none' };
    const created = await write(() =>
      target.octokit.rest.issues.createComment({
        ...target.repo,
        issue_number: target.number,
        body,
      }),
    );
    const mine = { id: created.id, body, url: created.html_url };
    const after = await findStickyComments(target);
    // Our new comment may be missing from the list: deleted by the other run, or not listed yet.
    const candidates = after.some((c) => c.id === mine.id) ? after : [...after, mine];
    const [oldest, ...others] = [...candidates].sort((a, b) => a.id - b.id);
    await deleteComments(target, others);
    if (oldest === undefined || oldest.id === mine.id) return { action: 'created', comment: mine };
    target.logger.info(`another run created the comment first; kept comment ${oldest.id}`);
    return updateIfChanged(target, oldest, body);
  }
  await deleteComments(target, duplicates);
  return updateIfChanged(target, kept, body);
}

async function updateIfChanged(
  target: CommentTarget,
  comment: StickyComment,
  body: string,
): Promise<CommentResult> {
  if (comment.body === body) return { action: 'unchanged', comment };
  const updated = await write(() =>
    target.octokit.rest.issues.updateComment({ ...target.repo, comment_id: comment.id, body }),
  );
  return { action: 'updated', comment: { id: comment.id, body, url: updated.html_url } };
}

async function deleteComments(
  target: CommentTarget,
  comments: readonly StickyComment[],
): Promise<void> {
  for (const comment of comments) {
    try {
      await target.octokit.rest.issues.deleteComment({ ...target.repo, comment_id: comment.id });
      target.logger.info(`deleted duplicate meshguard comment ${comment.id}`);
    } catch (error) {
      // The other run deleted it first: the outcome we wanted.
      if (!isNotFound(error)) throw classify(error, OPERATIONS.writeComment);
    }
  }
}

async function write<T extends { id: number; html_url: string }>(
  call: () => Promise<{ data: T }>,
): Promise<T> {
  try {
    return (await call()).data;
  } catch (error) {
    throw classify(error, OPERATIONS.writeComment);
  }
}

/** The body that replaces the report when a later push leaves no mesh change to review. */
export function resolvedBody(marker: string, headSha: string): string {
  return `${marker}\n**meshguard**: no remaining mesh changes in this pull request (checked at \`${headSha.slice(0, 7)}\`).\n`;
}
