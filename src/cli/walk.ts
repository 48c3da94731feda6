import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { InputFile } from '../analysis/load/index.js';
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
 */
export function readManifestTree(roots: readonly string[], base = process.cwd()): ManifestTree {
  const files: InputFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const display = (path: string) => relative(base, path).split(sep).join('/') || path;
  const visit = (path: string, explicit: boolean): void => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      unreadable.push({ path: display(path), reason: reasonOf(error) });
      return;
    }
    if (isDirectory) {
      let entries: string[];
      try {
        entries = readdirSync(path).sort();
      } catch (error) {
        unreadable.push({ path: display(path), reason: reasonOf(error) });
        return;
      }
      for (const entry of entries) if (!SKIPPED.has(entry)) visit(join(path, entry), false);
      return;
    }
    if (!explicit && !MANIFEST.test(path)) return;
    const text = readText(path);
    if (typeof text === 'string') files.push({ path: display(path), text });
    else unreadable.push({ path: display(path), reason: text.reason });
  };
  for (const root of roots) visit(resolve(base, root), true);
  return { files, unreadable };
}

function readText(path: string): string | { reason: string } {
  try {
    const bytes = readFileSync(path);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text;
  } catch (error) {
    if (error instanceof TypeError) return { reason: 'not valid UTF-8 text' };
    return { reason: reasonOf(error) };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String((error as NodeJS.ErrnoException).code);
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    return code;
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
