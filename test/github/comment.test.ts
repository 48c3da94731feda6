import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { commentBody, commentMarker, upsertStickyComment } from '../../src/github/comment.js';
import type { CommentTarget } from '../../src/github/comment.js';
import { COMMENT_BUDGET, fitMarkdown, fits } from '../../src/github/fit.js';
import { API, testClient } from './support/client.js';
import { FakeGitHub } from './support/fake-github.js';
import { OWNER, REPO } from './support/payloads.js';

const MARKER = commentMarker('meshguard');

function target(): CommentTarget {
  const { octokit, logger } = testClient();
  return { octokit, repo: { owner: OWNER, repo: REPO }, number: 7, marker: MARKER, logger };
}

describe('the sticky comment', () => {
  it('finds ours on the third page of comments and edits it instead of adding one', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    for (let i = 0; i < 230; i++)
      github.addComment(`comment ${i}`, { login: 'reviewer', type: 'User' });
    const ours = github.addComment(`${MARKER}\nold report\n`);
    github.commentPageSize = 100;

    const result = await upsertStickyComment(target(), `${MARKER}\nnew report\n`, { create: true });

    expect(result).toMatchObject({ action: 'updated', comment: { id: ours.id } });
    expect(github.routes().filter((r) => r.startsWith('GET'))).toHaveLength(3);
    expect(github.comments).toHaveLength(231);
    expect(github.comments.at(-1)?.body).toBe(`${MARKER}\nnew report\n`);
  });

  it('never edits a person’s comment that happens to start with the marker', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const quoted = github.addComment(`${MARKER}\nI copied the bot's comment`, {
      login: 'someone',
      type: 'User',
    });
    const result = await upsertStickyComment(target(), `${MARKER}\nreport\n`, { create: true });
    expect(result.action).toBe('created');
    expect(github.comments.map((c) => c.body)).toEqual([quoted.body, `${MARKER}\nreport\n`]);
  });

  it('finds its own comments again when the token is a personal access token (a User)', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const octocat = { login: 'octocat', type: 'User' as const };
    github.commentAuthor = octocat;
    nock(API).persist().get('/user').reply(200, { login: 'octocat', type: 'User' });
    const first = await upsertStickyComment(target(), `${MARKER}\nreport 1\n`, { create: true });
    github.addComment(`${MARKER}\nI quoted the bot`, { login: 'someone', type: 'User' });
    const second = await upsertStickyComment(target(), `${MARKER}\nreport 2\n`, { create: true });
    expect(first.action).toBe('created');
    expect(second).toMatchObject({ action: 'updated' });
    expect(github.comments.map((c) => [c.user.login, c.body])).toEqual([
      ['octocat', `${MARKER}\nreport 2\n`],
      ['someone', `${MARKER}\nI quoted the bot`],
    ]);
    nock.cleanAll();
  });

  it('gives check names that differ only in punctuation different markers', () => {
    const names = ['mesh:prod', 'mesh_prod', 'mesh (prod)', 'mesh _prod_', 'mesh-->x'];
    const markers = names.map(commentMarker);
    expect(new Set(markers).size).toBe(names.length);
    expect(commentMarker('meshguard-staging')).toBe(
      '<!-- meshguard:v1 check=meshguard-staging -->',
    );
    for (const marker of markers) expect(marker.slice(4, -3)).not.toContain('-->');
  });

  it('keeps one comment per check name', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    github.addComment(`${commentMarker('meshguard-staging')}\nstaging report\n`);
    const result = await upsertStickyComment(target(), `${MARKER}\nprod report\n`, {
      create: true,
    });
    expect(result.action).toBe('created');
    expect(github.comments).toHaveLength(2);
  });

  it('does not create a comment when told not to, but still edits an existing one', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    expect(await upsertStickyComment(target(), `${MARKER}\nx\n`, { create: false })).toEqual({
      action: 'none',
    });
    expect(github.comments).toEqual([]);
    github.addComment(`${MARKER}\nold\n`);
    expect((await upsertStickyComment(target(), `${MARKER}\nx\n`, { create: false })).action).toBe(
      'updated',
    );
  });

  it('survives a concurrent run that created its comment first: deletes its own, updates the older', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    let other = 0;
    github.beforeCommentCreate = () => {
      github.beforeCommentCreate = null;
      other = github.addComment(`${MARKER}\nreport of the other run\n`).id;
    };
    const result = await upsertStickyComment(target(), `${MARKER}\nmy report\n`, { create: true });

    expect(github.comments.map((c) => [c.id, c.body])).toEqual([[other, `${MARKER}\nmy report\n`]]);
    expect(result).toMatchObject({ action: 'updated', comment: { id: other } });
  });

  it('deletes a duplicate that a concurrent run created after ours', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const mine = github.addComment(`${MARKER}\nmine\n`);
    const duplicate = github.addComment(`${MARKER}\nduplicate\n`);
    const result = await upsertStickyComment(target(), `${MARKER}\nmine\n`, { create: true });
    expect(result).toMatchObject({ action: 'unchanged', comment: { id: mine.id } });
    expect(github.comments.map((c) => c.id)).toEqual([mine.id]);
    expect(github.routes()).toContain(
      `DELETE /repos/${OWNER}/${REPO}/issues/comments/${duplicate.id}`,
    );
  });

  it('treats a duplicate already deleted by the other run as done', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    github.addComment(`${MARKER}\nmine\n`);
    const duplicate = github.addComment(`${MARKER}\nduplicate\n`);
    github.fail('DELETE', new RegExp(`/issues/comments/${duplicate.id}$`), 404);
    await expect(
      upsertStickyComment(target(), `${MARKER}\nmine\n`, { create: true }),
    ).resolves.toMatchObject({
      action: 'unchanged',
    });
  });
});

