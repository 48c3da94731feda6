import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../action/support/run-action.js';
import { exampleRepository } from '../app/support/app.js';
import { GitHubServer } from '../app/support/http-github.js';
import { commentPayload } from '../app/support/payloads.js';

const servers: GitHubServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/**
 * The Action on `issue_comment`, run as the runner runs it (node dist/index.js), against a local
 * GitHub: the workflow checks out nothing of the pull request (the workspace is empty), and the
 * same src/github/commands code answers as in the App.
 */
async function commentRun(
  spec: Parameters<typeof commentPayload>[0],
  setup: { fork?: boolean } = {},
) {
  const repository = exampleRepository(setup);
  const server = new GitHubServer(repository.state);
  servers.push(server);
  const host = await server.listen();
  const run = await runAction({
    apiUrl: `http://${host}`,
    workspace: mkdtempSync(join(tmpdir(), 'meshguard-workspace-')),
    eventName: 'issue_comment',
    event: commentPayload(spec),
    repository: 'octo-org/mesh-config',
  });
  return { ...repository, run };
}

describe('the Action on issue_comment', () => {
  it('answers /mesh explain like the App: reactions, a reply with both sides and the policy line', async () => {
    const { state, run, base } = await commentRun(
      {
        body: '/mesh explain istio-ingress/ingressgateway -> shop/frontend:8080',
        commenter: 'alice',
        author: 'alice',
      },
      { fork: true },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'meshguard: /mesh command answered; reply: https://github.com/octo-org/mesh-config/pull/7#issuecomment-',
    );
    expect(state.reactions.map((r) => r.content)).toEqual(['eyes', '+1']);
    expect(state.comments[0]?.body).toContain(
      '| 8080 | **allowed for some requests: GET, POST** (mTLS) | **denied** (mTLS) |',
    );
    expect(state.comments[0]?.body).toContain(
      `([shop/authorization.yaml:13](https://github.com/octo-org/mesh-config/blob/${base}/shop/authorization.yaml#L13))`,
    );
  });

  it('re-runs the review on /mesh rerun from a maintainer, writing on a fork pull request', async () => {
    const { state, run, head } = await commentRun(
      { body: '/mesh rerun', commenter: 'maintainer' },
      { fork: true },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // The check run links to this workflow run, where the job summary is.
    expect(
      [...state.checkRuns.values()].map((r) => [r.head_sha, r.conclusion, r.details_url]),
    ).toEqual([[head, 'failure', 'https://github.com/octo-org/mesh-config/actions/runs/4242']]);
    expect(state.reactions.map((r) => r.content)).toEqual(['eyes', 'rocket']);
  });

  it('refuses without failing the job, and ignores a bot without calling GitHub', async () => {
    const refused = await commentRun({
      body: '/mesh rerun',
      commenter: 'mallory',
      author: 'alice',
    });
    expect(refused.run.code).toBe(0);
    expect(refused.state.comments[0]?.body).toContain('`/mesh rerun` needs the `write` role');
    const bot = await commentRun({
      body: '/mesh rerun',
      commenter: 'github-actions[bot]',
      bot: true,
    });
    expect(bot.run.code).toBe(0);
    expect(bot.run.stdout).toContain('meshguard: comment ignored: a comment by a bot');
    expect(bot.state.calls).toEqual([]);
  });

  it('fails the job when GitHub refuses the reply (the token lacks pull-requests: write)', async () => {
    const repository = exampleRepository();
    repository.state.fail('POST', /\/issues\/7\/comments$/, 403);
    const server = new GitHubServer(repository.state);
    servers.push(server);
    const run = await runAction({
      apiUrl: `http://${await server.listen()}`,
      workspace: mkdtempSync(join(tmpdir(), 'meshguard-workspace-')),
      eventName: 'issue_comment',
      event: commentPayload({ body: '/mesh help', commenter: 'alice', author: 'alice' }),
      repository: 'octo-org/mesh-config',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('could not write the pull request comment');
  });
});
