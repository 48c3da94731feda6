import { describe, expect, it } from 'vitest';
import { parseCommentCommand } from '../../src/github/commands/parse.js';
import { CommandRateLimiter } from '../../src/github/commands/rate-limit.js';
import { deliver, exampleRepository, NOW, testProbot } from './support/app.js';
import type { GitHubState } from './support/github-state.js';
import { nockGitHub } from './support/nock-github.js';
import { commentPayload } from './support/payloads.js';
import type { CommentSpec } from './support/payloads.js';

const REPO_PATH = '/repos/octo-org/mesh-config';

async function comment(spec: CommentSpec, setup: { config?: string; fork?: boolean } = {}) {
  const repository = exampleRepository(setup);
  nockGitHub(repository.state);
  const probot = await testProbot();
  await deliver(probot, 'issue_comment', commentPayload(spec));
  return repository;
}

function replies(state: GitHubState): string[] {
  return state.comments.map((c) => c.body);
}

function reactions(state: GitHubState): string[] {
  return state.reactions.map((r) => `${r.commentId}:${r.content}`);
}

describe('/mesh explain <edge> in the App', () => {
  it('answers the label rename: allowed in base, denied in head, with the policy lines linked at each commit', async () => {
    const { state, base, head } = await comment({
      body: 'Why did this break?\n\n/mesh explain istio-ingress/ingressgateway -> shop/frontend:8080',
      commenter: 'alice',
      author: 'alice',
    });
    expect(reactions(state)).toEqual(['900:eyes', '900:+1']);
    const [reply] = replies(state);
    expect(reply).toMatch(
      /^<!-- meshguard:reply -->\n> `\/mesh explain istio-ingress\/ingressgateway -> shop\/frontend:8080`\n/,
    );
    expect(reply).toContain(
      `| 8080 | **allowed for some requests: GET, POST** (mTLS) | **denied** (mTLS) |`,
    );
    expect(reply).toContain(
      `decided by ALLOW AuthorizationPolicy shop/frontend rule 0 ([shop/authorization.yaml:13](https://github.com/octo-org/mesh-config/blob/${base}/shop/authorization.yaml#L13))`,
    );
    expect(reply).toContain(
      `AuthorizationPolicy shop/frontend no longer applies: its selector wants \`app=frontend\`; the workload has \`app=web-frontend\` ([shop/authorization.yaml:9](https://github.com/octo-org/mesh-config/blob/${head}/shop/authorization.yaml#L9))`,
    );
    // The author may ask without a role: no permission lookup was needed.
    expect(state.routes().some((r) => r.includes('/collaborators/'))).toBe(false);
  });

  it('answers the broken transport with the DestinationRule line, for a maintainer', async () => {
    const { state, head } = await comment({
      body: '/mesh explain shop/checkout -> payments/payments:8443 POST /v1/charges',
      commenter: 'maintainer',
    });
    expect(state.routes()).toContain(`GET ${REPO_PATH}/collaborators/maintainer/permission`);
    const [reply] = replies(state);
    expect(reply).toContain('- port 8443 transport: mTLS \u2192 **broken (the connection fails)**');
    expect(reply).toContain(
      `DestinationRule payments/payments: tls mode DISABLE \\(service namespace\\) ([payments/policies.yaml:30](https://github.com/octo-org/mesh-config/blob/${head}/payments/policies.yaml#L30))`,
    );
    expect(reactions(state)).toEqual(['900:eyes', '900:+1']);
  });

  it('answers on a fork pull request, reading both commits by SHA from the base repository', async () => {
    const { state, base, head } = await comment(
      {
        body: '/mesh explain legacy/reports -> legacy/inventory:8080',
        commenter: 'alice',
        author: 'alice',
      },
      { fork: true },
    );
    expect(state.routes()).toEqual(
      expect.arrayContaining([
        `GET ${REPO_PATH}/git/trees/${base}`,
        `GET ${REPO_PATH}/git/trees/${head}`,
      ]),
    );
    expect(replies(state)[0]).toContain(
      '| 8080 | **denied** (plaintext) | **allowed for some requests: GET /inventory/\\*** (plaintext) |',
    );
  });

  it('says which workload it does not know, with a suggestion and the usage', async () => {
    const { state } = await comment({
      body: '/mesh explain shop/frontnd -> shop/cart',
      commenter: 'alice',
      author: 'alice',
    });
    const [reply] = replies(state);
    expect(reply).toContain(
      'no caller `shop/frontnd` in the manifests; did you mean `shop/frontend`?',
    );
    expect(reply).toContain('**meshguard commands**');
    expect(reactions(state)).toEqual(['900:eyes', '900:confused']);
  });
});

