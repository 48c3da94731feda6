import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../analysis/config/index.js';
import type {
  CommentPolicy,
  ConfigProblem,
  FailOn,
  MeshguardConfig,
} from '../analysis/config/index.js';
import type { Comparison } from './comparison.js';
import type { RepoRef } from './context.js';
import { classify, ConfigError, isNotFound, OPERATIONS } from './errors.js';
import type { Logger } from './logger.js';
import type { GitHubClient } from './octokit.js';
import { bytesOf } from './sources/rest.js';
import { quote } from '../analysis/findings/quote.js';

/** Settings the Action's inputs (or the App's defaults) put above the configuration file. */
export interface ConfigOverrides {
  readonly configPath: string;
  readonly paths: readonly string[] | null;
  readonly failOn: FailOn | null;
  readonly comment: CommentPolicy | null;
}

export interface LoadedConfig {
  readonly config: MeshguardConfig;
  readonly comment: CommentPolicy;
  /** Footer notes, e.g. that the PR changes the configuration. */
  readonly notes: readonly string[];
}

interface ConfigReadOptions {
  readonly comparison: Comparison;
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly workspace: string;
  readonly logger: Logger;
  readonly overrides: ConfigOverrides;
  /** Today's date for ignore expiry, from the injected clock. */
  readonly today: string;
}

/**
 * Reads the configuration from the base branch's commit, not from the pull request: a PR must
 * not be able to relax the gate it is judged by, nor choose the `render` commands run on it. A
 * change to the file takes effect once merged; the comment says so.
 */
export async function loadConfig(options: ConfigReadOptions): Promise<LoadedConfig> {
  const { comparison, overrides, logger } = options;
  const path = overrides.configPath;
  const text = await readConfigText(options, comparison.configRef);
  if (text === null) {
    const where = comparison.configRef === null ? 'in the workspace' : 'on the base branch';
    logger.info(`no ${path} ${where}; using the defaults`);
  }
  const parsed = text === null ? parseConfig('', path) : parseConfig(text, path);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  for (const problem of parsed.problems.filter((p) => p.severity === 'warning')) {
    logger.warning(formatProblem(problem));
  }
  if (errors.length > 0) {
    throw new ConfigError(
      `${path} has ${errors.length} error${errors.length === 1 ? '' : 's'}`,
      errors.map(formatProblem),
    );
  }
  const notes: string[] = [];
  if (comparison.configRef !== null) {
    const headText = await readConfigText(options, comparison.headRef);
    if (headText !== null && headText !== text) {
      notes.push(
        `this pull request changes ${quote(path)}; meshguard uses the base branch's version until it is merged`,
      );
      const headProblems = parseConfig(headText, path).problems;
      for (const problem of headProblems)
        logger.warning(`in this pull request's ${formatProblem(problem)}`);
    }
  }
  const base = parsed.config;
  const config = withOverrides(base, overrides, options.today);
  return { config, comment: overrides.comment ?? base.comment ?? 'on-change', notes };
}

/** The Action's inputs beat the file; the adapter's clock gives `today` for ignore expiry. */
export function withOverrides(
  base: MeshguardConfig,
  overrides: ConfigOverrides,
  today: string,
): MeshguardConfig {
  return {
    ...base,
    paths: overrides.paths ?? base.paths,
    analyze: {
      ...base.analyze,
      ...(overrides.failOn === null ? {} : { failOn: overrides.failOn }),
      today,
    },
  };
}

export function formatProblem(problem: ConfigProblem): string {
  const field = problem.field === '' ? '' : ` ${problem.field}:`;
  return `${problem.file}:${problem.line}:${problem.column}:${field} ${problem.message}`;
}

async function readConfigText(
  options: ConfigReadOptions,
  ref: string | null,
): Promise<string | null> {
  const path = options.overrides.configPath;
  if (ref === null) {
    try {
      return readFileSync(join(options.workspace, path), 'utf8');
    } catch {
      return null;
    }
  }
  const git = options.comparison.git;
  if (git !== null) {
    const bytes = await git.readFile(ref, path);
    return bytes === null ? null : bytes.toString('utf8');
  }
  try {
    const response = await options.octokit.rest.repos.getContent({
      ...options.repo,
      path,
      ref,
      mediaType: { format: 'raw' },
    });
    return Buffer.from(bytesOf(response.data as unknown)).toString('utf8');
  } catch (error) {
    if (isNotFound(error)) return null;
    throw classify(error, OPERATIONS.readContents);
  }
}
