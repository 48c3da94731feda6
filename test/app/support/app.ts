import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Probot } from 'probot';
import { meshguardApp } from '../../../src/app/app.js';
import { EnterpriseProbotOctokit } from '../../../src/app/probot-octokit.js';
import { CommandRateLimiter } from '../../../src/github/commands/rate-limit.js';
import { GitHubState } from './github-state.js';
import { APP_ID, OWNER, REPO } from './payloads.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A throwaway App key: Probot signs its JWT with it (the fakes never check it). */
export const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' })
  .toString();

/** The fixed clock every App test passes. */
export const NOW = new Date('2026-03-14T09:26:53Z');

/**
 * Probot as in production, minus the parts that wait: Probot's own retry and throttling are off
 * (Probot's testing guide), and so are our client's (global fetch, so nock sees requests).
 */
export async function testProbot(
  options: { clock?: () => Date; limiter?: CommandRateLimiter; baseUrl?: string } = {},
) {
  const clock = options.clock ?? (() => NOW);
  const probot = new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    logLevel: 'fatal',
    logFormat: 'json',
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
    Octokit: EnterpriseProbotOctokit.defaults({
      retry: { enabled: false },
      throttle: { enabled: false },
    }),
  });
  await probot.load(
    meshguardApp({
      appId: APP_ID,
      clock,
      limiter: options.limiter ?? new CommandRateLimiter(clock),
      client: { fetch: globalThis.fetch, throttle: false, retryAfterBaseValue: 0 },
    }),
  );
  return probot;
}

export async function deliver(
  probot: Probot,
  name: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await probot.receive({ id: randomUUID(), name, payload } as Parameters<Probot['receive']>[0]);
}

/** Every file under a directory, keyed by its path relative to it. */
export function filesOf(directory: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) visit(full);
      else out[relative(directory, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  visit(directory);
  return out;
}

/**
 * The example mesh as a repository: `main` at the base commit (examples/base), pull request #7
 * to the head commit (examples/head) by `alice`, who has `read`; `maintainer` has `maintain`.
 */
export function exampleRepository(
  options: { config?: string; fork?: boolean; draft?: boolean } = {},
) {
  const state = new GitHubState(OWNER, REPO);
  const config: Record<string, string> =
    options.config === undefined ? {} : { '.github/meshguard.yml': options.config };
  const base = state.commit({ ...filesOf(join(ROOT, 'examples', 'base')), ...config }, 'base');
  const head = state.commit({ ...filesOf(join(ROOT, 'examples', 'head')), ...config }, 'head');
  state.branches.set('main', base);
  state.pulls.set(7, {
    baseSha: base,
    headSha: head,
    author: 'alice',
    ...(options.fork === undefined ? {} : { fork: options.fork }),
    ...(options.draft === undefined ? {} : { draft: options.draft }),
  });
  state.permissions.set('alice', { permission: 'read', role_name: 'read' });
  state.permissions.set('maintainer', { permission: 'write', role_name: 'maintain' });
  state.permissions.set('triager', { permission: 'read', role_name: 'triage' });
  return { state, base, head };
}
