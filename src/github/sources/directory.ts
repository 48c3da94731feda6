import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import type { PathMatcher } from '../../analysis/config/index.js';
import { ConfigError } from '../errors.js';
import { MAX_FILE_BYTES } from '../../analysis/load/index.js';
import { decodeUtf8, splitRead, tooLarge } from './types.js';
import type { ManifestEntry, ManifestSource, ReadResult } from './types.js';
import { quote } from '../../analysis/findings/quote.js';

/**
 * Two folders of the workspace compared as base and head: for teams that render both sides
 * themselves, and for the self-test on examples/. Globs apply inside each folder, so
 * `base/shop/a.yaml` and `head/shop/a.yaml` are the same file.
 */
export class DirectoryManifestSource implements ManifestSource {
  readonly kind = 'directory';
  private readonly contents = new Map<string, Buffer>();
  /** Manifests listed but not readable (a dangling link), with why. */
  private readonly problems = new Map<string, string>();

  constructor(private readonly workspace: string) {}

  async list(directory: string, matcher: PathMatcher): Promise<readonly ManifestEntry[]> {
    const root = join(this.workspace, directory);
    const entries: ManifestEntry[] = [];
    // Real paths entered or read: a symbolic link back to an ancestor would otherwise be walked
    // until the path is too long, and a second link to a file would define its objects twice.
    const seen = new Set<string>();
    const visit = (relative: string): void => {
      const absolute = relative === '' ? root : join(root, relative);
      for (const name of readdirSync(absolute).sort()) {
        const child = relative === '' ? name : `${relative}/${name}`;
        const stat = statOrNull(join(root, child));
        if (stat === null) {
          // A dangling link: nothing to enter; a manifest by name is reported, never lost.
          if (!matcher.matches(child)) continue;
          const path = `${directory.replace(/\/+$/, '')}/${child}`;
          this.problems.set(path, 'a symbolic link to nothing (no such file or directory)');
          entries.push({ path, key: child, id: 'missing', size: 0 });
          continue;
        }
        if (stat.isDirectory()) {
          if (name !== '.git' && matcher.couldContain(child) && firstVisit(seen, join(root, child)))
            visit(child);
          continue;
        }
        if (!stat.isFile() || !matcher.matches(child)) continue;
        if (!firstVisit(seen, join(root, child))) continue;
        const path = `${directory.replace(/\/+$/, '')}/${child}`;
        const bytes = stat.size > MAX_FILE_BYTES ? null : readFileSync(join(root, child));
        if (bytes !== null) this.contents.set(path, bytes);
        const id =
          bytes === null ? `size:${stat.size}` : createHash('sha256').update(bytes).digest('hex');
        entries.push({ path, key: child, id, size: stat.size });
      }
    };
    if (!isDirectory(root)) {
      // An empty side would report every object as added or removed: a typo must not do that.
      throw new ConfigError(`the directory ${quote(directory)} does not exist in the workspace`);
    }
    firstVisit(seen, root);
    visit('');
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async read(entries: readonly ManifestEntry[]): Promise<ReadResult> {
    return splitRead(
      entries.map((entry) => {
        const problem = this.problems.get(entry.path);
        if (problem !== undefined) return { path: entry.path, reason: problem };
        const bytes = this.contents.get(entry.path);
        return bytes === undefined ? tooLarge(entry.path) : decodeUtf8(entry.path, bytes);
      }),
    );
  }
}

/** Records `path` by its real path; false when the listing already entered or read it. */
function firstVisit(seen: Set<string>, path: string): boolean {
  const real = realpathSync.native(path);
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
