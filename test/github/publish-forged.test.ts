import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publish } from '../../src/github/publish.js';
import { serializeReportFile } from '../../src/github/report-file.js';
import { GitHubState } from '../app/support/github-state.js';
import { nockGitHub } from '../app/support/nock-github.js';
import { testClient } from './support/client.js';
import { ACTION_LINE, policy } from './support/manifests.js';
import { contextFor, OWNER, REPO, workflowRunPayload } from './support/payloads.js';
import { INPUTS, NOW } from './support/run-review.js';

/**
 * The audit's reproduction (publish mode trusted the verdict of an artifact a fork wrote), kept
 * as a regression test. A `pull_request` run uses the workflow file of the pull request's merge
 * commit, so a fork can make it upload any well-formed report for the right repository, commit
 * and pull request. The privileged publish run must not turn that into a green check.
 */
describe('publish mode and a forged artifact', () => {
  it('a forged "no mesh changes" artifact still yields the failing check the manifests earn', async () => {
    const state = new GitHubState(OWNER, REPO);
    const base = state.commit({ 'mesh/policy.yaml': policy('allow-frontend', 'ALLOW') }, 'base');
    const head = state.commit({ 'mesh/policy.yaml': policy('allow-frontend', 'ALOW') }, 'head');
    state.branches.set('main', base);
    state.pulls.set(7, { baseSha: base, headSha: head, author: 'mallory', fork: true });
    nockGitHub(state);
    // What a fork pull request's (self-modified) analyze workflow can upload.
    const forged = serializeReportFile({
      kind: 'meshguard-report',
      version: 1,
      repository: `${OWNER}/${REPO}`,
      pullRequest: 7,
      baseSha: head,
      headSha: head,
      meshChanges: false,
      headFiles: [],
      report: null,
    });
    const event = workflowRunPayload({ headSha: head, pullRequest: null });
    event['repository'].default_branch = 'main';
    const { octokit, logger } = testClient();
    const outcome = await publish({
      octokit,
      logger,
      clock: () => NOW,
      inputs: INPUTS,
      workspace: mkdtempSync(join(tmpdir(), 'meshguard-publish-')),
      context: contextFor('workflow_run', event),
      reportText: forged,
    });

    expect(outcome?.verdict).toBe('fail');
    expect(outcome?.reportFile).toMatchObject({ baseSha: base, meshChanges: true });
    const checks = [...state.checkRuns.values()];
    expect(checks).toEqual([
      expect.objectContaining({
        head_sha: head,
        name: 'meshguard',
        status: 'completed',
        conclusion: 'failure',
      }),
    ]);
    expect(checks[0].annotations).toEqual([
      expect.objectContaining({ path: 'mesh/policy.yaml', start_line: ACTION_LINE }),
    ]);
    expect(state.comments.map((c) => c.body)).toEqual([expect.stringContaining('MG011')]);
  });
});
