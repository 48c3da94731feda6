import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/github/errors.js';
import { review } from '../../src/github/review.js';
import { tree } from '../support/cli.js';
import { api, testClient } from './support/client.js';
import { FakeGitHub } from './support/fake-github.js';
import { commit, git, repository } from './support/git.js';
import { policy } from './support/manifests.js';
import { contextFor, mergeGroupPayload, OWNER, REPO } from './support/payloads.js';
import { INPUTS, NOW, reviewPullRequest } from './support/run-review.js';

const BASE = `/repos/${OWNER}/${REPO}`;

describe('events', () => {
  it('on merge_group: checks the queue commit and writes no comment', async () => {
    const repo = repository(
      { 'mesh/p.yaml': policy('a', 'ALLOW') },
      { 'mesh/p.yaml': policy('a', 'ALOW') },
    );
    const github = new FakeGitHub(OWNER, REPO);
    const { octokit, logger } = testClient();
    const outcome = await review({
      octokit,
      context: contextFor('merge_group', mergeGroupPayload(repo.baseSha, repo.headSha)),
      clock: () => NOW,
      inputs: INPUTS,
      logger,
      workspace: repo.dir,
    });
    expect(github.routes()).toEqual([`POST ${BASE}/check-runs`, `PATCH ${BASE}/check-runs/1`]);
    expect(github.checkRuns.get(1)).toMatchObject({
      head_sha: repo.headSha,
      conclusion: 'failure',
    });
    expect(outcome.reportFile.pullRequest).toBeNull();
  });

  it('in mode: analyze, writes nothing to GitHub and still answers', async () => {
    const repo = repository(
      { 'mesh/p.yaml': policy('a', 'ALLOW') },
      { 'mesh/p.yaml': policy('a', 'ALOW') },
    );
    const github = new FakeGitHub(OWNER, REPO);
    const { outcome, log } = await reviewPullRequest({ ...repo, inputs: { writes: false } });
    expect(github.calls).toEqual([]);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.publication).toEqual({
      checkRunUrl: null,
      commentUrl: null,
      readOnly: true,
      errors: [],
    });
    expect(log.filter((l) => l.startsWith('warning'))).toEqual([]);
  });

  it('on other events without folders to compare: refuses with what to do, on the check too', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const { octokit, logger } = testClient();
    const run = review({
      octokit,
      context: contextFor('push', {}, { sha: 'c'.repeat(40) }),
      clock: () => NOW,
      inputs: INPUTS,
      logger,
      workspace: tmpdir(),
    });
    await expect(run).rejects.toThrow(
      'meshguard compares two commits on pull_request and merge_group events; on `push` set the base-dir and head-dir inputs',
    );
    expect(github.checkRuns.get(1)).toMatchObject({
      head_sha: 'c'.repeat(40),
      conclusion: 'failure',
      output: { title: 'meshguard could not run' },
    });
  });

  it('compares two folders of the workspace (the self-test), reporting repository paths', async () => {
    const workspace = tree({
      'examples/base/shop/p.yaml': policy('a', 'ALLOW'),
      'examples/head/shop/p.yaml': policy('a', 'ALOW'),
    });
    const github = new FakeGitHub(OWNER, REPO);
    const { octokit, logger } = testClient();
    const outcome = await review({
      octokit,
      context: contextFor('push', {}, { sha: 'd'.repeat(40) }),
      clock: () => NOW,
      inputs: { ...INPUTS, directories: { base: 'examples/base', head: 'examples/head' } },
      logger,
      workspace,
    });
    expect(outcome.reportFile.report?.findings.map((f) => f.at.file)).toEqual([
      'examples/head/shop/p.yaml',
    ]);
    expect(github.checkRuns.get(1).annotations.map((a: { path: string }) => a.path)).toEqual([
      'examples/head/shop/p.yaml',
    ]);
    expect(outcome.markdown).toContain(
      'meshguard compared `examples/base` (base) with `examples/head` (head).',
    );
    expect(outcome.reportFile).toMatchObject({ baseSha: 'd'.repeat(40), headSha: 'd'.repeat(40) });
  });
});

