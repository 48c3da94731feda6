import { describe, expect, it } from 'vitest';
import { classify, MissingPermissionError, OPERATIONS } from '../../src/github/errors.js';
import { FakeGitHub } from './support/fake-github.js';
import { repository } from './support/git.js';
import { policy } from './support/manifests.js';
import { OWNER, REPO } from './support/payloads.js';
import { reviewPullRequest } from './support/run-review.js';

const READ_ONLY = { headers: { 'x-accepted-github-permissions': 'checks=write' } };

function broken() {
  const repo = repository(
    { 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW') },
    { 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') },
  );
  const github = new FakeGitHub(OWNER, REPO);
  github.pulls.set(7, { headSha: repo.headSha });
  return { repo, github };
}

describe('tokens that cannot write', () => {
  // GitHub gives `pull_request` runs from forks a read-only token (github-notes.md §2.4).
  it('on a fork pull request: analyses, writes nothing more, keeps the verdict and explains the two-workflow pattern', async () => {
    const { repo, github } = broken();
    github.fail('POST', /\/check-runs$/, 403, READ_ONLY);

    const { outcome, log } = await reviewPullRequest({ ...repo, fork: true });

    expect(github.routes()).toEqual([`POST /repos/${OWNER}/${REPO}/check-runs`]);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.reportFile.report?.findings.map((f) => f.code)).toEqual(['MG011']);
    expect(outcome.markdown).toContain('MG011');
    expect(outcome.publication).toEqual({
      checkRunUrl: null,
      commentUrl: null,
      readOnly: true,
      errors: [],
    });
    const warnings = log.filter((l) => l.startsWith('warning: '));
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toContain('on `workflow_run`');
    expect(warnings[1]).toContain('`mode: publish`');
    expect(warnings[2]).toContain('Do not switch to `pull_request_target`');
  });

  it('on a Dependabot pull request, which also gets a read-only token', async () => {
    const { repo, github } = broken();
    github.fail('POST', /\/check-runs$/, 403);
    const { outcome } = await reviewPullRequest({ ...repo, context: { actor: 'dependabot[bot]' } });
    expect(outcome.publication.readOnly).toBe(true);
    expect(github.routes()).toHaveLength(1);
  });

  it('on a same-repository pull request: names each missing permission and still reports the verdict', async () => {
    const { repo, github } = broken();
    github.fail('POST', /\/check-runs$/, 403, READ_ONLY);
    github.fail('POST', /\/issues\/7\/comments$/, 403, {
      headers: { 'x-accepted-github-permissions': 'issues=write; pull_requests=write' },
    });

    const { outcome } = await reviewPullRequest(repo);

    expect(outcome.verdict).toBe('fail');
    expect(outcome.publication.readOnly).toBe(false);
    const errors = outcome.publication.errors;
    expect(errors.every((e) => e instanceof MissingPermissionError)).toBe(true);
    expect(errors.map((e) => e.message)).toEqual([
      'could not create the check run: the token lacks `checks: write`; add it under `permissions:` in the workflow (or the job)',
      'could not write the pull request comment: the token lacks `issues: write` or `pull-requests: write`; add it under `permissions:` in the workflow (or the job)',
    ]);
    // The check run could not be created, so it is not completed either.
    expect(github.routes().filter((r) => r.includes('check-runs'))).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
    ]);
  });

  it('falls back to our own table when GitHub does not name the permission', async () => {
    const { repo, github } = broken();
    github.fail('PATCH', /\/check-runs\/1$/, 403);
    const { outcome } = await reviewPullRequest(repo);
    expect(outcome.publication.errors.map((e) => e.message)).toEqual([
      'could not update the check run: the token lacks `checks: write`; add it under `permissions:` in the workflow (or the job)',
    ]);
    expect(github.comments).toHaveLength(1);
  });
});