describe('/mesh explain <finding> in the App', () => {
  it("gives a finding's reasoning, where it is, how to fix it and an ignore entry for its id", async () => {
    const { state, head } = await comment({
      body: '/mesh explain MG104',
      commenter: 'alice',
      author: 'alice',
    });
    const [reply] = replies(state);
    expect(reply).toContain('**MG104 ');
    expect(reply).toContain(
      `([payments/policies.yaml:30](https://github.com/octo-org/mesh-config/blob/${head}/payments/policies.yaml#L30), head)`,
    );
    expect(reply).toContain('**How to fix it**');
    expect(reply).toContain('    id: "MG104:DestinationRule/payments/payments"');
    expect(reactions(state)).toEqual(['900:eyes', '900:+1']);
  });

  it('answers a full finding id', async () => {
    const { state } = await comment({
      body: '/mesh explain MG102:payments/payments:8443',
      commenter: 'alice',
      author: 'alice',
    });
    expect(replies(state)[0]).toContain('  - id: `MG102:payments/payments:8443`');
    expect(replies(state)[0]).toContain('    id: "MG102:payments/payments:8443"');
  });

  it('says when this pull request has no such finding, and still explains the code', async () => {
    const { state } = await comment({
      body: '/mesh explain MG101',
      commenter: 'alice',
      author: 'alice',
    });
    expect(replies(state)[0]).toContain('This pull request has no MG101 finding.');
    expect(replies(state)[0]).toContain('**How to fix it**');
  });
});

describe('/mesh help, rerun and bad syntax in the App', () => {
  it('lists the commands and who may run them', async () => {
    const { state } = await comment({ body: '/mesh help', commenter: 'alice', author: 'alice' });
    const [reply] = replies(state);
    expect(reply).toContain(
      "`explain` and `help`: the pull request's author, and anyone with the `write` role or higher; `rerun`: the `write` role or higher.",
    );
    expect(reply?.split('\n').some((line) => /^\s*\/mesh/.test(line))).toBe(false);
    expect(reactions(state)).toEqual(['900:eyes', '900:+1']);
  });

  it('re-runs the review for a maintainer: check run and sticky comment, a rocket and no reply', async () => {
    const { state, head } = await comment({ body: '/mesh rerun', commenter: 'maintainer' });
    expect([...state.checkRuns.values()].map((r) => [r.head_sha, r.conclusion])).toEqual([
      [head, 'failure'],
    ]);
    expect(replies(state)).toHaveLength(1);
    expect(replies(state)[0]).toMatch(/^<!-- meshguard:v1 check=meshguard -->/);
    expect(reactions(state)).toEqual(['900:eyes', '900:rocket']);
  });

  it('refuses rerun to the author with only read: it writes, so it needs write', async () => {
    const { state } = await comment({ body: '/mesh rerun', commenter: 'alice', author: 'alice' });
    expect(state.checkRuns.size).toBe(0);
    expect(replies(state)[0]).toContain(
      '`/mesh rerun` needs the `write` role on this repository; `alice` has the `read` role.',
    );
    expect(reactions(state)).toEqual(['900:eyes', '900:confused']);
  });

  it('refuses explain to someone with no role who is not the author', async () => {
    const { state } = await comment({
      body: '/mesh explain shop/a -> shop/b',
      commenter: 'mallory',
      author: 'alice',
    });
    expect(state.routes()).toContain(`GET ${REPO_PATH}/collaborators/mallory/permission`);
    expect(replies(state)[0]).toContain(
      "This command needs the `write` role on this repository (or to be the pull request's author); `mallory` has no role.",
    );
    // Nothing was read from the repository for someone who may not ask.
    expect(state.routes().some((r) => r.includes('/git/'))).toBe(false);
  });

  it('takes the required role from the default branch configuration', async () => {
    const { state } = await comment(
      { body: '/mesh explain shop/frontend -> shop/cart', commenter: 'triager', author: 'alice' },
      { config: 'commands:\n  permission: triage\n  allow-author: false\n' },
    );
    expect(reactions(state)).toEqual(['900:eyes', '900:+1']);
  });

  it.each([
    ['/mesh frobnicate', 'unknown command `frobnicate`'],
    ['/mesh explain shop/frontend', 'is neither an edge'],
    ['/mesh rerun please', '`/mesh rerun` takes no arguments'],
  ])('answers malformed %j with the problem and the usage', async (body, message) => {
    const { state } = await comment({ body, commenter: 'alice', author: 'alice' });
    const [reply] = replies(state);
    expect(reply).toContain(message);
    expect(reply).toContain('**meshguard commands**');
    expect(reactions(state)).toEqual(['900:eyes', '900:confused']);
  });
});

