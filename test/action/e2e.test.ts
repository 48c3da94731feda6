import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { commentMarker } from '../../src/github/comment.js';
import { repository } from '../github/support/git.js';
import { ACTION_LINE, policy } from '../github/support/manifests.js';
import { OWNER, pullRequestPayload, REPO } from '../github/support/payloads.js';
import { MockGitHubServer } from './support/mock-github-server.js';
import { runAction } from './support/run-action.js';

const servers: MockGitHubServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: ConstructorParameters<typeof MockGitHubServer>[0]) {
  const server = new MockGitHubServer(options);
  servers.push(server);
  return { server, url: await server.listen() };
}

// The committed bundle (test/dist.test.ts proves it is fresh) run as the runner runs it, against
// a local GitHub API and a real repository with a base and a head commit.
describe('dist/index.js end to end', () => {
  it('reviews a pull_request.synchronize: fails the job, completes the check with annotations, writes the comment', async () => {
    const repo = repository(
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW'), 'README.md': 'mesh' },
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') },
    );
    const { server, url } = await start({ owner: OWNER, repo: REPO, pulls: { 7: repo.headSha } });
    const run = await runAction({
      apiUrl: url,
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestPayload({ number: 7, baseSha: repo.baseSha, headSha: repo.headSha }),
      repository: `${OWNER}/${REPO}`,
    });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(
      '::error::meshguard: the change fails the `error` threshold (1 errors, 0 warnings)',
    );
    expect(server.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `PATCH /repos/${OWNER}/${REPO}/check-runs/1`,
      `GET /repos/${OWNER}/${REPO}/pulls/7`,
      `GET /repos/${OWNER}/${REPO}/issues/7/comments`,
      `POST /repos/${OWNER}/${REPO}/issues/7/comments`,
      `GET /repos/${OWNER}/${REPO}/issues/7/comments`,
    ]);
    const check = server.checkRuns.get(1);
    expect(check).toMatchObject({
      name: 'meshguard',
      head_sha: repo.headSha,
      status: 'completed',
      conclusion: 'failure',
      details_url: `https://github.com/${OWNER}/${REPO}/actions/runs/4242`,
      output: { title: 'regression: 1 error' },
    });
    expect(check.annotations).toEqual([
      expect.objectContaining({
        path: 'mesh/policy.yaml',
        start_line: ACTION_LINE,
        annotation_level: 'failure',
      }),
    ]);
    expect(server.comments).toHaveLength(1);
    const body = server.comments[0]?.body ?? '';
    expect(body.startsWith(`${commentMarker('meshguard')}\n`)).toBe(true);
    expect(body).toContain('MG011');
    expect(body).toContain(
      `\`${repo.baseSha.slice(0, 7)}\` (base) with \`${repo.headSha.slice(0, 7)}\` (head)`,
    );

    expect(run.outputs).toMatchObject({
      verdict: 'fail',
      findings: '1',
      'added-edges': '0',
      'removed-edges': '0',
      'mesh-changes': 'true',
      'check-run-url': `https://github.com/${OWNER}/${REPO}/runs/1`,
    });
    expect(run.summary).toContain('MG011');
    const file = JSON.parse(readFileSync(run.outputs['report-json'] ?? '', 'utf8'));
    expect(file).toMatchObject({
      kind: 'meshguard-report',
      pullRequest: 7,
      headSha: repo.headSha,
      meshChanges: true,
    });
    expect(file.report.findings.map((f: { code: string }) => f.code)).toEqual(['MG011']);
  });

  it('on a fork with a read-only token: no writes succeed, the job still fails on the verdict and explains why', async () => {
    const repo = repository(
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW') },
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') },
    );
    const { server, url } = await start({ owner: OWNER, repo: REPO, readOnly: true });
    const run = await runAction({
      apiUrl: url,
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestPayload({
        number: 7,
        baseSha: repo.baseSha,
        headSha: repo.headSha,
        fork: true,
      }),
      repository: `${OWNER}/${REPO}`,
    });

    expect(run.code).toBe(1);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
    ]);
    expect(run.stdout).toContain('::warning::meshguard cannot write the check run or the comment');
    expect(run.stdout).toContain('`mode: publish`');
    expect(run.outputs['verdict']).toBe('fail');
    expect(run.summary).toContain('MG011');
  });

  it('passes the job when nothing in the mesh changed', async () => {
    const repo = repository(
      { 'mesh/policy.yaml': policy('a', 'ALLOW'), 'README.md': '1' },
      { 'README.md': '2' },
    );
    const { server, url } = await start({ owner: OWNER, repo: REPO, pulls: { 7: repo.headSha } });
    const run = await runAction({
      apiUrl: url,
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestPayload({ number: 7, baseSha: repo.baseSha, headSha: repo.headSha }),
      repository: `${OWNER}/${REPO}`,
    });
    expect(run.code, run.stdout).toBe(0);
    expect(server.checkRuns.get(1)).toMatchObject({
      conclusion: 'success',
      output: { title: 'no mesh changes' },
    });
    expect(server.comments).toEqual([]);
    expect(run.outputs).toMatchObject({ verdict: 'pass', 'mesh-changes': 'false', findings: '0' });
  });

  it('fails with the configuration problem, file and line, before analysing anything', async () => {
    const repo = repository(
      { '.github/meshguard.yml': 'fail-on: sometimes\n', 'mesh/p.yaml': policy('a', 'ALLOW') },
      { 'mesh/p.yaml': policy('a', 'DENY') },
    );
    const { url } = await start({ owner: OWNER, repo: REPO, pulls: { 7: repo.headSha } });
    const run = await runAction({
      apiUrl: url,
      workspace: repo.dir,
      eventName: 'pull_request',
      event: pullRequestPayload({ number: 7, baseSha: repo.baseSha, headSha: repo.headSha }),
      repository: `${OWNER}/${REPO}`,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::.github/meshguard.yml:1:10: fail-on: `fail-on` must be one of error, warning, never, not `sometimes`',
    );
    expect(run.stdout).toContain('::error::meshguard: .github/meshguard.yml has 1 error');
  });
});
