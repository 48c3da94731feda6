import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../../src/analysis/index.js';
import { ConfigError, MissingPermissionError } from '../../src/github/errors.js';
import { publish } from '../../src/github/publish.js';
import {
  ArtifactError,
  parseReportFile,
  serializeReportFile,
} from '../../src/github/report-file.js';
import type { ReportFile } from '../../src/github/report-file.js';
import type { ReviewInputs } from '../../src/github/review.js';
import { exampleRepository } from '../app/support/app.js';
import type { PullSpec } from '../app/support/github-state.js';
import { nockGitHub } from '../app/support/nock-github.js';
import { testClient } from './support/client.js';
import { policy, rejectedPolicies } from './support/manifests.js';
import { contextFor, OWNER, REPO, workflowRunPayload } from './support/payloads.js';
import { INPUTS, NOW } from './support/run-review.js';

const HEAD = 'e'.repeat(40);
const BASE_SHA = 'b'.repeat(40);

/** What the `pull_request` run of a fork would upload: a real analysis of a broken policy. */
function artifact(overrides: Partial<ReportFile> = {}): ReportFile {
  const report = analyzeChange({
    base: [{ path: 'mesh/p.yaml', text: policy('a', 'ALLOW') }],
    head: [{ path: 'mesh/p.yaml', text: rejectedPolicies(2) }],
  });
  return {
    kind: 'meshguard-report',
    version: 1,
    repository: `${OWNER}/${REPO}`,
    pullRequest: 7,
    baseSha: BASE_SHA,
    headSha: HEAD,
    meshChanges: true,
    headFiles: ['mesh/p.yaml'],
    report,
    ...overrides,
  };
}

/** The example mesh (main at examples/base, #7 at examples/head) behind nock, as GitHub has it. */
function repository(options: { config?: string } = {}) {
  const repo = exampleRepository(options);
  nockGitHub(repo.state);
  return repo;
}

async function runPublish(
  text: string,
  options: {
    headSha?: string;
    pullRequests?: number | null;
    eventName?: string;
    inputs?: Partial<ReviewInputs>;
    run?: Record<string, unknown>;
  } = {},
) {
  const { octokit, logger } = testClient();
  const event = workflowRunPayload({
    headSha: options.headSha ?? HEAD,
    pullRequest: options.pullRequests ?? null,
  });
  event['repository'].default_branch = 'main';
  Object.assign(event['workflow_run'], options.run ?? {});
  const outcome = await publish({
    octokit,
    context: contextFor(options.eventName ?? 'workflow_run', event),
    clock: () => NOW,
    logger,
    inputs: { ...INPUTS, ...options.inputs },
    workspace: mkdtempSync(join(tmpdir(), 'meshguard-publish-')),
    reportText: text,
  });
  return { outcome, log: logger.lines, event };
}

/** What a fork's rewritten `pull_request` workflow can upload, whatever its manifests hold. */
function forged(headSha: string, overrides: Partial<ReportFile> = {}): string {
  return serializeReportFile(
    artifact({ headSha, meshChanges: false, report: null, headFiles: [], ...overrides }),
  );
}

const REPO_PATH = `/repos/${OWNER}/${REPO}`;

