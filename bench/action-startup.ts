// Action start-up: from `node dist/index.js` starting to its first GitHub API request (the
// in-progress check run), against a local mock API, compared in the same run with a bare
// `node -e "fetch(...)"` doing one request. Also prints the bundle size. Asserts nothing.
// Run: npm run bench -- ./action-startup.ts   (BENCH_RUNS=15 by default)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repository } from '../test/github/support/git.js';
import { policy } from '../test/github/support/manifests.js';
import { OWNER, REPO, pullRequestPayload } from '../test/github/support/payloads.js';
import { MockGitHubServer } from '../test/action/support/mock-github-server.js';
import { DIST } from '../test/action/support/run-action.js';

const runs = Number(process.env['BENCH_RUNS'] ?? 15);
/** Another build to compare, e.g. a minified one. */
const dist = process.env['BENCH_DIST'] ?? DIST;
const repo = repository(
  { 'mesh/p.yaml': policy('a', 'ALLOW') },
  { 'mesh/p.yaml': policy('a', 'ALOW') },
);
const temp = mkdtempSync(join(tmpdir(), 'meshguard-bench-'));
const eventPath = join(temp, 'event.json');
writeFileSync(
  eventPath,
  JSON.stringify(pullRequestPayload({ number: 7, baseSha: repo.baseSha, headSha: repo.headSha })),
);

/** Milliseconds from spawning `argv` to the mock receiving its first request. */
async function timeToFirstRequest(
  argv: (url: string) => string[],
  env: (url: string) => NodeJS.ProcessEnv,
): Promise<number> {
  const server = new MockGitHubServer({ owner: OWNER, repo: REPO, pulls: { 7: repo.headSha } });
  const url = await server.listen();
  const first = server.nextRequest();
  const start = performance.now();
  const child = spawn(process.execPath, argv(url), { env: env(url), stdio: 'ignore' });
  await first;
  const elapsed = performance.now() - start;
  child.kill();
  await new Promise((resolve) => child.on('close', resolve));
  await server.close();
  return elapsed;
}

function actionEnv(url: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    GITHUB_API_URL: url,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: join(temp, 'output'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    RUNNER_TEMP: temp,
    'INPUT_GITHUB-TOKEN': 'token',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const action: number[] = [];
const bare: number[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(
    await timeToFirstRequest(
      (url) => [
        '-e',
        `fetch(${JSON.stringify(`${url}/repos/${OWNER}/${REPO}/check-runs`)}, { method: 'POST', body: '{}' })`,
      ],
      () => ({ PATH: process.env['PATH'] }),
    ),
  );
  action.push(await timeToFirstRequest(() => [dist], actionEnv));
}

const bytes = statSync(dist).size;
const gzip = gzipSync(readFileSync(dist)).length;
console.log(`action start-up: process start to first API request, median of ${runs} runs`);
console.log(`  node -e "fetch(...)"       ${median(bare).toFixed(0)} ms`);
console.log(
  `  node <bundle>              ${median(action).toFixed(0)} ms  (${(median(action) / median(bare)).toFixed(2)}x bare)`,
);
console.log(
  `  bundle ${dist.endsWith(DIST) ? 'dist/index.js' : dist}  ${(bytes / 1024).toFixed(0)} KiB (${(gzip / 1024).toFixed(0)} KiB gzipped)`,
);
