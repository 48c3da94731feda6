import { describe, expect, it } from 'vitest';
import type { Finding, Report, Severity } from '../../src/analysis/index.js';
import { analyzeChange, catalogue } from '../../src/analysis/index.js';
import {
  ANNOTATION_MESSAGE_BYTES,
  annotationsFor,
  checkTitle,
  completeCheckRun,
  conclusionOf,
  MAX_ANNOTATIONS,
} from '../../src/github/check-run.js';
import { testClient } from './support/client.js';
import { FakeGitHub } from './support/fake-github.js';
import { policy } from './support/manifests.js';
import { OWNER, REPO } from './support/payloads.js';
import { NOW } from './support/run-review.js';

function finding(
  severity: Severity,
  file = 'mesh/p.yaml',
  side: 'base' | 'head' = 'head',
): Finding {
  return {
    id: `MG011:${severity}`,
    code: 'MG011',
    severity,
    message: `a ${severity}`,
    at: { file, documentIndex: 0, line: 12, column: 3 },
    side,
  };
}

/** A real report (one MG011 error), with findings swapped in where a test needs others. */
function report(findings: readonly Finding[], verdict: 'pass' | 'fail'): Report {
  const real = analyzeChange({
    base: [{ path: 'mesh/p.yaml', text: policy('a', 'ALLOW') }],
    head: [{ path: 'mesh/p.yaml', text: policy('a', 'ALOW') }],
  });
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return { ...real, verdict, findings, summary: { ...real.summary, findings: counts } };
}

describe('check run content', () => {
  it.each([
    ['error', 'failure'],
    ['warning', 'warning'],
    ['notice', 'notice'],
  ] as const)('a finding of severity %s is an annotation of level %s', (severity, level) => {
    expect(annotationsFor([finding(severity)], new Set(['mesh/p.yaml']))).toEqual([
      {
        path: 'mesh/p.yaml',
        start_line: 12,
        end_line: 12,
        annotation_level: level,
        title: `MG011 ${catalogue.MG011.title}`,
        message: `a ${severity}`,
      },
    ]);
  });

  it('annotates only head lines of files the head has', () => {
    const findings = [
      finding('error', 'gone.yaml', 'base'),
      finding('error', 'rendered/prod.yaml'),
      finding('error'),
    ];
    expect(annotationsFor(findings, new Set(['mesh/p.yaml'])).map((a) => a.path)).toEqual([
      'mesh/p.yaml',
    ]);
  });

  it('cuts a long message to the 64 KB GitHub allows by UTF-8 bytes, never inside a character', () => {
    // 3 bytes per character: 30,000 UTF-16 units pass a cut at 60,000 units at 90,000 bytes.
    const wide = { ...finding('error'), message: '\u65E5'.repeat(30_000) };
    // An emoji is a surrogate pair: a cut by units can split it, leaving a lone surrogate.
    const pairs = { ...finding('error'), message: `a${'\u{1F600}'.repeat(40_000)}` };
    for (const f of [wide, pairs]) {
      const [annotation] = annotationsFor([f], new Set(['mesh/p.yaml']));
      const message = annotation?.message ?? '';
      expect(Buffer.byteLength(message, 'utf8')).toBeLessThanOrEqual(ANNOTATION_MESSAGE_BYTES);
      expect(Buffer.byteLength(message, 'utf8')).toBeGreaterThan(ANNOTATION_MESSAGE_BYTES - 4);
      expect(message).toMatch(/\.\.\.$/);
      expect(message).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
      expect(f.message.startsWith(message.slice(0, -3))).toBe(true);
    }
  });

  it('replaces a lone surrogate in a short message, which the API rejects', () => {
    const f = { ...finding('error'), message: 'bad \uD800 value' };
    expect(annotationsFor([f], new Set(['mesh/p.yaml']))[0]?.message).toBe('bad \uFFFD value');
  });

  it.each([
    [[finding('error')], 'fail', 'failure', 'regression: 1 error'],
    [
      [finding('warning'), finding('notice')],
      'pass',
      'neutral',
      'no regression: 1 warning, 1 notice',
    ],
    [[finding('warning'), finding('warning')], 'fail', 'failure', 'regression: 2 warnings'],
    [[], 'pass', 'success', 'no regression'],
  ] as const)('concludes %#: %s → %s', (findings, verdict, conclusion, title) => {
    const r = report(findings, verdict);
    expect({ conclusion: conclusionOf(r), title: checkTitle(r) }).toEqual({ conclusion, title });
  });
});

describe('completeCheckRun', () => {
  const target = () => {
    const { octokit } = testClient();
    return {
      octokit,
      repo: { owner: OWNER, repo: REPO },
      name: 'meshguard',
      headSha: 'a'.repeat(40),
      clock: () => NOW,
      detailsUrl: null,
    };
  };

  it('cuts a summary over 65,535 characters and points at the job summary', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const summary = Array.from({ length: 5000 }, (_, i) => `- finding ${i} ${'x'.repeat(40)}`).join(
      '\n',
    );
    await completeCheckRun(
      target(),
      null,
      { conclusion: 'failure', title: 't', summary, annotations: [] },
      'https://run',
    );
    const sent = github.checkRuns.get(1).output.summary as string;
    expect(summary.length).toBeGreaterThan(65_535);
    expect(sent.length).toBeLessThanOrEqual(65_535);
    expect(sent).toContain('the full report is in the [job summary](https://run).');
  });

  it(`creates the run when it could not be started, and stops annotating at ${MAX_ANNOTATIONS}`, async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const annotations = annotationsFor(
      Array.from({ length: 620 }, () => finding('warning')),
      new Set(['mesh/p.yaml']),
    );
    await completeCheckRun(
      target(),
      null,
      { conclusion: 'neutral', title: 't', summary: 's', annotations },
      null,
    );
    expect(github.routes()).toEqual([
      `POST /repos/${OWNER}/${REPO}/check-runs`,
      ...Array.from({ length: 9 }, () => `PATCH /repos/${OWNER}/${REPO}/check-runs/1`),
    ]);
    expect(github.bodies('POST', /check-runs/)[0]).toMatchObject({ status: 'in_progress' });
    expect(github.checkRuns.get(1)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
    expect(github.checkRuns.get(1).annotations).toHaveLength(MAX_ANNOTATIONS);
  });

  it('completes the run even when an annotation batch keeps failing, then reports the failure', async () => {
    const github = new FakeGitHub(OWNER, REPO);
    const annotations = annotationsFor(
      Array.from({ length: 120 }, () => finding('warning')),
      new Set(['mesh/p.yaml']),
    );
    const run = target();
    const started = await completeCheckRun(
      run,
      null,
      { conclusion: 'neutral', title: 'running', summary: 's', annotations: [] },
      null,
    );
    github.checkRuns.get(1).status = 'in_progress';
    delete github.checkRuns.get(1).conclusion;
    // The first batch fails on every try (plugin-retry: the first and 3 more).
    github.fail('PATCH', /check-runs\/1$/, 500, { times: 4 });
    const error = await completeCheckRun(
      run,
      started,
      { conclusion: 'failure', title: 't', summary: 's', annotations },
      null,
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^could not update the check run: HTTP 500/);
    expect(github.checkRuns.get(1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
