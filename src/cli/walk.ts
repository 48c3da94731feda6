import { closeSync, openSync, readSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { PathMatcher } from '../analysis/config/index.js';
import type { InputFile } from '../analysis/load/index.js';
import { MAX_FILE_BYTES, TOO_LARGE_REASON } from '../analysis/load/index.js';
import { diagnostic } from '../analysis/model/diagnostic.js';
import type { Diagnostic } from '../analysis/model/diagnostic.js';

/** Directories that never hold manifests and can be huge. */
const SKIPPED = new Set(['.git', 'node_modules', '.terraform', 'vendor']);
const MANIFEST = /\.(ya?ml|json)$/i;

export interface UnreadableFile {
  readonly path: string;
  readonly reason: string;
}

export interface ManifestTree {
  readonly files: readonly InputFile[];
  readonly unreadable: readonly UnreadableFile[];
}

/**
 * Reads every `.yaml`, `.yml` and `.json` file under the given roots. Paths are relative to
 * `base` (the working directory by default) with forward slashes, so reports read the same on
 * every machine. A root may also be a single file.
 *
 * Each directory is entered and each file read once per walk, however it is reached: by a
 * symbolic link back to an ancestor (`ln -s . current`), a second link to the same file, or
 * overlapping roots (`validate mesh mesh/shop`). A second visit holds nothing new, so it is
 * skipped without a word: reporting it would fail the run over a layout kubectl applies
 * happily, and reading it again would report every object as a duplicate of itself, or never
 * end for a link loop.
 *
 * With `select` (the configuration's `paths`, matched against the paths reports use), what it
 * leaves out is neither read nor reported: an excluded binary or huge file must not make the
 * answer partial.
 */
export function readManifestTree(
  roots: readonly string[],
  base = process.cwd(),
  select?: PathMatcher,
): ManifestTree {
  const files: InputFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const seen = new Set<string>();
  const display = (path: string) => relative(base, path).split(sep).join('/') || path;
  const visit = (path: string, explicit: boolean): void => {
    const shown = display(path);
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch (error) {
      // Neither a file nor a directory it could be: a dangling link the paths leave out.
      if (!explicit && select && !select.matches(shown) && !select.couldContain(shown)) return;
      unreadable.push({ path: shown, reason: reasonOf(error) });
      return;
    }
    const isDirectory = stat.isDirectory();
    if (!explicit && !selected(shown, isDirectory, select)) return;
    if (!firstVisit(seen, path)) return;
    if (isDirectory) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        unreadable.push({ path: shown, reason: reasonOf(error) });
        return;
      }
      for (const entry of entries) if (!SKIPPED.has(entry)) visit(join(path, entry), false);
      return;
    }
    const text = readText(path, stat, explicit);
    if (typeof text === 'string') files.push({ path: shown, text });
    else unreadable.push({ path: shown, reason: text.reason });
  };
  for (const root of roots) visit(resolve(base, root), true);
  return { files, unreadable };
}

/** Whether a directory entry (not a root: those are always read) is worth entering or reading. */
function selected(path: string, isDirectory: boolean, select: PathMatcher | undefined): boolean {
  if (isDirectory) return select === undefined || select.couldContain(path);
  return MANIFEST.test(path) && (select === undefined || select.matches(path));
}

/** Records `path` by its real path; false when this walk already entered or read it. */
function firstVisit(seen: Set<string>, path: string): boolean {
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    // stat just succeeded, so this is a race or an odd file system: read it rather than lose it.
    real = path;
  }
  if (seen.has(real)) return false;
  seen.add(real);
  return true;
}

/**
 * The file's text, or why it cannot be had. A FIFO, socket or device met in a directory is
 * refused: reading one blocks forever or never ends (`ln -s /dev/zero z.yaml`). One named on the
 * command line is read, since a pipe is what the user meant (`validate <(helm template chart)`);
 * the size limit still bounds it.
 */
function readText(path: string, stat: Stats, explicit: boolean): string | { reason: string } {
  if (!stat.isFile() && !explicit)
    return { reason: 'not a regular file (a pipe, socket or device)' };
  if (stat.size > MAX_FILE_BYTES) return { reason: TOO_LARGE_REASON };
  let bytes: Uint8Array;
  try {
    bytes = readAtMost(path, MAX_FILE_BYTES + 1);
  } catch (error) {
    return { reason: reasonOf(error) };
  }
  // A file that grew after stat, or a pipe, is only known to be too large once read.
  if (bytes.byteLength > MAX_FILE_BYTES) return { reason: TOO_LARGE_REASON };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/** Up to `limit` bytes of a file, read in chunks so a stream without end cannot exhaust memory. */
function readAtMost(path: string, limit: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  const fd = openSync(path, 'r');
  try {
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks, total);
}

/** Plain words for a file system error; never a bare code such as `ELOOP`. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String((error as NodeJS.ErrnoException).code);
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'ELOOP') return 'symbolic link loop: the link never reaches a file';
    // Node's message is `CODE: description, syscall 'absolute path'`: keep the description.
    const description = /^[A-Z0-9_]+: ([^,]+)/.exec(error.message)?.[1];
    return description ?? code;
  }
  return error instanceof Error ? error.message : String(error);
}

/** An MG005 diagnostic per file that could not be read: the answer is partial (exit 2). */
export function unreadableDiagnostics(tree: ManifestTree): Diagnostic[] {
  return tree.unreadable.map((file) =>
    diagnostic(
      'MG005',
      { file: file.path, documentIndex: 0, line: 1, column: 1 },
      { detail: file.reason },
    ),
  );
}
