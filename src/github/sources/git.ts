import { spawn } from 'node:child_process';
import type { PathMatcher } from '../../analysis/config/index.js';
import { MAX_FILE_BYTES } from '../../analysis/load/index.js';
import { decodeUtf8, splitRead, tooLarge } from './types.js';
import type { ManifestEntry, ManifestSource, ReadResult } from './types.js';

/** Output larger than this from one git command is an error, not a memory problem. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

export class GitError extends Error {
  override readonly name = 'GitError';
}

/**
 * The local clone, read with plumbing commands only: `ls-tree` and `cat-file --batch` on commit
 * SHAs, so the working tree (which may hold the PR's merge commit) is never switched.
 */
export class GitRepository {
  constructor(readonly directory: string) {}

  async run(args: readonly string[], input?: string): Promise<Buffer> {
    // safe.directory: on runners the workspace may belong to another user (container jobs),
    // and git then refuses to read it; the Action owns this checkout.
    const argv = ['-c', `safe.directory=${this.directory}`, '-C', this.directory, ...args];
    return new Promise((resolve, reject) => {
      const child = spawn('git', argv, {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_OUTPUT_BYTES) child.kill();
        else chunks.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.on('error', (error) => reject(new GitError(`git could not start: ${error.message}`)));
      child.on('close', (code) => {
        if (code === 0) resolve(Buffer.concat(chunks));
        else
          reject(
            new GitError(`git ${args[0] ?? ''} failed: ${firstLine(stderr) || `exit ${code}`}`),
          );
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(input ?? '');
    });
  }

  async isRepository(): Promise<boolean> {
    try {
      await this.run(['rev-parse', '--git-dir']);
      return true;
    } catch {
      return false;
    }
  }

  async hasCommit(sha: string): Promise<boolean> {
    try {
      await this.run(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  /** Fetches commits by SHA (GitHub serves any reachable SHA); only when the user asked. */
  async fetch(shas: readonly string[]): Promise<void> {
    await this.run([
      'fetch',
      '--no-tags',
      '--no-recurse-submodules',
      '--depth=1',
      'origin',
      ...shas,
    ]);
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    try {
      return (await this.run(['merge-base', a, b])).toString('utf8').trim() || null;
    } catch {
      return null;
    }
  }

  /** Every blob of a commit's tree, with sizes, without checking anything out. */
  async listTree(sha: string): Promise<{ path: string; id: string; size: number }[]> {
    const out = (await this.run(['ls-tree', '-r', '-z', '--long', '--full-tree', sha])).toString(
      'utf8',
    );
    const entries: { path: string; id: string; size: number }[] = [];
    for (const record of out.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode, type, id, size] = record.slice(0, tab).split(/ +/);
      // Regular files only: symlinks (120000) could point outside the tree, submodules are
      // other repositories.
      if (type !== 'blob' || (mode !== '100644' && mode !== '100755') || id === undefined) continue;
      entries.push({ path: record.slice(tab + 1), id, size: Number(size) });
    }
    return entries;
  }

  /** Blob contents by id, in one `cat-file --batch` process. */
  async readBlobs(ids: readonly string[]): Promise<Map<string, Buffer>> {
    const unique = [...new Set(ids)];
    const out = await this.run(['cat-file', '--batch'], unique.map((id) => `${id}\n`).join(''));
    const blobs = new Map<string, Buffer>();
    let offset = 0;
    while (offset < out.length) {
      const newline = out.indexOf(0x0a, offset);
      if (newline < 0) break;
      const header = out.subarray(offset, newline).toString('utf8').split(' ');
      offset = newline + 1;
      if (header[1] === 'missing' || header.length < 3) continue;
      const size = Number(header[2]);
      blobs.set(header[0] ?? '', out.subarray(offset, offset + size));
      offset += size + 1;
    }
    return blobs;
  }

  /** One file of a commit, or null when the commit has no such file. */
  async readFile(sha: string, path: string): Promise<Buffer | null> {
    try {
      return await this.run(['cat-file', 'blob', `${sha}:${path}`]);
    } catch {
      return null;
    }
  }
}

export class GitManifestSource implements ManifestSource {
  readonly kind = 'git';

  constructor(private readonly repository: GitRepository) {}

  async list(ref: string, matcher: PathMatcher): Promise<readonly ManifestEntry[]> {
    const tree = await this.repository.listTree(ref);
    return tree
      .filter((entry) => matcher.matches(entry.path))
      .map((entry) => ({ path: entry.path, key: entry.path, id: entry.id, size: entry.size }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(entries: readonly ManifestEntry[]): Promise<ReadResult> {
    const small = entries.filter((entry) => (entry.size ?? 0) <= MAX_FILE_BYTES);
    const blobs = await this.repository.readBlobs(small.map((entry) => entry.id));
    return splitRead(
      entries.map((entry) => {
        const bytes = blobs.get(entry.id);
        if ((entry.size ?? 0) > MAX_FILE_BYTES) return tooLarge(entry.path);
        return bytes === undefined
          ? { path: entry.path, reason: 'missing from the git object store' }
          : decodeUtf8(entry.path, bytes);
      }),
    );
  }
}

function firstLine(text: string): string {
  return (text.trim().split('\n')[0] ?? '').trim();
}
