/* eslint-disable @typescript-eslint/no-explicit-any -- recorded webhook JSON, adapted field by field */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewContext } from '../../../src/github/context.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'github');

export type PayloadFixture =
  | 'pull_request.synchronize'
  | 'pull_request.opened'
  | 'merge_group.checks_requested'
  | 'workflow_run.completed';

export const OWNER = 'octo-org';
export const REPO = 'mesh-config';

/** A recorded payload (test/fixtures/github), deep-copied so each test may adapt it. */
export function payload(name: PayloadFixture): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, any>;
}

function pointAtRepository(event: Record<string, any>): void {
  event['repository'].name = REPO;
  event['repository'].full_name = `${OWNER}/${REPO}`;
  event['repository'].owner.login = OWNER;
}

/**
 * The recorded `pull_request` payload, moved to our test repository and commits. A fork PR has
 * its head in another repository, as GitHub sends it.
 */
export function pullRequestPayload(options: {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  readonly fork?: boolean;
  readonly action?: 'synchronize' | 'opened';
}): Record<string, any> {
  const event = payload(`pull_request.${options.action ?? 'synchronize'}`);
  pointAtRepository(event);
  event['number'] = options.number;
  const pull = event['pull_request'];
  pull.number = options.number;
  pull.base.sha = options.baseSha;
  pull.head.sha = options.headSha;
  pull.base.repo.full_name = `${OWNER}/${REPO}`;
  pull.head.repo.full_name = options.fork === true ? `contributor/${REPO}` : `${OWNER}/${REPO}`;
  pull.head.repo.fork = options.fork === true;
  return event;
}

export function mergeGroupPayload(baseSha: string, headSha: string): Record<string, any> {
  const event = payload('merge_group.checks_requested');
  pointAtRepository(event);
  event['merge_group'].base_sha = baseSha;
  event['merge_group'].head_sha = headSha;
  return event;
}

export function workflowRunPayload(options: {
  readonly headSha: string;
  readonly pullRequest: number | null;
}): Record<string, any> {
  const event = payload('workflow_run.completed');
  pointAtRepository(event);
  const run = event['workflow_run'];
  run.event = 'pull_request';
  run.head_sha = options.headSha;
  run.html_url = `https://github.com/${OWNER}/${REPO}/actions/runs/${run.id}`;
  // GitHub leaves pull_requests empty for runs from forks, the case publish mode exists for.
  run.pull_requests =
    options.pullRequest === null ? [] : [{ ...run.pull_requests[0], number: options.pullRequest }];
  return event;
}

export function contextFor(
  eventName: string,
  event: Record<string, any>,
  overrides: Partial<ReviewContext> = {},
): ReviewContext {
  return {
    eventName,
    payload: event,
    repo: { owner: OWNER, repo: REPO },
    sha: '0'.repeat(40),
    serverUrl: 'https://github.com',
    runId: 4242,
    actor: 'octocat',
    ...overrides,
  };
}
