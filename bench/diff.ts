// Diff benchmark: a generated mesh and a head that edits 1% of its AuthorizationPolicies, diffed
// end to end (parse both sides, evaluate, diff, findings), at several sizes, in one run.
// Run: node --expose-gc --import tsx bench/diff.ts   (BENCH_SIZES=1000,10000 to choose sizes)
import { analyzeChange } from '../src/analysis/index.js';
import { generateMesh, mutate } from './generate-mesh.js';

const sizes = (process.env.BENCH_SIZES ?? '1000,2000,5000,10000').split(',').map(Number);
const gc = (globalThis as { gc?: () => void }).gc;

interface Row {
  workloads: number;
  policies: number;
  megabytes: number;
  ms: number;
  peakMb: number;
  edges: number;
  findings: number;
}

function measure(workloads: number): Row {
  const base = generateMesh({ workloads, authorizationPolicies: workloads / 2, seed: 7 });
  const head = mutate(base, 0.01, 11);
  const bytes = base.reduce((n, f) => n + f.text.length, 0);
  gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  const report = analyzeChange({ base, head });
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    workloads,
    policies: workloads / 2,
    megabytes: bytes / 1e6,
    ms,
    peakMb: peak / 1e6,
    edges: report.edges.reduce((n, e) => n + e.callers, 0),
    findings: report.findings.length,
  };
}

// Warm the JIT on a small mesh so the first measured size is not penalised.
measure(200);
const rows = sizes.map(measure);
console.log('diff: base vs head with 1% of AuthorizationPolicies edited, end to end');
console.log(
  'workloads  policies  MB/side  time ms  ms per 1k wl  peak RSS MB  changed edges  findings',
);
for (const r of rows) {
  console.log(
    `${String(r.workloads).padStart(9)}  ${String(r.policies).padStart(8)}  ${r.megabytes.toFixed(1).padStart(7)}  ${r.ms.toFixed(0).padStart(7)}  ${(r.ms / (r.workloads / 1000)).toFixed(0).padStart(12)}  ${r.peakMb.toFixed(0).padStart(11)}  ${String(r.edges).padStart(13)}  ${String(r.findings).padStart(8)}`,
  );
}
const first = rows[0];
const last = rows[rows.length - 1];
if (first && last && last !== first) {
  const growth = last.ms / first.ms;
  const scale = last.workloads / first.workloads;
  console.log(
    `time grew ${growth.toFixed(1)}x for ${scale}x workloads (linear would be ${scale}x, quadratic ${scale * scale}x)`,
  );
}