// The privileged half of the fork pattern (github-notes.md §2.4). The artifact comes from a run
// whose workflow file the pull request may have changed: it only says which pull request and
// commit; the review is computed again here, through the API, as `/mesh rerun` does.
describe('mode: publish', () => {
  it('computes the review again for the pull request the artifact names, once GitHub confirms its head', async () => {
    const { state, base, head } = repository();
    const { outcome } = await runPublish(forged(head), { headSha: head });

    expect(state.routes()).toEqual([
      `GET ${REPO_PATH}/pulls/7`,
      `GET ${REPO_PATH}/contents/.github%2Fmeshguard.yml`,
      `POST ${REPO_PATH}/check-runs`,
      `GET ${REPO_PATH}/compare/${base}...${head}`,
      `GET ${REPO_PATH}/contents/.github%2Fmeshguard.yml`,
      `GET ${REPO_PATH}/contents/.github%2Fmeshguard.yml`,
      `GET ${REPO_PATH}/git/trees/${base}`,
      `GET ${REPO_PATH}/git/trees/${head}`,
      ...state.routes().filter((r) => r.includes('/git/blobs/')),
      `PATCH ${REPO_PATH}/check-runs/5000`,
      `GET ${REPO_PATH}/pulls/7`,
      `GET ${REPO_PATH}/issues/7/comments`,
      `POST ${REPO_PATH}/issues/7/comments`,
      `GET ${REPO_PATH}/issues/7/comments`,
    ]);
    // The configuration is the default branch's, never the pull request's.
    expect(state.calls.filter((c) => c.path.includes('/contents/')).map((c) => c.query)).toEqual([
      'ref=main',
      'ref=main',
      `ref=${head}`,
    ]);
    const [check] = [...state.checkRuns.values()];
    expect(check).toMatchObject({
      head_sha: head,
      conclusion: 'failure',
      // The job summary with the full report is this (publish) run's.
      details_url: `https://github.com/${OWNER}/${REPO}/actions/runs/4242`,
    });
    expect(outcome?.verdict).toBe('fail');
    expect(outcome?.reportFile).toMatchObject({ meshChanges: true, baseSha: base, headSha: head });
    expect(state.comments).toHaveLength(1);
    expect(state.comments[0]?.body).not.toContain('not re-verified');
  });

  it('posts the recomputed findings, not the artifact’s', async () => {
    const { state, head } = repository();
    const claimed = artifact({ headSha: head });
    const { outcome } = await runPublish(serializeReportFile(claimed), { headSha: head });
    expect(outcome?.reportFile.report?.findings.map((f) => f.code)).not.toEqual(
      claimed.report?.findings.map((f) => f.code),
    );
    expect(state.comments[0]?.body).not.toContain('mesh/p.yaml');
  });

  it('uses the default branch’s `comment:` setting, and the input above it, as a normal run does', async () => {
    const never = repository({ config: 'comment: never\n' });
    await runPublish(forged(never.head), { headSha: never.head });
    expect([...never.state.checkRuns.values()]).toMatchObject([{ conclusion: 'failure' }]);
    expect(never.state.comments).toEqual([]);
    nock.cleanAll();

    const always = repository({ config: 'comment: never\n' });
    await runPublish(forged(always.head), { headSha: always.head, inputs: { comment: 'always' } });
    expect(always.state.comments).toHaveLength(1);
  });

  it('posts nothing when the pull request has moved on: the run for its new head will', async () => {
    const { state, head } = repository();
    state.pulls.set(7, { ...(state.pulls.get(7) as PullSpec), headSha: 'f'.repeat(40) });
    const { outcome, log } = await runPublish(forged(head), { headSha: head });
    expect(outcome).toBeNull();
    expect(state.routes()).toEqual([`GET ${REPO_PATH}/pulls/7`]);
    expect(log).toContain(
      `warning: pull request #7 is now at fffffff, not ${head.slice(0, 7)}; nothing to publish (the run for its new head will)`,
    );
  });

  it('refuses a pull request the run does not list', async () => {
    const { state, head } = repository();
    await expect(runPublish(forged(head), { headSha: head, pullRequests: 8 })).rejects.toThrow(
      new ArtifactError('the report names pull request #7, which the run does not list'),
    );
    expect(state.calls).toEqual([]);
  });

  it('refuses a report for a pull_request run that names no pull request', async () => {
    const { state, head } = repository();
    await expect(
      runPublish(forged(head, { pullRequest: null }), { headSha: head }),
    ).rejects.toBeInstanceOf(ArtifactError);
    expect(state.calls).toEqual([]);
  });

  it('refuses a report computed for another commit', async () => {
    repository();
    await expect(
      runPublish(serializeReportFile(artifact({ headSha: 'c'.repeat(40) }))),
    ).rejects.toThrow(`the report is for commit ccccccc, but the run was for ${HEAD.slice(0, 7)}`);
  });

  it('runs only on workflow_run', async () => {
    await expect(
      runPublish(serializeReportFile(artifact()), { eventName: 'pull_request' }),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('says to add `contents: read` when the token may not read the repository', async () => {
    const { state, head } = repository();
    state.fail('GET', /\/contents\//, 403);
    const error = await runPublish(forged(head), { headSha: head }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect((error as Error).message).toBe(
      'could not read repository contents: the token lacks `contents: read`; add it under `permissions:` in the workflow (or the job)',
    );
    expect(state.checkRuns.size).toBe(0);
  });

  it('says so on the check too when the trees cannot be read', async () => {
    const { state, head } = repository();
    state.fail('GET', /\/git\/trees\//, 403);
    await expect(runPublish(forged(head), { headSha: head })).rejects.toThrow('`contents: read`');
    expect([...state.checkRuns.values()]).toMatchObject([
      { conclusion: 'failure', output: { title: 'meshguard could not run' } },
    ]);
  });

  it('turns a pull request that no longer touches the mesh into the resolved comment', async () => {
    const repo = exampleRepository();
    const head = repo.state.commit({ 'README.md': 'x' }, 'head');
    const base = repo.state.commit({ 'README.md': 'y' }, 'base');
    repo.state.branches.set('main', base);
    repo.state.pulls.set(7, { baseSha: base, headSha: head, author: 'alice' });
    nockGitHub(repo.state);
    repo.state.comments.push({
      id: 1,
      body: '<!-- meshguard:v1 check=meshguard -->\nold\n',
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: '',
    });
    const claimed = serializeReportFile(artifact({ headSha: head }));
    const { outcome } = await runPublish(claimed, { headSha: head });
    expect(outcome?.verdict).toBe('pass');
    expect([...repo.state.checkRuns.values()]).toMatchObject([
      { conclusion: 'success', output: { title: 'no mesh changes' } },
    ]);
    expect(repo.state.comments[0]?.body).toContain('no remaining mesh changes');
  });

  describe('with `render` configured', () => {
    const config =
      'render:\n  - name: prod\n    command: kustomize build overlays/prod\n    paths: ["overlays/**"]\n';

    it('runs nothing and posts the artifact’s report, labelled as not re-verified everywhere', async () => {
      const { state, head } = repository({ config });
      const { outcome, log, event } = await runPublish(
        serializeReportFile(artifact({ headSha: head })),
        { headSha: head },
      );
      // No tree or blob of the pull request is read, no tool run: the artifact is posted.
      expect(state.routes()).toEqual([
        `GET ${REPO_PATH}/pulls/7`,
        `GET ${REPO_PATH}/contents/.github%2Fmeshguard.yml`,
        `POST ${REPO_PATH}/check-runs`,
        `PATCH ${REPO_PATH}/check-runs/5000`,
        `GET ${REPO_PATH}/pulls/7`,
        `GET ${REPO_PATH}/issues/7/comments`,
        `POST ${REPO_PATH}/issues/7/comments`,
        `GET ${REPO_PATH}/issues/7/comments`,
      ]);
      const [check] = [...state.checkRuns.values()];
      expect(check).toMatchObject({
        conclusion: 'failure',
        details_url: event['workflow_run'].html_url,
      });
      expect(check.output.summary).toMatch(
        /^> \[!WARNING\]\n> This result comes from the unprivileged `pull_request` run and was not re-verified: the configuration renders manifests \(`render`\)/,
      );
      expect(state.comments[0]?.body).toContain('MG011');
      expect(state.comments[0]?.body).toContain(
        "Not re-verified: this is the `pull_request` run's result (`render` is configured).",
      );
      expect(outcome?.markdown).toContain('was not re-verified');
      expect(log.filter((l) => l.includes('not re-verified'))).toHaveLength(1);
      expect(log.find((l) => l.includes('not re-verified'))).toMatch(/^warning: /);
    });

    it('labels a "no mesh changes" artifact too', async () => {
      const { state, head } = repository({ config });
      await runPublish(forged(head), { headSha: head });
      const [check] = [...state.checkRuns.values()];
      expect(check).toMatchObject({ conclusion: 'success', output: { title: 'no mesh changes' } });
      expect(check.output.summary).toContain('was not re-verified');
    });
  });

  describe('for a merge group', () => {
    const queue = (head: string) => ({
      event: 'merge_group',
      head_branch: `gh-readonly-queue/main/pr-7-${'a'.repeat(40)}`,
      head_sha: head,
    });

    it('computes the review again against the queue’s base branch, ignoring the artifact’s base', async () => {
      const { state, base, head } = repository();
      const { outcome } = await runPublish(forged(head, { pullRequest: null, baseSha: head }), {
        headSha: head,
        run: queue(head),
      });
      expect(state.routes()).toContain(`GET ${REPO_PATH}/compare/main...${head}`);
      expect(outcome?.reportFile).toMatchObject({ baseSha: base, pullRequest: null });
      expect([...state.checkRuns.values()]).toMatchObject([
        { head_sha: head, conclusion: 'failure' },
      ]);
      expect(state.comments).toEqual([]);
    });

    it('refuses a run whose branch is not a merge queue branch', async () => {
      const { head } = repository();
      await expect(
        runPublish(forged(head, { pullRequest: null }), {
          headSha: head,
          run: { ...queue(head), head_branch: 'feature' },
        }),
      ).rejects.toThrow('is not a merge queue branch');
    });
  });
});

describe('the report artifact', () => {
  const repository = `${OWNER}/${REPO}`;

  it('reads back exactly what the Action wrote', () => {
    const file = artifact();
    expect(parseReportFile(serializeReportFile(file), repository)).toEqual(file);
  });

  it('reads back edges, reasons on either side and mTLS changes exactly', async () => {
    const read = async (side: string) => {
      const dir = new URL(`../cases/injection-disabled-namespace/${side}/`, import.meta.url);
      const names = (await readdir(dir)).sort();
      return Promise.all(
        names.map(async (name) => ({
          path: name,
          text: await readFile(new URL(name, dir), 'utf8'),
        })),
      );
    };
    const report = analyzeChange({ base: await read('base'), head: await read('head') });
    expect(report.edges.some((e) => e.reasons.some((r) => r.side === 'base'))).toBe(true);
    expect(report.mtls.length).toBeGreaterThan(0);
    const file = artifact({ report });
    expect(parseReportFile(serializeReportFile(file), repository)).toEqual(file);
  });

  it('keeps only known fields, so nothing unexpected reaches the renderer', () => {
    const file = JSON.parse(serializeReportFile(artifact()));
    file.report.findings[0].extra = '<img src=x onerror=alert(1)>';
    file.extra = 'x';
    const parsed = parseReportFile(JSON.stringify(file), repository);
    expect(parsed).toEqual(artifact());
  });

  it.each([
    ['not JSON', () => '{', 'the report file is not JSON'],
    [
      'another kind of file',
      () => JSON.stringify({ kind: 'x', version: 1 }),
      'the file is not a meshguard report (kind and version)',
    ],
    [
      'another repository',
      () => serializeReportFile(artifact({ repository: 'evil/repo' })),
      'the report is for `evil/repo`, not this repository',
    ],
    [
      'a bad SHA',
      () => serializeReportFile(artifact({ baseSha: 'main' })),
      '$.baseSha must be a commit SHA',
    ],
    [
      'an unknown finding code',
      () => serializeReportFile(artifact()).replace('"code": "MG011"', '"code": "MG999"'),
      '$.report.findings[0].code is not a meshguard code',
    ],
    [
      'a wrong verdict',
      () => serializeReportFile(artifact()).replace('"verdict": "fail"', '"verdict": "maybe"'),
      '$.report.verdict must be one of pass, fail',
    ],
    [
      'an oversized message',
      () => {
        const file = JSON.parse(serializeReportFile(artifact()));
        file.report.findings[0].message = 'x'.repeat(5000);
        return JSON.stringify(file);
      },
      '$.report.findings[0].message must be a string of at most 4000 characters',
    ],
    [
      'a missing field',
      () => {
        const file = JSON.parse(serializeReportFile(artifact()));
        delete file.report.inputs.head.files;
        return JSON.stringify(file);
      },
      '$.report.inputs.head.files is missing',
    ],
    [
      'report and meshChanges that disagree',
      () => serializeReportFile(artifact({ meshChanges: false })),
      '$.report must be present exactly when meshChanges is true',
    ],
    [
      'more than 32 MiB',
      () => `${' '.repeat(33 * 1024 * 1024)}{}`,
      'the report file is larger than 33554432 bytes',
    ],
  ])('is refused when it has %s', (_name, make, message) => {
    const error = (() => {
      try {
        parseReportFile(make(), repository);
        return null;
      } catch (e: unknown) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ArtifactError);
    expect((error as Error).message).toBe(message);
  });
});