describe('configuration', () => {
  it('is read from the base branch: a pull request cannot relax its own gate', async () => {
    const repo = repository(
      {
        '.github/meshguard.yml': 'paths: ["mesh/**"]\nfail-on: error\n',
        'mesh/p.yaml': policy('a', 'ALLOW'),
      },
      {
        '.github/meshguard.yml': 'paths: ["mesh/**"]\nfail-on: never\n',
        'mesh/p.yaml': policy('a', 'ALOW'),
      },
    );
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: repo.headSha });
    const { outcome } = await reviewPullRequest(repo);
    expect(outcome.verdict).toBe('fail');
    expect(github.comments[0]?.body).toContain(
      "this pull request changes `.github/meshguard.yml`; meshguard uses the base branch's version until it is merged",
    );
  });

  it('applies the base configuration: paths, fail-on and the comment policy', async () => {
    const repo = repository(
      {
        '.github/meshguard.yml': 'paths: ["mesh/**"]\nfail-on: never\ncomment: never\n',
        'mesh/p.yaml': policy('a', 'ALLOW'),
      },
      { 'mesh/p.yaml': policy('a', 'ALOW'), 'other/p.yaml': policy('b', 'ALOW') },
    );
    const github = new FakeGitHub(OWNER, REPO);
    const { outcome } = await reviewPullRequest(repo);
    expect(outcome.verdict).toBe('pass');
    expect(outcome.reportFile.headFiles).toEqual(['mesh/p.yaml']);
    expect(github.checkRuns.get(1)).toMatchObject({ conclusion: 'neutral' });
    expect(github.routes().some((r) => r.includes('comments'))).toBe(false);
  });

  it('lets the inputs override the file', async () => {
    const repo = repository(
      { '.github/meshguard.yml': 'fail-on: never\n', 'mesh/p.yaml': policy('a', 'ALLOW') },
      { 'mesh/p.yaml': policy('a', 'ALOW') },
    );
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: repo.headSha });
    const { outcome } = await reviewPullRequest({
      ...repo,
      inputs: { failOn: 'error', paths: ['mesh/*.yaml'] },
    });
    expect(outcome.verdict).toBe('fail');
  });

  it('refuses to run on an invalid file, naming file, line and field, and fails the check', async () => {
    const repo = repository(
      {
        '.github/meshguard.yml': 'paths: ["mesh/**"]\nignore:\n  - code: MG011\n',
        'mesh/p.yaml': policy('a', 'ALLOW'),
      },
      { 'mesh/p.yaml': policy('a', 'ALOW') },
    );
    const github = new FakeGitHub(OWNER, REPO);
    const error = await reviewPullRequest(repo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).details).toEqual([
      '.github/meshguard.yml:3:5: ignore[0].reason: `ignore[0].reason` is required',
    ]);
    expect(github.checkRuns.get(1)).toMatchObject({
      conclusion: 'failure',
      output: { title: 'meshguard could not run' },
    });
  });
});

