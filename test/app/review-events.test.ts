import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { deliver, exampleRepository, filesOf, testProbot } from './support/app.js';
import { nockGitHub } from './support/nock-github.js';
import { checkRunPayload, pullRequestPayload } from './support/payloads.js';

const REPO_PATH = '/repos/octo-org/mesh-config';
const ROOT = join(import.meta.dirname, '..', '..');

describe('the App on pull request events', () => {
  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'] as const)(
    'reviews on pull_request.%s through the API: check run on the head, sticky comment, config from main',
    async (action) => {
      const { state, base, head } = exampleRepository();
      nockGitHub(state);
      const probot = await testProbot();
      await deliver(
        probot,
        'pull_request',
        pullRequestPayload(action, { number: 7, baseSha: base, headSha: head }),
      );
      // The example head breaks checkout -> payments (MG102, MG104): the check fails.
      const [run] = [...state.checkRuns.values()];
      expect(run).toMatchObject({
        name: 'meshguard',
        head_sha: head,
        status: 'completed',
        conclusion: 'failure',
      });
      expect(
        run.output.annotations.map(
          (a: { path: string; start_line: number }) => `${a.path}:${a.start_line}`,
        ),
      ).toContain('payments/policies.yaml:30');
      expect(state.comments).toHaveLength(1);
      expect(state.comments[0]?.body).toMatch(/^<!-- meshguard:v1 check=meshguard -->/);
      const routes = state.routes();
      // The installation token, then only reads by SHA and the configuration on the default branch.
      expect(routes[0]).toBe('POST /app/installations/4711/access_tokens');
      expect(routes).toContain(`GET ${REPO_PATH}/git/trees/${base}`);
      expect(routes).toContain(`GET ${REPO_PATH}/git/trees/${head}`);
      const configReads = state.calls.filter(
        (c) => decodeURIComponent(c.path) === `${REPO_PATH}/contents/.github/meshguard.yml`,
      );
      expect(configReads.map((c) => new URLSearchParams(c.query).get('ref'))).toEqual([
        'main',
        head,
      ]);
    },
  );

  it('leaves a draft alone until it is ready for review', async () => {
    const { state, base, head } = exampleRepository();
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('opened', { number: 7, baseSha: base, headSha: head, draft: true }),
    );
    expect(state.calls).toEqual([]);
  });

  it('reads a fork pull request by SHA from the base repository and writes to it (the App may)', async () => {
    const { state, base, head } = exampleRepository({ fork: true });
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('opened', { number: 7, baseSha: base, headSha: head, fork: true }),
    );
    expect(state.checkRuns.size).toBe(1);
    expect(state.comments).toHaveLength(1);
  });

  it('uses the default branch configuration, not the one the pull request brings', async () => {
    const { state } = exampleRepository();
    const mesh = (side: 'base' | 'head') => filesOf(join(ROOT, 'examples', side));
    // The pull request relaxes the gate in its own commit: ignored, main's (none: fail-on error) counts.
    const base = state.commit(mesh('base'), 'base');
    const head = state.commit(
      { ...mesh('head'), '.github/meshguard.yml': 'fail-on: never\n' },
      'head',
    );
    state.branches.set('main', base);
    state.pulls.set(7, { baseSha: base, headSha: head, author: 'alice' });
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('synchronize', { number: 7, baseSha: base, headSha: head }),
    );
    expect([...state.checkRuns.values()][0]?.conclusion).toBe('failure');
    // And the comment says the change to the configuration waits for the merge.
    expect(state.comments[0]?.body).toContain('meshguard uses the base branch');
  });

  it('takes the gate from the default branch when it relaxes it', async () => {
    const { state, base, head } = exampleRepository();
    const relaxedMain = state.commit({ '.github/meshguard.yml': 'fail-on: never\n' }, 'main');
    state.branches.set('main', relaxedMain);
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('synchronize', { number: 7, baseSha: base, headSha: head }),
    );
    expect([...state.checkRuns.values()][0]?.conclusion).toBe('neutral');
  });

  it('reports a broken configuration on the default branch on the check run', async () => {
    const { state, base, head } = exampleRepository({ config: 'fail-on: sometimes\n' });
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('opened', { number: 7, baseSha: base, headSha: head }),
    );
    const [run] = [...state.checkRuns.values()];
    expect(run).toMatchObject({
      conclusion: 'failure',
      output: { title: 'meshguard could not run' },
    });
    expect(run.output.summary).toContain('.github/meshguard.yml has 1 error');
  });
});

describe('the App on check_run.rerequested', () => {
  it('re-runs the review for the pull request the check run lists', async () => {
    const { state, head } = exampleRepository();
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(probot, 'check_run', checkRunPayload({ headSha: head, pullRequests: [7] }));
    expect([...state.checkRuns.values()].map((r) => [r.head_sha, r.conclusion])).toEqual([
      [head, 'failure'],
    ]);
    expect(state.routes()).toContain(`GET ${REPO_PATH}/pulls/7`);
  });

  it("finds a fork's pull request among the open ones (GitHub lists none for a fork's head)", async () => {
    const { state, head } = exampleRepository({ fork: true });
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(probot, 'check_run', checkRunPayload({ headSha: head, pullRequests: [] }));
    expect(state.routes()).toContain(`GET ${REPO_PATH}/pulls`);
    expect(state.checkRuns.size).toBe(1);
  });

  it("ignores another App's check run and a check run of another name", async () => {
    const { state, head } = exampleRepository();
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(
      probot,
      'check_run',
      checkRunPayload({ headSha: head, pullRequests: [7], appId: 99 }),
    );
    await deliver(
      probot,
      'check_run',
      checkRunPayload({ headSha: head, pullRequests: [7], name: 'lint' }),
    );
    expect(state.calls).toEqual([]);
  });

  it('leaves a check run of an old commit alone once the pull request moved on', async () => {
    const { state, base } = exampleRepository();
    nockGitHub(state);
    const probot = await testProbot();
    await deliver(probot, 'check_run', checkRunPayload({ headSha: base, pullRequests: [7] }));
    expect(state.checkRuns.size).toBe(0);
  });
});

describe('the App on GitHub Enterprise Server', () => {
  it('asks the enterprise host for the installation token and everything else (Probot 14.3.2 would ask api.github.com)', async () => {
    const { state, base, head } = exampleRepository();
    const enterprise = 'https://github.example.com';
    for (const method of ['GET', 'POST', 'PATCH'] as const)
      nock(enterprise)
        .persist()
        .intercept((uri) => uri.startsWith('/api/v3/'), method)
        .optionally()
        .reply((uri, body) =>
          state.handle(
            method,
            uri.slice('/api/v3'.length),
            typeof body === 'string' && body !== '' ? JSON.parse(body) : body,
          ),
        );
    const probot = await testProbot({ baseUrl: `${enterprise}/api/v3` });
    await deliver(
      probot,
      'pull_request',
      pullRequestPayload('opened', { number: 7, baseSha: base, headSha: head }),
    );
    expect(state.routes()[0]).toBe('POST /app/installations/4711/access_tokens');
    expect(state.checkRuns.size).toBe(1);
  });
});
