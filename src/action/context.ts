import { readFileSync } from 'node:fs';
import type { ReviewContext } from '../github/context.js';
import { ConfigError } from '../github/errors.js';

/** The runner's description of the run, from the variables GitHub Actions sets. */
export function readContext(env: NodeJS.ProcessEnv): ReviewContext {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/');
  if (owner === undefined || repo === undefined || owner === '' || repo === '') {
    throw new ConfigError('GITHUB_REPOSITORY is not set: meshguard runs as a GitHub Action step');
  }
  const eventPath = env['GITHUB_EVENT_PATH'];
  let payload: unknown = {};
  if (eventPath !== undefined && eventPath !== '') {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8'));
    } catch {
      throw new ConfigError(`the event payload at ${eventPath} could not be read`);
    }
  }
  const runId = Number(env['GITHUB_RUN_ID']);
  return {
    eventName: env['GITHUB_EVENT_NAME'] ?? '',
    payload,
    repo: { owner, repo },
    sha: env['GITHUB_SHA'] ?? '',
    serverUrl: (env['GITHUB_SERVER_URL'] ?? 'https://github.com').replace(/\/+$/, ''),
    runId: Number.isSafeInteger(runId) && runId > 0 ? runId : null,
    actor: env['GITHUB_ACTOR'] ?? '',
  };
}
