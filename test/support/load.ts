import { loadMesh } from '../../src/analysis/load/index.js';
import type { LoadOptions, LoadResult } from '../../src/analysis/load/index.js';

/** Loads inline YAML as if it were one file (or several: pass an object of path → text). */
export function load(input: string | Record<string, string>, options?: LoadOptions): LoadResult {
  const files = typeof input === 'string' ? { 'mesh.yaml': input } : input;
  return loadMesh(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    options,
  );
}

/** Diagnostics as compact `CODE file:line:column` strings, for readable expectations. */
export function codesAt(result: LoadResult): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.at.file}:${d.at.line}:${d.at.column}`);
}

/** Strips YAML indentation shared by every line, so tests can indent inline documents. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce(
    (out, part, i) => out + part + (i < values.length ? String(values[i]) : ''),
    '',
  );
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => l.slice(indent)).join('\n');
}