describe('comments the App ignores', () => {
  it.each<[string, CommentSpec]>([
    [
      'a bot comment (ourselves included)',
      { body: '/mesh rerun', commenter: 'meshguard[bot]', bot: true },
    ],
    ['an edited comment', { body: '/mesh rerun', commenter: 'maintainer', action: 'edited' }],
    ['a comment on an issue', { body: '/mesh rerun', commenter: 'maintainer', onIssue: true }],
    ['a quoted command', { body: '> /mesh rerun\n\nshould I run this?', commenter: 'maintainer' }],
    ['a command in a code block', { body: '```\n/mesh rerun\n```', commenter: 'maintainer' }],
    ['a comment without a command', { body: 'LGTM', commenter: 'maintainer' }],
  ])('ignores %s without a single API call', async (_, spec) => {
    const repository = exampleRepository();
    nockGitHub(repository.state);
    const probot = await testProbot();
    const payload = commentPayload(spec);
    if (spec.action === 'edited') payload['installation'] = { id: 4711 };
    await deliver(probot, 'issue_comment', payload);
    expect(repository.state.calls).toEqual([]);
  });

  it('ignores commands when the configuration turns them off', async () => {
    const { state } = await comment(
      { body: '/mesh help', commenter: 'maintainer' },
      { config: 'commands: {enabled: false}\n' },
    );
    expect(replies(state)).toEqual([]);
    expect(reactions(state)).toEqual([]);
  });

  it('replies with the configuration error when the default branch has a broken file', async () => {
    const { state } = await comment(
      { body: '/mesh help', commenter: 'maintainer' },
      { config: 'commands: {permission: owner}\n' },
    );
    expect(replies(state)[0]).toContain(
      'meshguard could not run the command: .github/meshguard.yml on the default branch has 1 error',
    );
    expect(replies(state)[0]).toContain(
      '`commands.permission` must be one of read, triage, write, maintain, admin, not `owner`',
    );
    expect(reactions(state)).toEqual(['900:confused']);
  });
});

describe('the per-PR rate limit in the App', () => {
  it('answers the configured number of commands per 10 minutes, says so once, then stays quiet', async () => {
    const { state } = exampleRepository({ config: 'commands: {rate-limit: 2}\n' });
    nockGitHub(state);
    let now = NOW.getTime();
    const clock = () => new Date(now);
    const probot = await testProbot({ clock, limiter: new CommandRateLimiter(clock) });
    const help = (id: number) =>
      commentPayload({ body: '/mesh help', commenter: 'alice', author: 'alice', commentId: id });
    for (const id of [1, 2, 3, 4]) await deliver(probot, 'issue_comment', help(id));
    expect(replies(state).map((r) => r.includes('**meshguard commands**'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(replies(state)[2]).toContain(
      'meshguard answers at most 2 commands per person on a pull request every 10 minutes; try again in about 10 minutes.',
    );
    expect(reactions(state).filter((r) => r.startsWith('4:'))).toEqual([]);
    now += 10 * 60 * 1000;
    await deliver(probot, 'issue_comment', help(5));
    expect(reactions(state).filter((r) => r.startsWith('5:'))).toEqual(['5:eyes', '5:+1']);
  });
});

describe('the per-PR rate limit counts each commenter apart', () => {
  it("a stranger's refused commands do not use up a maintainer's budget", async () => {
    const { state } = exampleRepository({ config: 'commands: {rate-limit: 2}\n' });
    nockGitHub(state);
    const clock = () => NOW;
    const probot = await testProbot({ clock, limiter: new CommandRateLimiter(clock) });
    const from = (commenter: string, id: number) =>
      commentPayload({ body: '/mesh help', commenter, author: 'alice', commentId: id });
    for (const id of [1, 2, 3, 4]) await deliver(probot, 'issue_comment', from('mallory', id));
    await deliver(probot, 'issue_comment', from('alice', 5));
    expect(reactions(state).filter((r) => r.startsWith('5:'))).toEqual(['5:eyes', '5:+1']);
    // mallory got her two refusals and one "slow down", then silence.
    expect(replies(state).filter((r) => r.includes('needs the'))).toHaveLength(2);
    expect(replies(state).filter((r) => r.includes('answers at most 2'))).toHaveLength(1);
  });

  it('limits the replies to a broken configuration, which anyone can trigger', async () => {
    const { state } = exampleRepository({ config: 'commands: {permission: owner}\n' });
    nockGitHub(state);
    const clock = () => NOW;
    const probot = await testProbot({ clock, limiter: new CommandRateLimiter(clock) });
    for (let id = 1; id <= 10; id++)
      await deliver(
        probot,
        'issue_comment',
        commentPayload({
          body: '/mesh help',
          commenter: 'mallory',
          author: 'alice',
          commentId: id,
        }),
      );
    // The default budget (6) of configuration-error replies, then one "slow down".
    expect(replies(state).filter((r) => r.includes('could not run the command'))).toHaveLength(6);
    expect(replies(state)).toHaveLength(7);
  });
});

describe('replies never trigger a command', () => {
  it('quotes the command so that the reply, parsed again, is no command', async () => {
    const { state } = await comment({
      body: '/mesh explain shop/frontend -> shop/cart:8080 GET /cart/x',
      commenter: 'alice',
      author: 'alice',
    });
    for (const body of replies(state)) expect(parseCommentCommand(body)).toEqual({ kind: 'none' });
  });
});
