// Loader benchmark: loadMesh against the bare `yaml` parse of the same text, in one run.
import { parseAllDocuments } from 'yaml';
import { loadMesh } from '../src/analysis/load/index.js';

function document(i: number): string {
  const ns = `ns-${i % 200}`;
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ${ns}, labels: {app: app-${i}}}
spec:
  template:
    metadata: {labels: {app: app-${i}, version: v1}}
    spec:
      serviceAccountName: app-${i}
      containers:
      - name: main
        image: registry.example.com/app-${i}:1.2.3
        ports: [{name: http, containerPort: 8080}]
        resources: {requests: {cpu: 100m, memory: 128Mi}}
`;
}

const count = Number(process.env.BENCH_DOCUMENTS ?? 50_000);
const text = Array.from({ length: count }, (_, i) => document(i)).join('---\n');
const files = [{ path: 'mesh.yaml', text }];

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

time(() => parseAllDocuments(text.slice(0, 200_000)));
const parse = time(() => parseAllDocuments(text));
const load = time(() => loadMesh(files));
console.log(`loader: ${count} documents, ${(text.length / 1e6).toFixed(1)} MB`);
console.log(`  yaml parseAllDocuments  ${parse.ms.toFixed(0)} ms`);
console.log(
  `  meshguard loadMesh      ${load.ms.toFixed(0)} ms  (${load.value.mesh.workloads.length} workloads)`,
);
console.log(`  ratio loadMesh / yaml   ${(load.ms / parse.ms).toFixed(2)}`);
