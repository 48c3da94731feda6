// Authorization benchmark: the whole access graph of a generated mesh, evaluated by equivalence
// classes (never caller × workload pairs). Run: `npx tsx bench/authz.ts` (add `--expose-gc` via
// `node --expose-gc --import tsx bench/authz.ts` for steadier heap numbers). Reports; asserts nothing.
import { evaluateGraph } from '../src/analysis/authz/index.js';
import { loadMesh } from '../src/analysis/load/index.js';
import { buildTopology } from '../src/analysis/topology/index.js';

/** Deterministic LCG, so every run generates the same mesh. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Generated {
  readonly text: string;
  readonly policies: number;
}

/**
 * `workloads` Deployments with Services over `workloads / 50` namespaces, and half as many
 * AuthorizationPolicies: a mesh-wide allow-nothing, one namespace-wide ALLOW per namespace for
 * its own namespace, per-workload ALLOWs by principals + methods + paths, DENYs on admin paths,
 * some by namespace pattern, and a few with `when` conditions.
 */
function generate(workloads: number, seed = 1): Generated {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const namespaces = Math.max(1, Math.floor(workloads / 50));
  const docs: string[] = [];
  const ns = (i: number) => `ns-${i % namespaces}`;
  for (let i = 0; i < workloads; i++) {
    const tcp = i % 10 === 0;
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ${ns(i)}}
spec:
  template:
    metadata: {labels: {app: app-${i}, tier: t${i % 3}}}
    spec:
      serviceAccountName: app-${i}
      containers: [{name: main, ports: [{containerPort: ${tcp ? 5432 : 8080}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: ${ns(i)}}
spec:
  selector: {app: app-${i}}
  ports: [{name: ${tcp ? 'tcp-db' : 'http'}, port: ${tcp ? 5432 : 8080}}]`);
  }
  const target = Math.floor(workloads / 2);
  const policies: string[] = [
    `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: istio-system}
spec: {}`,
  ];
  for (let n = 0; n < namespaces && policies.length < target; n++)
    policies.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: same-namespace, namespace: ns-${n}}
spec:
  rules: [{from: [{source: {namespaces: [ns-${n}]}}], to: [{operation: {methods: [GET]}}]}]`);
  for (let i = 0; policies.length < target; i++) {
    const w = Math.floor(next() * workloads);
    const callers = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const c = Math.floor(next() * workloads);
      return `cluster.local/ns/${ns(c)}/sa/app-${c}`;
    });
    const kind = i % 20;
    if (kind < 14)
      policies.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-${i}, namespace: ${ns(w)}}
spec:
  selector: {matchLabels: {app: app-${w}}}
  rules:
  - from: [{source: {principals: [${callers.join(', ')}]}}]
    to: [{operation: {methods: [${pick(['GET', 'GET, POST', 'POST'])}], paths: [/api/v${1 + (i % 3)}/*, /health]}}]`);
    else if (kind < 17)
      policies.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: deny-${i}, namespace: ${ns(w)}}
spec:
  action: DENY
  selector: {matchLabels: {tier: t${i % 3}}}
  rules: [{to: [{operation: {paths: [/admin*], ports: ["8080"]}}], from: [{source: {notNamespaces: [${ns(w)}]}}]}]`);
    else if (kind < 19)
      policies.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: pattern-${i}, namespace: ${ns(w)}}
spec:
  selector: {matchLabels: {app: app-${w}}}
  rules: [{from: [{source: {namespaces: [ns-${i % 7}*]}}]}]`);
    else
      policies.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: when-${i}, namespace: ${ns(w)}}
spec:
  selector: {matchLabels: {app: app-${w}}}
  rules:
  - from: [{source: {principals: [${callers[0]}]}}]
    when: [{key: request.headers[x-tenant], values: [tenant-${i % 5}]}, {key: source.ip, values: [10.0.0.0/8]}]`);
  }
  return { text: [...docs, ...policies].join('\n---\n'), policies: policies.length };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const sizes = (process.env.BENCH_WORKLOADS ?? '1000,2500,5000,10000').split(',').map(Number);
console.log('authz: whole access graph by equivalence classes');
console.log(
  '  workloads  policies  load ms  graph ms  heap MB  dest classes  caller classes  identity checks  naive pairs',
);
const rows: { workloads: number; graph: number }[] = [];
for (const size of sizes) {
  const generated = generate(size);
  const before = heapMb();
  const t0 = performance.now();
  const { mesh } = loadMesh([{ path: 'mesh.yaml', text: generated.text }]);
  const topology = buildTopology(mesh);
  const t1 = performance.now();
  const graph = evaluateGraph(mesh, topology);
  const t2 = performance.now();
  const heap = heapMb() - before;
  const s = graph.stats;
  rows.push({ workloads: size, graph: t2 - t1 });
  console.log(
    `  ${String(size).padStart(9)}  ${String(generated.policies).padStart(8)}  ${(t1 - t0).toFixed(0).padStart(7)}  ${(t2 - t1).toFixed(0).padStart(8)}  ${heap.toFixed(0).padStart(7)}  ${String(s.destinationClasses).padStart(12)}  ${String(s.callerClasses).padStart(14)}  ${String(s.identityChecks).padStart(15)}  ${String(s.identities * s.ports).padStart(11)}`,
  );
  // Keep the graph alive until measured.
  if (graph.ports.length === 0) console.log('  (empty graph)');
}
const first = rows[0];
const last = rows[rows.length - 1];
if (first && last && first !== last)
  console.log(
    `  scaling ${first.workloads}→${last.workloads} workloads (×${(last.workloads / first.workloads).toFixed(0)}): graph time ×${(last.graph / first.graph).toFixed(1)}`,
  );
