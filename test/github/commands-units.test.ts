import fc from 'fast-check';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { readCommentEvent } from '../../src/github/commands/event.js';
import { parseCommentCommand } from '../../src/github/commands/parse.js';
import { checkPermission } from '../../src/github/commands/permission.js';
import { CommandRateLimiter, RATE_WINDOW_MS } from '../../src/github/commands/rate-limit.js';
import { replyBody } from '../../src/github/commands/reply.js';
import { commentPayload } from '../app/support/payloads.js';
import { API, testClient } from './support/client.js';

const REPO = { owner: 'octo-org', repo: 'mesh-config' };

describe('the commenter permission gate', () => {
  const permission = (user: string, status: number, body: object) =>
    nock(API)
      .get(`/repos/octo-org/mesh-config/collaborators/${user}/permission`)
      .reply(status, body);

  it.each([
    // role_name tells maintain and triage apart; permission folds them into write and read.
    [{ permission: 'write', role_name: 'maintain' }, 'write', true, 'maintain'],
    [{ permission: 'read', role_name: 'triage' }, 'write', false, 'triage'],
    [{ permission: 'read', role_name: 'triage' }, 'triage', true, 'triage'],
    // A custom role's name means nothing here: its base permission counts.
    [{ permission: 'write', role_name: 'release-manager' }, 'write', true, 'write'],
    [{ permission: 'admin', role_name: 'admin' }, 'maintain', true, 'admin'],
    [{ permission: 'none', role_name: 'none' }, 'read', false, 'none'],
  ] as const)('reads %j against %s', async (body, required, allowed, role) => {
    permission('bob', 200, body);
    const { octokit } = testClient();
    const grant = await checkPermission(octokit, REPO, 'bob', { role: required, author: null });
    expect(grant).toMatchObject({ allowed, role });
  });

  it('treats a user who is no collaborator (404) as having no role', async () => {
    permission('mallory', 404, { message: 'Not Found' });
    const { octokit } = testClient();
    expect(await checkPermission(octokit, REPO, 'mallory', { role: 'read', author: null })).toEqual(
      {
        allowed: false,
        role: 'none',
        required: 'read',
      },
    );
  });

  it('lets the author through without asking GitHub, and only when the requirement names them', async () => {
    const { octokit } = testClient();
    expect(
      await checkPermission(octokit, REPO, 'alice', { role: 'write', author: 'alice' }),
    ).toEqual({
      allowed: true,
      as: 'author',
      role: null,
    });
  });

  it('fails clearly when GitHub refuses to say', async () => {
    permission('bob', 500, { message: 'boom' });
    permission('bob', 500, { message: 'boom' });
    permission('bob', 500, { message: 'boom' });
    permission('bob', 500, { message: 'boom' });
    const { octokit } = testClient();
    await expect(
      checkPermission(octokit, REPO, 'bob', { role: 'write', author: null }),
    ).rejects.toThrow("could not read the commenter's repository permission: HTTP 500");
  });
});

describe('reading a comment event', () => {
  it('ignores a comment made through our own App even when its sender is a user', () => {
    const payload = commentPayload({ body: '/mesh help' });
    payload['comment'].performed_via_github_app = { id: 42 };
    expect(readCommentEvent('issue_comment', payload, { appId: 42 })).toEqual({
      kind: 'ignored',
      reason: 'our own comment',
    });
    expect(readCommentEvent('issue_comment', payload, { appId: 7 }).kind).toBe('comment');
  });

  it('ignores a comment whose author is a bot whatever the sender says', () => {
    const payload = commentPayload({ body: '/mesh help' });
    payload['comment'].user.type = 'Bot';
    expect(readCommentEvent('issue_comment', payload)).toEqual({
      kind: 'ignored',
      reason: 'a comment by a bot',
    });
  });

  it('reads the pull request, the commenter, the author and the default branch', () => {
    const payload = commentPayload({
      body: '/mesh help',
      commenter: 'bob',
      author: 'alice',
      number: 12,
    });
    expect(readCommentEvent('issue_comment', payload)).toEqual({
      kind: 'comment',
      event: {
        repo: REPO,
        number: 12,
        commentId: 900,
        body: '/mesh help',
        commenter: 'bob',
        author: 'alice',
        defaultBranch: 'main',
      },
    });
  });

  it('never throws on any payload (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (payload, name) => {
        const read = readCommentEvent(name, payload);
        expect(['comment', 'ignored']).toContain(read.kind);
      }),
    );
  });
});

describe('the per-PR rate limiter', () => {
  it('admits `limit` commands per window, refuses the rest, and says so once per window', () => {
    let now = 0;
    const limiter = new CommandRateLimiter(() => new Date(now));
    const admit = () => limiter.admit('o/r#1', 2);
    expect([admit(), admit()]).toEqual([{ allowed: true }, { allowed: true }]);
    expect(admit()).toEqual({ allowed: false, retryAfterSeconds: 600, firstRefusal: true });
    now += 60_000;
    expect(admit()).toEqual({ allowed: false, retryAfterSeconds: 540, firstRefusal: false });
    // Another pull request has its own budget.
    expect(limiter.admit('o/r#2', 2)).toEqual({ allowed: true });
    now = RATE_WINDOW_MS;
    expect(admit()).toEqual({ allowed: true });
    expect(admit()).toEqual({ allowed: true });
    expect(admit()).toMatchObject({ allowed: false, firstRefusal: true });
  });
});

describe('reply bodies', () => {
  it('stay under the comment limit in characters and bytes, however long the answer', () => {
    const huge = Array.from(
      { length: 20_000 },
      (_, i) => `- line ${i} \u{1F512} ${'x'.repeat(20)}`,
    ).join('\n');
    const body = replyBody('/mesh explain a/b -> c/d', huge);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(262_143);
    expect(body).toContain('This answer is longer than a comment can hold');
  });

  it('never contain a command line, whatever the answer says (property)', () => {
    const text = fc.array(
      fc.oneof(
        fc.constantFrom(
          '/mesh rerun',
          '  /mesh help',
          '\t/mesh explain a/b -> c/d',
          '```',
          '> x',
          '',
        ),
        fc.string(),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), text, (command, lines) => {
        const body = replyBody(command, lines.join('\n'));
        expect(parseCommentCommand(body)).toEqual({ kind: 'none' });
        expect(body.split('\n').some((line) => /^\s*\/mesh/.test(line))).toBe(false);
      }),
    );
  });
});
