// Loader benchmark (issue: "Loading 50,000 documents ... within 2x of the time the yaml package
// alone takes to parse the same text"): the generated mesh's files, parsed by `yaml`'s
// parseAllDocuments and loaded by meshguard's loadMesh (parse + narrow + model), in one run.
import { parseAllDocuments } from 'yaml';
import { loadMesh } from '../src/analysis/load/index.js';
import { generateMesh } from './generate-mesh.js';

const workloads = Number(process.env.BENCH_LOAD_WORKLOADS ?? 13_500);
const files = generateMesh({ workloads, authorizationPolicies: workloads / 2, seed: 3 });
const megabytes = files.reduce((n, f) => n + f.text.length, 0) / 1e6;

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

// Warm both paths up on a slice so neither pays the other's JIT.
loadMesh(files.slice(0, 5));
for (const f of files.slice(0, 5)) parseAllDocuments(f.text);

const parse = time(() => files.reduce((n, f) => n + parseAllDocuments(f.text).length, 0));
const load = time(() => loadMesh(files));
console.log(
  `loader: ${load.value.stats.documents} documents in ${files.length} files, ${megabytes.toFixed(1)} MB`,
);
console.log(
  `  yaml parseAllDocuments   ${parse.ms.toFixed(0).padStart(6)} ms  (${parse.value} documents)`,
);
console.log(
  `  meshguard loadMesh       ${load.ms.toFixed(0).padStart(6)} ms  (${load.value.stats.objects} objects modelled)`,
);
console.log(
  `  ratio loadMesh / yaml    ${(load.ms / parse.ms).toFixed(2)}  (the requirement: at most 2.00)`,
);
