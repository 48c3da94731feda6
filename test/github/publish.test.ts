import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { analyzeChange } from '../../src/analysis/index.js';
import { ConfigError } from '../../src/github/errors.js';
import { publish } from '../../src/github/publish.js';
import {
  ArtifactError,
  parseReportFile,
  serializeReportFile,
} from '../../src/github/report-file.js';
import type { ReportFile } from '../../src/github/report-file.js';
import { testClient } from './support/client.js';
import { FakeGitHub } from './support/fake-github.js';
import { policy, rejectedPolicies } from './support/manifests.js';
import { contextFor, OWNER, REPO, workflowRunPayload } from './support/payloads.js';
import { NOW } from './support/run-review.js';

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

async function runPublish(
  text: string,
  options: { pullRequests?: number | null; eventName?: string } = {},
) {
  const { octokit, logger } = testClient();
  const event = workflowRunPayload({ headSha: HEAD, pullRequest: options.pullRequests ?? null });
  const outcome = await publish({
    octokit,
    context: contextFor(options.eventName ?? 'workflow_run', event),
    clock: () => NOW,
    logger,
    checkName: 'meshguard',
    comment: 'on-change',
    reportText: text,
  });
  return { outcome, log: logger.lines, event };
}

// The privileged half of the fork pattern (github-notes.md §2.4): post what an unprivileged run
// computed, without running anything of the pull request.
describe('mode: publish', () => {
  it('posts the check run and the comment for the pull request the artifact names, once GitHub confirms its head', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: HEAD });
    const { outcome, event } = await runPublish(serializeReportFile(artifact()));

    expect(github.routes()).toEqual([
      `GET /repos/${OWNER}/${REPO}/pulls/7`,
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      `PATCH /repos/${OWNER}/${REPO}/check-runs/1`,
      `GET /repos/${OWNER}/${REPO}/pulls/7`,
      `GET /repos/${OWNER}/${REPO}/issues/7/comments`,
      `POST /repos/${OWNER}/${REPO}/issues/7/comments`,
      `GET /repos/${OWNER}/${REPO}/issues/7/comments`,
    ]);
    expect(github.checkRuns.get(1)).toMatchObject({
      head_sha: HEAD,
      conclusion: 'failure',
      details_url: event['workflow_run'].html_url,
    });
    expect(
      github.checkRuns.get(1).annotations.map((a: { start_line: number }) => a.start_line),
    ).toEqual([7, 19]);
    expect(github.comments[0]?.body).toContain('MG011');
    expect(github.comments[0]?.body).toContain(`[full report](${event['workflow_run'].html_url})`);
    expect(outcome.verdict).toBe('fail');
  });

  it('posts the check but no comment when the pull request it names does not have the run’s head', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: 'f'.repeat(40) });
    const { log } = await runPublish(serializeReportFile(artifact()));
    expect(github.comments).toEqual([]);
    expect(github.checkRuns.get(1)).toMatchObject({ head_sha: HEAD, conclusion: 'failure' });
    expect(log).toContain(
      `warning: pull request #7 is now at fffffff, not ${HEAD.slice(0, 7)}; not commenting (a newer run will)`,
    );
  });

  it('does not comment on a pull request the run does not list', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const { log } = await runPublish(serializeReportFile(artifact()), { pullRequests: 8 });
    expect(github.comments).toEqual([]);
    expect(log).toContain(
      'warning: the report names pull request #7, which the run does not list; not commenting',
    );
  });

  it('refuses a report computed for another commit', async () => {
    new FakeGitHub(OWNER, REPO);
    await expect(
      runPublish(serializeReportFile(artifact({ headSha: 'c'.repeat(40) }))),
    ).rejects.toThrow(`the report is for commit ccccccc, but the run was for ${HEAD.slice(0, 7)}`);
  });

  it('runs only on workflow_run', async () => {
    await expect(
      runPublish(serializeReportFile(artifact()), { eventName: 'pull_request' }),
    ).rejects.toBeInstanceOf(ConfigError);
  });

  it('turns a "no mesh changes" report into the resolved comment', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    github.pulls.set(7, { headSha: HEAD });
    const earlier = github.addComment('<!-- meshguard:v1 check=meshguard -->\nold\n');
    await runPublish(
      serializeReportFile(artifact({ meshChanges: false, report: null, headFiles: [] })),
    );
    expect(github.checkRuns.get(1)).toMatchObject({
      conclusion: 'success',
      output: { title: 'no mesh changes' },
    });
    expect(github.comments).toEqual([
      { ...earlier, body: expect.stringContaining('no remaining mesh changes') },
    ]);
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
