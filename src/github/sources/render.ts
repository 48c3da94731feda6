import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RenderCommand } from '../../analysis/config/index.js';
import type { GitRepository } from './git.js';
import { splitRead } from './types.js';
import type { ReadResult, UnreadableFile } from './types.js';
import type { InputFile } from '../../analysis/index.js';
import { quote } from '../../analysis/findings/quote.js';

const MAX_RENDER_OUTPUT_BYTES = 64 * 1024 * 1024;

/**
 * Environment passed to render commands: what kustomize and helm need, and nothing that could
 * authenticate (the workflow token arrives as `INPUT_GITHUB-TOKEN`; runtime tokens as
 * `ACTIONS_*`). The commands read the pull request's files, so they are treated as untrusted.
 */
const ALLOWED_ENV =
  /^(PATH|HOME|USER|LANG|LC_[A-Z]+|TMPDIR|TMP|TEMP|XDG_[A-Z_]+|HELM_[A-Z_]+|KUSTOMIZE_[A-Z_]+|SystemRoot)$/;

export function renderEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => ALLOWED_ENV.test(key)));
}

/** Where a command's output appears in reports. */
export function renderedPath(command: RenderCommand): string {
  return `rendered/${command.name}.yaml`;
}

/** Runs each command in `directory`; its standard output is one manifest stream. */
export async function renderManifests(
  commands: readonly RenderCommand[],
  directory: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ReadResult> {
  const results: (InputFile | UnreadableFile)[] = [];
  for (const command of commands) results.push(await runOne(command, directory, env));
  return splitRead(results);
}

/** Checks `sha` out into a temporary worktree for `task`, then removes it. */
export async function withWorktree<T>(
  repository: GitRepository,
  sha: string,
  task: (directory: string) => Promise<T>,
): Promise<T> {
  const directory = mkdtempSync(join(tmpdir(), 'meshguard-render-'));
  await repository.run(['worktree', 'add', '--detach', '--force', directory, sha]);
  try {
    return await task(directory);
  } finally {
    await repository.run(['worktree', 'remove', '--force', directory]).catch(() => undefined);
    rmSync(directory, { recursive: true, force: true });
  }
}

function runOne(
  command: RenderCommand,
  directory: string,
  env: NodeJS.ProcessEnv,
): Promise<InputFile | UnreadableFile> {
  const path = renderedPath(command);
  const [program, ...args] = command.argv;
  const shown = quote(command.argv.join(' '));
  return new Promise((resolve) => {
    const child = spawn(program ?? '', args, {
      cwd: directory,
      env: renderEnvironment(env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: command.timeoutSeconds * 1000,
      shell: false,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let overflow = false;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RENDER_OUTPUT_BYTES) {
        overflow = true;
        child.kill();
      } else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) =>
      resolve({ path, reason: `${shown} could not start: ${error.message}` }),
    );
    child.on('close', (code, signal) => {
      if (overflow) resolve({ path, reason: `${shown} printed more than 64 MiB` });
      else if (code === 0) resolve({ path, text: Buffer.concat(chunks).toString('utf8') });
      else {
        const why =
          signal === 'SIGTERM'
            ? `timed out after ${command.timeoutSeconds}s`
            : `exited with ${code ?? signal}`;
        const detail = stderr.trim().split('\n')[0]?.slice(0, 300) ?? '';
        resolve({ path, reason: `${shown} ${why}${detail === '' ? '' : `: ${detail}`}` });
      }
    });
  });
}
