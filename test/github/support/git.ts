import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type Tree = Readonly<Record<string, string | Uint8Array | null>>;

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'meshguard test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'meshguard test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function git(directory: string, ...args: string[]): string {
  return execFileSync('git', ['-C', directory, ...args], { env: ENV, encoding: 'utf8' }).trim();
}

/** Writes files (null deletes one) and commits them; returns the commit SHA. */
export function commit(directory: string, files: Tree, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    const absolute = join(directory, path);
    if (text === null) rmSync(absolute, { force: true });
    else {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
  }
  git(directory, 'add', '-A');
  git(directory, 'commit', '--allow-empty', '-q', '-m', message);
  return git(directory, 'rev-parse', 'HEAD');
}

/**
 * A repository with a base commit on `main` and a head commit on `feature` branched from it.
 * The working tree is left on `main`: meshguard must read the head without checking it out.
 */
export function repository(
  base: Tree,
  head: Tree,
): { dir: string; baseSha: string; headSha: string } {
  const dir = mkdtempSync(join(tmpdir(), 'meshguard-repo-'));
  git(dir, 'init', '-q', '-b', 'main');
  const baseSha = commit(dir, base, 'base');
  git(dir, 'checkout', '-q', '-b', 'feature');
  const headSha = commit(dir, head, 'head');
  git(dir, 'checkout', '-q', 'main');
  return { dir, baseSha, headSha };
}