describe('size budget', () => {
  const row = (i: number) =>
    `| ${i} | shop/frontend | payments/ledger | 8080 | allow | deny | policy line ${i} |`;

  it('cuts an oversized report under 65,536 characters and links to the full report', () => {
    const markdown = [
      '**meshguard: regression**',
      '',
      '| a | b | c | d | e | f | g |',
      '|---|---|---|---|---|---|---|',
    ]
      .concat(Array.from({ length: 3000 }, (_, i) => row(i)))
      .join('\n');
    expect(markdown.length).toBeGreaterThan(200_000);

    const body = commentBody(
      MARKER,
      markdown,
      '<sub>footer</sub>',
      'https://github.com/o/r/actions/runs/1',
    );

    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET.chars);
    expect(body.length).toBeGreaterThan(COMMENT_BUDGET.chars - 500);
    expect(body.startsWith(`${MARKER}\n**meshguard: regression**`)).toBe(true);
    expect(body).toContain(
      'The full report is in the [job summary](https://github.com/o/r/actions/runs/1).',
    );
    expect(body.trimEnd().endsWith('<sub>footer</sub>')).toBe(true);
    // Whole lines only.
    expect(body).toMatch(/\| 8080 \| allow \| deny \| policy line \d+ \|\n\n> \[!NOTE\]/);
  });

  it('points App readers, who have no run page, at a local run for the full report', () => {
    const markdown = Array.from({ length: 3000 }, (_, i) => row(i)).join('\n');
    const body = commentBody(MARKER, markdown, '<sub>footer</sub>', null);
    expect(body.length).toBeLessThanOrEqual(COMMENT_BUDGET.chars);
    expect(body).toContain(
      "The full report is in the output of `meshguard diff` run locally on the pull request's base and head commits",
    );
    expect(body).not.toContain('job summary');
  });

  it('counts UTF-8 bytes too, for text of multibyte characters', () => {
    const line = '🔒'.repeat(500);
    const markdown = Array.from({ length: 200 }, () => line).join('\n');
    const fitted = fitMarkdown(markdown, { chars: 1_000_000, bytes: 100_000 }, 'cut');
    expect(fitted.truncated).toBe(true);
    expect(Buffer.byteLength(fitted.text)).toBeLessThanOrEqual(100_000);
    expect(fits(fitted.text, { chars: 1_000_000, bytes: 100_000 })).toBe(true);
  });

  it('closes a code fence and open <details> blocks it cuts through', () => {
    const markdown = [
      'head',
      '<details>',
      '<summary>more</summary>',
      '',
      '```mermaid',
      ...Array.from({ length: 100 }, (_, i) => `  n${i} --> n${i + 1}`),
      '```',
      '</details>',
    ].join('\n');
    const fitted = fitMarkdown(markdown, { chars: 800, bytes: 10_000 }, 'NOTICE');
    expect(fitted.text.length).toBeLessThanOrEqual(800);
    expect(fitted.text).toMatch(/n\d+ --> n\d+\n```\n<\/details>\n\nNOTICE\n$/);
  });

  it('leaves a report that fits untouched', () => {
    expect(fitMarkdown('small\n', COMMENT_BUDGET, 'NOTICE')).toEqual({
      text: 'small\n',
      truncated: false,
    });
  });
});