describe('comparison', () => {
  it('compares with the merge base when the branch is behind, so changes merged since are not shown as reverted', async () => {
    const repo = repository(
      { 'mesh/a.yaml': policy('a', 'ALLOW') },
      { 'mesh/a.yaml': policy('a', 'DENY') },
    );
    // main moves on after the branch: someone adds a broken policy there.
    const tip = commit(repo.dir, { 'mesh/b.yaml': policy('b', 'ALOW') }, 'merged elsewhere');
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: repo.headSha });
    const { outcome } = await reviewPullRequest({ ...repo, baseSha: tip });
    expect(outcome.reportFile.baseSha).toBe(repo.baseSha);
    expect(outcome.reportFile.report?.inputs.base.files).toBe(1);
    expect(github.comments).toEqual([]);
    expect(github.checkRuns.get(1)).toMatchObject({ conclusion: 'success' });
    expect(outcome.markdown).toContain(
      `compared with the merge base \`${repo.baseSha.slice(0, 7)}\`: the branch is behind its base`,
    );
  });

  it('reads through the API when the checkout lacks the commits, asking GitHub for the merge base', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'meshguard-empty-'));
    const [base, head, mergeBase] = ['1', '2', '3'].map((c) => c.repeat(40)) as [
      string,
      string,
      string,
    ];
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: head });
    const tree = (blob: string) => ({
      truncated: false,
      tree: [{ path: 'mesh/p.yaml', mode: '100644', type: 'blob', sha: blob, size: 200 }],
    });
    const blob = (text: string) => ({
      encoding: 'base64',
      content: Buffer.from(text).toString('base64'),
    });
    api()
      .get(`${BASE}/compare/${base}...${head}`)
      .query({ per_page: '1' })
      .reply(200, { merge_base_commit: { sha: mergeBase } })
      .get(`${BASE}/contents/.github%2Fmeshguard.yml`)
      .query({ ref: base })
      .reply(404, { message: 'Not Found' })
      .get(`${BASE}/contents/.github%2Fmeshguard.yml`)
      .query({ ref: head })
      .reply(404, { message: 'Not Found' })
      .get(`${BASE}/git/trees/${mergeBase}`)
      .query({ recursive: '1' })
      .reply(200, tree('blob-base'))
      .get(`${BASE}/git/trees/${head}`)
      .query({ recursive: '1' })
      .reply(200, tree('blob-head'))
      .get(`${BASE}/git/blobs/blob-base`)
      .reply(200, blob(policy('a', 'ALLOW')))
      .get(`${BASE}/git/blobs/blob-head`)
      .reply(200, blob(policy('a', 'ALOW')));
    const { outcome, log } = await reviewPullRequest({
      dir: workspace,
      baseSha: base,
      headSha: head,
    });
    expect(log).toContain('info: reading manifests through the GitHub API');
    expect(outcome.reportFile.baseSha).toBe(mergeBase);
    expect(outcome.reportFile.report?.findings.map((f) => f.code)).toEqual(['MG011']);
    expect(github.comments).toHaveLength(1);
  });
});

describe('render', () => {
  const config =
    'render:\n  - name: prod\n    command: cat overlays/prod/all.yaml\n    paths: ["overlays/**"]\n';

  it('runs the command on a worktree of each side and analyses its output', async () => {
    const repo = repository(
      { '.github/meshguard.yml': config, 'overlays/prod/all.yaml': policy('a', 'ALLOW') },
      { 'overlays/prod/all.yaml': policy('a', 'ALOW') },
    );
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: repo.headSha });
    const { outcome } = await reviewPullRequest(repo);
    expect(
      outcome.reportFile.report?.findings.map((f) => `${f.code} ${f.at.file}:${f.at.line}`),
    ).toEqual(['MG011 rendered/prod.yaml:7']);
    // Only the rendered output is analysed (paths default to none), and it has no head line.
    expect(outcome.reportFile.headFiles).toEqual([]);
    expect(github.checkRuns.get(1).annotations).toEqual([]);
    expect(git(repo.dir, 'worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('reports a failing command as an unreadable input', async () => {
    const repo = repository(
      {
        '.github/meshguard.yml': config.replace('all.yaml', 'missing.yaml'),
        'overlays/prod/x': '1',
      },
      { 'overlays/prod/x': '2' },
    );
    new FakeGitHub(OWNER, REPO).pulls.set(7, { headSha: repo.headSha });
    const { outcome } = await reviewPullRequest(repo);
    const finding = outcome.reportFile.report?.findings[0];
    expect(finding?.code).toBe('MG005');
    expect(finding?.message).toMatch(
      /^file could not be read: `cat overlays\/prod\/missing\.yaml` exited with 1: cat: /,
    );
  });

  it('is refused on pull_request_target, where it would run with a write token', async () => {
    const repo = repository(
      { '.github/meshguard.yml': config, 'overlays/prod/all.yaml': '' },
      { 'overlays/prod/all.yaml': 'a: 1\n' },
    );
    new FakeGitHub(OWNER, REPO);
    await expect(
      reviewPullRequest({ ...repo, context: { eventName: 'pull_request_target' } }),
    ).rejects.toThrow('render is refused on pull_request_target');
  });
});
