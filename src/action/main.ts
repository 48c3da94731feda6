import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import * as core from '@actions/core';
import { ApiError, ConfigError, MissingPermissionError } from '../github/errors.js';
import { fitMarkdown, JOB_SUMMARY_BUDGET } from '../github/fit.js';
import type { Logger } from '../github/logger.js';
import { handleComment } from '../github/commands/handle.js';
import type { CommandOutcome } from '../github/commands/handle.js';
import { createClient } from '../github/octokit.js';
import { publish } from '../github/publish.js';
import {
  ArtifactError,
  MAX_REPORT_FILE_BYTES,
  serializeReportFile,
} from '../github/report-file.js';
import { review } from '../github/review.js';
import type { ReviewOutcome } from '../github/review.js';
import { GitError } from '../github/sources/git.js';
import { readContext } from './context.js';
import { parseInputs } from './inputs.js';
import type { ActionInputs } from './inputs.js';

/**
 * The Action's steps:
 * 1. read the inputs;
 * 2. build the octokit, the run's context and the clock;
 * 3. review the pull request, or publish a report another run computed, or (on `issue_comment`)
 *    answer a `/mesh` command;
 * 4. write the JSON report file and the job summary;
 * 5. set the outputs;
 * 6. exit: failed when the verdict fails (review mode) or GitHub refused a write.
 * Nothing here decides anything; src/github does.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const logger = actionsLogger();
    const context = readContext(env);
    const octokit = createClient({ token: inputs.githubToken, logger, ...apiUrl(env) });
    const clock = () => new Date();
    const workspace = env['GITHUB_WORKSPACE'] || process.cwd();
    if (context.eventName === 'issue_comment') {
      const command = await handleComment({
        octokit,
        context,
        clock,
        logger,
        inputs: { ...inputs, writes: true },
        workspace,
        limiter: null,
      });
      reportCommand(command);
      return;
    }
    const outcome =
      inputs.mode === 'publish'
        ? await publish({
            octokit,
            context,
            clock,
            logger,
            inputs,
            workspace,
            reportText: readReportFile(inputs, workspace),
          })
        : await review({
            octokit,
            context,
            clock,
            logger,
            inputs: { ...inputs, writes: inputs.mode === 'review' },
            workspace,
          });
    if (outcome === null) {
      core.info('meshguard: nothing published for this run');
      return;
    }
    const reportPath = writeReportFile(outcome, inputs, env, workspace);
    await writeJobSummary(outcome.markdown);
    setOutputs(outcome, reportPath);
    exitWith(outcome, inputs);
  } catch (error) {
    await fail(error);
  }
}

function actionsLogger(): Logger {
  return {
    debug: core.debug,
    info: core.info,
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
  };
}

function apiUrl(env: NodeJS.ProcessEnv): { baseUrl?: string } {
  const url = env['GITHUB_API_URL'];
  return url === undefined || url === '' ? {} : { baseUrl: url.replace(/\/+$/, '') };
}

function readReportFile(inputs: ActionInputs, workspace: string): string {
  const path = resolvePath(inputs.reportJson ?? '', workspace);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new ConfigError(`the report file ${path} does not exist: did the artifact download?`);
  }
  if (size > MAX_REPORT_FILE_BYTES)
    throw new ArtifactError(`the report file is larger than ${MAX_REPORT_FILE_BYTES} bytes`);
  return readFileSync(path, 'utf8');
}

function writeReportFile(
  outcome: ReviewOutcome,
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
  workspace: string,
): string {
  // Publish mode reads `report-json` (the artifact) and writes what it posted, computed again
  // unless `render` is configured, to the default place, so `report-json` is what was posted.
  const path =
    inputs.reportJson === null || inputs.mode === 'publish'
      ? join(env['RUNNER_TEMP'] || tmpdir(), 'meshguard-report.json')
      : resolvePath(inputs.reportJson, workspace);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeReportFile(outcome.reportFile));
  return path;
}

async function writeJobSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) return;
  const fitted = fitMarkdown(
    markdown,
    JOB_SUMMARY_BUDGET,
    '> [!NOTE]\n> The report is cut here to fit the job summary; the report-json file has all of it.',
  );
  await core.summary.addRaw(fitted.text).write();
}

function setOutputs(outcome: ReviewOutcome, reportPath: string): void {
  const report = outcome.reportFile.report;
  const where = [outcome.publication.checkRunUrl, outcome.publication.commentUrl].filter(
    (u) => u !== null,
  );
  core.info(
    `meshguard: ${report === null ? 'no mesh changes' : `${outcome.verdict}, ${report.findings.length} findings`}; report: ${reportPath}${where.length > 0 ? `; ${where.join(', ')}` : ''}`,
  );
  core.setOutput('verdict', outcome.verdict);
  core.setOutput('findings', String(report?.findings.length ?? 0));
  core.setOutput('added-edges', String(report?.summary.edges.added ?? 0));
  core.setOutput('removed-edges', String(report?.summary.edges.removed ?? 0));
  core.setOutput('mesh-changes', String(outcome.reportFile.meshChanges));
  core.setOutput('report-json', reportPath);
  core.setOutput('check-run-url', outcome.publication.checkRunUrl ?? '');
  core.setOutput('comment-url', outcome.publication.commentUrl ?? '');
}

function exitWith(outcome: ReviewOutcome, inputs: ActionInputs): void {
  const problems = outcome.publication.errors.map((e) => e.message);
  const report = outcome.reportFile.report;
  // In publish mode the check run is the gate (the pull_request run's own status is the fork's
  // to change); this run fails only when it could not post.
  if (inputs.mode !== 'publish' && outcome.verdict === 'fail' && report !== null) {
    const { error, warning } = report.summary.findings;
    problems.unshift(
      `the change fails the \`${report.failOn}\` threshold (${error} errors, ${warning} warnings); see the job summary`,
    );
  }
  if (problems.length > 0) core.setFailed(`meshguard: ${problems.join('; ')}`);
}

/**
 * A command that was refused or asked wrongly was still handled (the reply says why); the job
 * fails only when meshguard could not do its part (configuration, API or permission errors).
 */
function reportCommand(outcome: CommandOutcome): void {
  if (outcome.kind === 'ignored') {
    core.info(`meshguard: comment ignored: ${outcome.reason}`);
    return;
  }
  core.info(
    `meshguard: /mesh command ${outcome.result}${outcome.replyUrl === null ? '' : `; reply: ${outcome.replyUrl}`}`,
  );
  if (outcome.error !== null) core.setFailed(`meshguard: ${outcome.error}`);
}

async function fail(error: unknown): Promise<void> {
  const known =
    error instanceof ConfigError ||
    error instanceof ArtifactError ||
    error instanceof ApiError ||
    error instanceof MissingPermissionError ||
    error instanceof GitError;
  if (error instanceof ConfigError) for (const line of error.details) core.error(line);
  const message = known
    ? error.message
    : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  if (process.env['GITHUB_STEP_SUMMARY']) {
    await core.summary
      .addRaw(`**meshguard could not run**: ${message.split('\n')[0] ?? ''}\n`)
      .write()
      .catch(() => undefined);
  }
  core.setFailed(`meshguard: ${message}`);
}

function resolvePath(path: string, workspace: string): string {
  return isAbsolute(path) ? path : join(workspace, path);
}
