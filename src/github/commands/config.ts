import { DEFAULT_COMMANDS, parseConfig } from '../../analysis/config/index.js';
import type { CommandsConfig, MeshguardConfig } from '../../analysis/config/index.js';
import type { ConfigOverrides } from '../config-loader.js';
import { formatProblem, withOverrides } from '../config-loader.js';
import type { RepoRef } from '../context.js';
import { classify, ConfigError, isNotFound, OPERATIONS } from '../errors.js';
import type { Logger } from '../logger.js';
import type { GitHubClient } from '../octokit.js';
import { bytesOf } from '../sources/rest.js';

export interface CommandConfig {
  readonly config: MeshguardConfig;
  readonly commands: CommandsConfig;
}

/**
 * The configuration for a command, from the repository's default branch: who may run commands
 * must not be something a pull request (from its head) or its base branch can change. `ref`
 * null reads the default branch too (the Contents API's default).
 */
export async function loadCommandConfig(options: {
  readonly octokit: GitHubClient;
  readonly repo: RepoRef;
  readonly logger: Logger;
  readonly ref: string | null;
  readonly overrides: ConfigOverrides;
  readonly today: string;
}): Promise<CommandConfig> {
  const path = options.overrides.configPath;
  let text = '';
  try {
    const response = await options.octokit.rest.repos.getContent({
      ...options.repo,
      path,
      ...(options.ref === null ? {} : { ref: options.ref }),
      mediaType: { format: 'raw' },
    });
    text = Buffer.from(bytesOf(response.data as unknown)).toString('utf8');
  } catch (error) {
    if (!isNotFound(error)) throw classify(error, OPERATIONS.readContents);
    options.logger.info(`no ${path} on the default branch; using the defaults`);
  }
  const parsed = parseConfig(text, path);
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0)
    throw new ConfigError(
      `${path} on the default branch has ${errors.length} error${errors.length === 1 ? '' : 's'}`,
      errors.map(formatProblem),
    );
  const base = parsed.config;
  const config = withOverrides(base, options.overrides, options.today);
  return { config, commands: base.commands ?? DEFAULT_COMMANDS };
}
