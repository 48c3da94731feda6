/* eslint-disable @typescript-eslint/no-explicit-any -- recorded webhook JSON, adapted field by field */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'app');

export type AppFixture =
  | 'issue_comment.created'
  | 'issue_comment.edited'
  | 'pull_request.opened'
  | 'pull_request.synchronize'
  | 'pull_request.reopened'
  | 'pull_request.ready_for_review'
  | 'check_run.rerequested';

export const OWNER = 'octo-org';
export const REPO = 'mesh-config';
export const INSTALLATION = 4711;
export const APP_ID = 123456;

/** A recorded payload (test/fixtures/app), deep-copied so each test may adapt it. */
export function fixture(name: AppFixture): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, any>;
}

/** Moves a payload to our repository (default branch `main`) and installation. */
function place(event: Record<string, any>): Record<string, any> {
  event['repository'].name = REPO;
  event['repository'].full_name = `${OWNER}/${REPO}`;
  event['repository'].owner.login = OWNER;
  event['repository'].html_url = `https://github.com/${OWNER}/${REPO}`;
  event['repository'].default_branch = 'main';
  event['installation'] = { id: INSTALLATION, node_id: 'installation' };
  return event;
}

export interface CommentSpec {
  readonly body: string;
  readonly commenter?: string;
  /** The pull request's author. */
  readonly author?: string;
  readonly number?: number;
  readonly action?: 'created' | 'edited';
  /** The comment is on an issue, not a pull request. */
  readonly onIssue?: boolean;
  readonly bot?: boolean;
  readonly commentId?: number;
}

/**
 * The recorded `issue_comment` payloads are comments on an issue; a comment on a pull request
 * differs by `issue.pull_request` (docs.github.com, "issue_comment" payload), which is added here.
 */
export function commentPayload(spec: CommentSpec): Record<string, any> {
  const event = place(
    fixture(spec.action === 'edited' ? 'issue_comment.edited' : 'issue_comment.created'),
  );
  const number = spec.number ?? 7;
  const commenter = spec.commenter ?? 'alice';
  event['issue'].number = number;
  event['issue'].user.login = spec.author ?? 'alice';
  if (spec.onIssue !== true)
    event['issue'].pull_request = {
      url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${number}`,
      html_url: `https://github.com/${OWNER}/${REPO}/pull/${number}`,
    };
  event['comment'].id = spec.commentId ?? 900;
  event['comment'].body = spec.body;
  event['comment'].user.login = commenter;
  event['comment'].user.type = spec.bot === true ? 'Bot' : 'User';
  event['sender'].login = commenter;
  event['sender'].type = spec.bot === true ? 'Bot' : 'User';
  return event;
}

export function pullRequestPayload(
  action: 'opened' | 'synchronize' | 'reopened' | 'ready_for_review',
  spec: { number: number; baseSha: string; headSha: string; draft?: boolean; fork?: boolean },
): Record<string, any> {
  const event = place(fixture(`pull_request.${action}`));
  event['number'] = spec.number;
  const pull = event['pull_request'];
  pull.number = spec.number;
  pull.draft = spec.draft === true;
  pull.base.sha = spec.baseSha;
  pull.head.sha = spec.headSha;
  pull.base.repo.full_name = `${OWNER}/${REPO}`;
  pull.head.repo.full_name = spec.fork === true ? `contributor/${REPO}` : `${OWNER}/${REPO}`;
  return event;
}

export function checkRunPayload(spec: {
  headSha: string;
  name?: string;
  appId?: number;
  pullRequests: readonly number[];
}): Record<string, any> {
  const event = place(fixture('check_run.rerequested'));
  const run = event['check_run'];
  run.head_sha = spec.headSha;
  run.name = spec.name ?? 'meshguard';
  run.app.id = spec.appId ?? APP_ID;
  run.pull_requests = spec.pullRequests.map((number) => ({
    number,
    head: { sha: spec.headSha },
    base: {},
  }));
  return event;
}