describe('classify: a 403 that outlasted the retries', () => {
  // The shape of octokit's RequestError: status, message, response headers.
  const refused = (message: string, headers: Record<string, string>) =>
    Object.assign(new Error(message), { status: 403, response: { headers } });
  const SECONDARY =
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

  it.each([
    ['a secondary limit, which keeps quota', SECONDARY, { 'x-ratelimit-remaining': '4000' }],
    ['a limit that names its wait', 'rate limited', { 'retry-after': '60' }],
    ['the primary limit', 'API rate limit exceeded', { 'x-ratelimit-remaining': '0' }],
  ])('is an API error, not a missing permission, for %s', (_, message, headers) => {
    const error = classify(refused(message, headers), OPERATIONS.writeComment);
    expect(error.name).toBe('ApiError');
    expect(error.message).toMatch(/^could not write the pull request comment: HTTP 403/);
  });

  it('is a missing permission otherwise, naming what GitHub accepts', () => {
    const error = classify(
      refused('Resource not accessible by integration', {
        'x-ratelimit-remaining': '4000',
        'x-accepted-github-permissions': 'pull_requests=write',
      }),
      OPERATIONS.writeComment,
    );
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect(error.message).toContain('`pull-requests: write`');
  });
});

describe('resilience', () => {
  it('retries a 5xx answer and succeeds', async () => {
    const { repo, github } = broken();
    github.fail('POST', /\/check-runs$/, 502);
    github.fail('POST', /\/issues\/7\/comments$/, 503, { times: 2 });

    const { outcome } = await reviewPullRequest(repo);

    expect(outcome.publication.errors).toEqual([]);
    expect(
      github.calls.filter((c) => c.method === 'POST').map((c) => `${c.status} ${c.path}`),
    ).toEqual([
      `502 /repos/${OWNER}/${REPO}/check-runs`,
      `201 /repos/${OWNER}/${REPO}/check-runs`,
      `503 /repos/${OWNER}/${REPO}/issues/7/comments`,
      `503 /repos/${OWNER}/${REPO}/issues/7/comments`,
      `201 /repos/${OWNER}/${REPO}/issues/7/comments`,
    ]);
    expect(github.comments).toHaveLength(1);
    expect(github.checkRuns.get(1)).toMatchObject({ conclusion: 'failure' });
  });

  it('waits out a secondary rate limit (plugin-throttling) and goes on', async () => {
    const { repo, github } = broken();
    github.fail('POST', /\/check-runs$/, 403, {
      headers: { 'retry-after': '1' },
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    });
    const { outcome, log } = await reviewPullRequest({ ...repo, throttle: true });
    expect(outcome.publication.errors).toEqual([]);
    expect(github.checkRuns.get(1)).toMatchObject({ conclusion: 'failure' });
    expect(log.filter((l) => l.includes('secondary rate limit'))).toEqual([
      'warning: GitHub secondary rate limit on POST /repos/{owner}/{repo}/check-runs; retry 1 in 1s',
    ]);
  });

  it('gives up after the retries and reports the API error, keeping the verdict', async () => {
    const { repo, github } = broken();
    github.fail('PATCH', /\/check-runs\/1$/, 500, { times: 10 });
    const { outcome } = await reviewPullRequest(repo);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.publication.errors.map((e) => e.message.split(' (')[0])).toEqual([
      'could not update the check run: HTTP 500',
    ]);
    // Default plugin-retry budget: the first try and 3 retries.
    expect(
      github.calls.filter((c) => c.method === 'PATCH' && c.path.includes('check-runs')),
    ).toHaveLength(4);
  });

  it('leaves the comment to a newer run when the pull request head has moved', async () => {
    const { repo, github } = broken();
    github.pulls.set(7, { headSha: 'f'.repeat(40) });
    const { outcome, log } = await reviewPullRequest(repo);
    expect(github.comments).toEqual([]);
    expect(github.checkRuns.get(1)).toMatchObject({
      head_sha: repo.headSha,
      conclusion: 'failure',
    });
    expect(log).toContain(
      "info: the pull request's head moved to fffffff; leaving the comment to that run",
    );
    expect(outcome.publication.errors).toEqual([]);
  });
});
