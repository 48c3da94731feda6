import { join } from 'node:path';
import { explainSideOf } from '../../src/analysis/explain/index.js';
import type { EdgeQuery, ExplainSide } from '../../src/analysis/explain/index.js';
import { readManifestTree } from '../../src/cli/walk.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** `examples/base` or `examples/head`, read as the CLI reads them (paths relative to the repo). */
export function exampleSide(name: 'base' | 'head'): ExplainSide {
  return explainSideOf(readManifestTree([join('examples', name)], ROOT).files);
}

/** Inline manifests, one file per entry. */
export function sideOf(files: Readonly<Record<string, string>>): ExplainSide {
  return explainSideOf(Object.entries(files).map(([path, text]) => ({ path, text })));
}

export function query(
  from: string,
  to: string,
  options: Partial<Pick<EdgeQuery, 'port' | 'method' | 'path'>> = {},
): EdgeQuery {
  return { from, to, port: null, method: null, path: null, ...options };
}
