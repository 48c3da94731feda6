import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeReportFile } from '../../src/github/report-file.js';
import { exampleRepository } from '../app/support/app.js';
import { GitHubServer } from '../app/support/http-github.js';
import { OWNER, REPO, workflowRunPayload } from '../github/support/payloads.js';
import { runAction } from './support/run-action.js';

const servers: GitHubServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/**
 * `mode: publish` as the runner runs it (node dist/index.js), against a local GitHub holding the
 * example pull request: the workspace holds only the downloaded artifact, here a forged one.
 */
async function publishRun(setup: (state: ReturnType<typeof exampleRepository>['state']) => void) {
  const repository = exampleRepository({ fork: true });
  setup(repository.state);
  const server = new GitHubServer(repository.state);
  servers.push(server);
  const host = await server.listen();
  const workspace = mkdtempSync(join(tmpdir(), 'meshguard-workspace-'));
  const artifact = join(workspace, 'meshguard-report.json');
  writeFileSync(
    artifact,
    serializeReportFile({
      kind: 'meshguard-report',
      version: 1,
      repository: `${OWNER}/${REPO}`,
      pullRequest: 7,
      baseSha: repository.head,
      headSha: repository.head,
      meshChanges: false,
      headFiles: [],
      report: null,
    }),
  );
  const event = workflowRunPayload({ headSha: repository.head, pullRequest: null });
  event['repository'].default_branch = 'main';
  const run = await runAction({
    apiUrl: `http://${host}`,
    workspace,
    eventName: 'workflow_run',
    event,
    repository: `${OWNER}/${REPO}`,
    inputs: { mode: 'publish', 'report-json': artifact },
  });
  return { ...repository, run, artifact };
}

describe('the Action in mode: publish', () => {
  it('reviews the pull request again and posts its failing check, whatever the artifact claims', async () => {
    const { state, run, head, artifact } = await publishRun(() => undefined);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect([...state.checkRuns.values()].map((r) => [r.head_sha, r.conclusion])).toEqual([
      [head, 'failure'],
    ]);
    expect(run.outputs['verdict']).toBe('fail');
    expect(run.outputs['mesh-changes']).toBe('true');
    // The report-json output is what was posted; the artifact is left as it was downloaded.
    const written = run.outputs['report-json'] ?? '';
    expect(written).not.toBe(artifact);
    expect(JSON.parse(readFileSync(written, 'utf8'))).toMatchObject({ meshChanges: true });
    expect(JSON.parse(readFileSync(artifact, 'utf8'))).toMatchObject({ meshChanges: false });
    expect(run.summary).toContain('meshguard');
  });

  it('fails with what to add when the workflow lacks `contents: read`', async () => {
    const { state, run } = await publishRun((s) => s.fail('GET', /\/contents\//, 403));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::meshguard: could not read repository contents: the token lacks `contents: read`; add it under `permissions:` in the workflow (or the job)',
    );
    expect(state.checkRuns.size).toBe(0);
  });
});
