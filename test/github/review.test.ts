import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/analysis/index.js';
import { commentMarker } from '../../src/github/comment.js';
import { commit, git, repository } from './support/git.js';
import type { Tree } from './support/git.js';
import { FakeGitHub } from './support/fake-github.js';
import {
  ACTION_LINE,
  deployment,
  namespace,
  policy,
  rejectedPolicies,
} from './support/manifests.js';
import { OWNER, REPO } from './support/payloads.js';
import { NOW, reviewPullRequest } from './support/run-review.js';

const MARKER = commentMarker('meshguard');
const CHECK_RUNS = /\/check-runs/;
const COMMENTS = /\/issues\/7\/comments$/;

function setup(base: Tree, head: Tree) {
  const repo = repository(base, head);
  const github = new FakeGitHub(OWNER, REPO);
  github.pulls.set(7, { headSha: repo.headSha });
  return { repo, github };
}

// Scenario: a pull request breaks a policy (`action: ALOW`, which Istio rejects: MG011).
describe('review of a pull request', () => {
  it('creates the check run, then completes it as failed with the annotation, and creates one comment', async () => {
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW') },
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') },
    );
    const { outcome } = await reviewPullRequest(repo);

    expect(github.routes()).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `PATCH /repos/${OWNER}/${REPO}/check-runs/1`,
      `GET /repos/${OWNER}/${REPO}/pulls/7`,
      `GET /repos/${OWNER}/${REPO}/issues/7/comments`,
      `POST /repos/${OWNER}/${REPO}/issues/7/comments`,
      `GET /repos/${OWNER}/${REPO}/issues/7/comments`,
    ]);
    const [start, completion] = github
      .bodies('POST', CHECK_RUNS)
      .concat(github.bodies('PATCH', CHECK_RUNS));
    expect(start).toEqual({
      name: 'meshguard',
      head_sha: repo.headSha,
      status: 'in_progress',
      started_at: NOW.toISOString(),
      details_url: `https://github.com/${OWNER}/${REPO}/actions/runs/4242`,
    });
    expect(completion).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      completed_at: NOW.toISOString(),
      output: {
        title: 'regression: 1 error',
        annotations: [
          {
            path: 'mesh/policy.yaml',
            start_line: ACTION_LINE,
            end_line: ACTION_LINE,
            annotation_level: 'failure',
            title: `MG011 ${catalogue.MG011.title}`,
            message: '`spec.action` is `ALOW`, which is not one of ALLOW, DENY, AUDIT, CUSTOM',
          },
        ],
      },
    });
    expect(github.comments).toHaveLength(1);
    const body = github.comments[0]?.body ?? '';
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain('MG011');
    expect(body).toContain(`\`${repo.headSha.slice(0, 7)}\` (head)`);
    expect(body).toContain(
      `[Full report and JSON](https://github.com/${OWNER}/${REPO}/actions/runs/4242)`,
    );
    expect(outcome.verdict).toBe('fail');
    expect(outcome.publication).toEqual({
      checkRunUrl: `https://github.com/${OWNER}/${REPO}/runs/1`,
      commentUrl: github.comments[0]?.html_url,
      readOnly: false,
      errors: [],
    });
    expect(outcome.reportFile).toMatchObject({
      pullRequest: 7,
      baseSha: repo.baseSha,
      headSha: repo.headSha,
      meshChanges: true,
      headFiles: ['mesh/policy.yaml'],
    });
  });

  it('updates the same comment on the next push, and leaves it alone on a re-run', async () => {
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW') },
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') },
    );
    await reviewPullRequest(repo);
    const first = github.comments[0];

    git(repo.dir, 'checkout', '-q', 'feature');
    const second = commit(
      repo.dir,
      { 'mesh/other.yaml': policy('allow-admin', 'DENNY') },
      'second push',
    );
    git(repo.dir, 'checkout', '-q', 'main');
    github.pulls.set(7, { headSha: second });
    await reviewPullRequest({ ...repo, headSha: second });

    expect(github.comments.map((c) => c.id)).toEqual([first?.id]);
    expect(github.comments[0]?.body).toContain('DENNY');
    expect(github.bodies('PATCH', /\/issues\/comments\//)).toHaveLength(1);

    await reviewPullRequest({ ...repo, headSha: second });
    // Same commit, same report: no edit.
    expect(github.bodies('PATCH', /\/issues\/comments\//)).toHaveLength(1);
  });

  it('updates the comment when the regression is fixed, and the check passes', async () => {
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW') },
      { 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') },
    );
    await reviewPullRequest(repo);
    git(repo.dir, 'checkout', '-q', 'feature');
    const fixed = commit(
      repo.dir,
      {
        'mesh/policy.yaml': policy('allow-frontend', 'ALLOW'),
        'mesh/app.yaml': deployment('cart'),
        'mesh/namespace.yaml': namespace('shop'),
      },
      'fix the action',
    );
    git(repo.dir, 'checkout', '-q', 'main');
    github.pulls.set(7, { headSha: fixed });

    const { outcome } = await reviewPullRequest({ ...repo, headSha: fixed });

    expect(outcome.verdict).toBe('pass');
    expect(github.checkRuns.get(2)).toMatchObject({
      head_sha: fixed,
      conclusion: 'success',
      annotations: [],
    });
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).not.toContain('MG011');
    expect(github.comments[0]?.body).toContain(`\`${fixed.slice(0, 7)}\` (head)`);
  });

  it('says "no mesh changes" on the check and posts nothing when no configured file changed', async () => {
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('a', 'ALLOW'), 'README.md': 'v1' },
      { 'README.md': 'v2' },
    );
    const { outcome } = await reviewPullRequest(repo);

    expect(github.checkRuns.get(1)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
      output: { title: 'no mesh changes' },
    });
    expect(github.bodies('POST', COMMENTS)).toEqual([]);
    expect(outcome.verdict).toBe('pass');
    expect(outcome.reportFile).toMatchObject({ meshChanges: false, report: null });
    expect(outcome.markdown).toContain('no mesh changes');
  });

  it('replaces an existing comment with "no remaining mesh changes" when the PR stops touching the mesh', async () => {
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('a', 'ALLOW') },
      { 'README.md': 'docs only' },
    );
    const earlier = github.addComment(`${MARKER}\n**meshguard: regression**\n`);
    await reviewPullRequest(repo);
    expect(github.comments).toEqual([
      {
        ...earlier,
        body: `${MARKER}\n**meshguard**: no remaining mesh changes in this pull request (checked at \`${repo.headSha.slice(0, 7)}\`).\n`,
      },
    ]);
  });

  it('sends more than 50 annotations in batches of 50, completing the check with the last batch', async () => {
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('a', 'ALLOW') },
      { 'mesh/policy.yaml': rejectedPolicies(120) },
    );
    await reviewPullRequest(repo);

    const updates = github.bodies('PATCH', CHECK_RUNS);
    expect(updates.map((u) => u.output.annotations.length)).toEqual([50, 50, 20]);
    expect(updates.map((u) => u.status ?? 'in_progress')).toEqual([
      'in_progress',
      'in_progress',
      'completed',
    ]);
    const run = github.checkRuns.get(1);
    expect(run.annotations).toHaveLength(120);
    expect(run.annotations.map((a: { start_line: number }) => a.start_line).slice(0, 3)).toEqual([
      7, 19, 31,
    ]);
    expect(run.conclusion).toBe('failure');
  });

  it('cuts an oversized report to fit the comment and the check, and keeps all of it for the job summary', async () => {
    const { repo, github } = setup(
      { 'mesh/p.yaml': policy('a', 'ALLOW') },
      { 'mesh/p.yaml': rejectedPolicies(600) },
    );
    const { outcome } = await reviewPullRequest(repo);

    expect(outcome.markdown.length).toBeGreaterThan(65_536);
    const body = github.bodies('POST', COMMENTS)[0].body as string;
    expect(body.length).toBeLessThanOrEqual(65_536);
    // The renderer may shorten itself or be cut by the publisher: either way the comment links to
    // the run, whose job summary has everything.
    expect(body).toContain(`(https://github.com/${OWNER}/${REPO}/actions/runs/4242)`);
    const summary = github.checkRuns.get(1).output.summary as string;
    expect(summary.length).toBeLessThanOrEqual(65_535);
    expect(outcome.markdown.match(/MG011/g)).toHaveLength(600);
  });

  it('never annotates findings that have no line in a head file', async () => {
    // A head file that is not UTF-8 is a finding (MG005, as `meshguard validate` reports it) on
    // the file as a whole: there is no line to annotate.
    const latin1 = Uint8Array.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]);
    const { repo, github } = setup(
      { 'mesh/policy.yaml': policy('a', 'ALLOW') },
      { 'mesh/policy.yaml': policy('a', 'ALOW'), 'mesh/latin1.yaml': latin1 },
    );
    const { outcome } = await reviewPullRequest(repo);

    const findings = outcome.reportFile.report?.findings.map(
      (f) => `${f.code} ${f.side} ${f.at.file}`,
    );
    expect(findings).toEqual(['MG005 head mesh/latin1.yaml', 'MG011 head mesh/policy.yaml']);
    expect(outcome.reportFile.report?.inputs.partial).toBe(true);
    expect(github.checkRuns.get(1).annotations.map((a: { path: string }) => a.path)).toEqual([
      'mesh/policy.yaml',
    ]);
  });
});

describe('what only the adapter sees', () => {
  it('fails the verdict on an unreadable head file, as the core fails on an error', async () => {
    const latin1 = Uint8Array.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a]);
    const { repo } = setup({ 'mesh/a.yaml': policy('a', 'ALLOW') }, { 'mesh/latin1.yaml': latin1 });
    const strict = await reviewPullRequest(repo);
    expect(strict.outcome.verdict).toBe('fail');
    expect(strict.outcome.reportFile.report?.summary.findings).toEqual({
      error: 1,
      warning: 0,
      notice: 0,
    });
    const lenient = await reviewPullRequest({ ...repo, inputs: { failOn: 'never' } });
    expect(lenient.outcome.verdict).toBe('pass');
  });
});
