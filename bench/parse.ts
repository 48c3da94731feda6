/**
 * Parsing benchmark: `npx tsx --expose-gc bench/parse.ts` (without `--expose-gc` the retained
 * memory column is left empty). Generates a 2,000- and a 10,000-workload mesh and two ~5 MB
 * `kubectl get pods -o json` dumps, then reports MB, ms and MB/s for:
 *   - parseAllDocuments: `yaml.parseAllDocuments` on each file (what a naive loader does);
 *   - reference/chunk:   `splitDocuments` + `parseWithYaml` on each chunk;
 *   - fast/chunk:        `splitDocuments` + `parseYamlDocument` (fast path, reference fallback);
 *   - fast/chunk, streamed: the same, dropping each tree at once (parse, narrow, discard);
 * with the speed-up over parseAllDocuments, the share of documents the fast path accepted, and
 * the heap retained by the parsed trees. Young-generation size matters a lot for the kept
 * trees: compare with `npx tsx --expose-gc --max-semi-space-size=64 bench/parse.ts`.
 */
import { parseAllDocuments } from 'yaml';
import {
  parseWithYaml,
  parseYamlDocument,
  splitDocuments,
} from '../src/analysis/load/yaml/index.js';
import { fastParse } from '../src/analysis/load/yaml/fast-parse.js';
import type { ParsedDocument } from '../src/analysis/load/yaml/types.js';
import { generateMesh } from './generate-mesh.js';
import type { MeshFile } from './generate-mesh.js';
import { generatePodListJson } from './generate-pods-json.js';

const gc = (globalThis as { gc?: () => void }).gc;

interface Row {
  readonly input: string;
  readonly method: string;
  readonly mb: number;
  readonly ms: number;
  readonly accepted?: string;
  readonly retainedMb?: number;
}

type Parse = (text: string) => unknown;

/** Where parsed trees are kept while they are measured, so that nothing can optimize them away. */
const sink: { trees: unknown } = { trees: null };

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Fastest of `runs` passes over all files. With `keep`, every tree stays alive until the pass
 * ends (as when a loader holds all documents), which adds the cost of promoting them to the old
 * generation; without it each tree is dropped at once (as when each document is narrowed and
 * discarded), which is what young-generation collection is cheap for.
 */
function time(files: readonly MeshFile[], parse: Parse, runs: number, keep: boolean): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    sink.trees = null;
    heapUsed();
    const kept: unknown[] = [];
    const t0 = performance.now();
    for (const file of files) {
      const result = parse(file.text);
      if (keep) kept.push(result);
    }
    best = Math.min(best, performance.now() - t0);
    sink.trees = kept;
  }
  sink.trees = null;
  return best;
}

/** Heap held by the trees of one pass over all files (needs --expose-gc). */
function retained(files: readonly MeshFile[], parse: Parse): number | undefined {
  if (!gc) return undefined;
  sink.trees = null;
  const before = heapUsed();
  sink.trees = files.map((file) => parse(file.text));
  const after = heapUsed();
  sink.trees = null;
  return (after - before) / 1e6;
}

const byChunk =
  (parse: (text: string) => ParsedDocument) =>
  (text: string): ParsedDocument[] =>
    (splitDocuments(text) ?? []).map((chunk) => parse(chunk.text));

function acceptance(files: readonly MeshFile[]): string {
  let total = 0;
  let accepted = 0;
  for (const file of files) {
    for (const chunk of splitDocuments(file.text) ?? []) {
      total++;
      if (fastParse(chunk.text) !== null) accepted++;
    }
  }
  return `${((100 * accepted) / total).toFixed(1)}% of ${total}`;
}

function bench(input: string, files: readonly MeshFile[], slowRuns: number): Row[] {
  const mb = files.reduce((sum, f) => sum + f.text.length, 0) / 1e6;
  const parseAll: Parse = (text) => parseAllDocuments(text, { version: '1.2' });
  const reference = byChunk(parseWithYaml);
  const fast = byChunk(parseYamlDocument);
  const row = (method: string, parse: Parse, runs: number, keep: boolean): Row => ({
    input,
    method,
    mb,
    ms: time(files, parse, runs, keep),
    retainedMb: keep ? retained(files, parse) : undefined,
  });
  return [
    row('parseAllDocuments', parseAll, slowRuns, true),
    row('reference/chunk', reference, slowRuns, true),
    { ...row('fast/chunk', fast, 5, true), accepted: acceptance(files) },
    row('fast/chunk, streamed', fast, 5, false),
  ];
}

function print(rows: readonly Row[]): void {
  const header = [
    'input',
    'method',
    'MB',
    'ms',
    'MB/s',
    'vs parseAll',
    'fast-path share',
    'retained MB',
  ];
  const baseline = new Map<string, number>();
  for (const r of rows) if (r.method === 'parseAllDocuments') baseline.set(r.input, r.ms);
  const lines = rows.map((r) => [
    r.input,
    r.method,
    r.mb.toFixed(1),
    r.ms.toFixed(0),
    (r.mb / (r.ms / 1000)).toFixed(1),
    `${((baseline.get(r.input) ?? r.ms) / r.ms).toFixed(1)}x`,
    r.accepted ?? '',
    r.retainedMb === undefined ? '' : r.retainedMb.toFixed(0),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const cells = (values: readonly string[]): string =>
    '| ' +
    values
      .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join(' | ') +
    ' |';
  console.log(cells(header));
  console.log('|' + widths.map((w, i) => '-'.repeat(w + 1) + (i < 2 ? '-' : ':')).join('|') + '|');
  for (const l of lines) console.log(cells(l));
}

function main(): void {
  if (!gc) console.log('(run with --expose-gc for the retained-memory column)');
  // Warm the JIT on a small mesh so that the first measured case is not penalized.
  bench('warm-up', generateMesh({ workloads: 300, seed: 99 }), 1);
  const rows: Row[] = [];
  for (const workloads of [2_000, 10_000]) {
    const files = generateMesh({ workloads, seed: 42 });
    rows.push(...bench(`mesh ${workloads}`, files, workloads > 5000 ? 1 : 2));
  }
  // About 5 MB each: kubectl indents by 4; the one-line form packs more pods into 5 MB.
  for (const [label, indent, pods] of [
    ['pods json, indented', 4, 600],
    ['pods json, one line', 0, 1_500],
  ] as const) {
    const text = generatePodListJson({ pods, seed: 7, indent });
    rows.push(...bench(label, [{ path: 'pods.json', text }], 2));
  }
  print(rows);
}

main();
