// `explain` benchmark: what one `/mesh explain` costs next to loading the mesh it asks about.
// Run: `npx tsx bench/explain.ts`. Reports ratios measured in one run; asserts nothing.
import { explainChange, explainSideOf } from '../src/analysis/explain/index.js';
import { renderChangeMarkdown } from '../src/analysis/render/explain-markdown.js';

/**
 * `workloads` Deployments with Services over `workloads / 50` namespaces, mesh-wide STRICT and
 * allow-nothing, and one ALLOW per workload for two callers (GET and POST on /api/*). The head
 * relabels every tenth workload, so its policy detaches (the label-rename story at scale).
 */
function generate(workloads: number, head: boolean): { path: string; text: string }[] {
  const namespaces = Math.max(1, Math.floor(workloads / 50));
  const ns = (i: number) => `ns-${i % namespaces}`;
  const docs: string[] = [
    'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec: {mtls: {mode: STRICT}}',
    'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: allow-nothing, namespace: istio-system}\nspec: {}',
  ];
  for (let n = 0; n < namespaces; n++)
    docs.push(
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: ns-${n}, labels: {istio-injection: enabled}}`,
    );
  for (let i = 0; i < workloads; i++) {
    const label = head && i % 10 === 0 ? `app-${i}-v2` : `app-${i}`;
    const callers = [(i + 1) % workloads, (i + 7) % workloads]
      .map((c) => `cluster.local/ns/${ns(c)}/sa/app-${c}`)
      .join(', ');
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: ${ns(i)}}
spec:
  template:
    metadata: {labels: {app: ${label}}}
    spec:
      serviceAccountName: app-${i}
      containers: [{name: main, ports: [{containerPort: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: ${ns(i)}}
spec:
  selector: {app: ${label}}
  ports: [{name: http, port: 80, targetPort: 8080}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: app-${i}, namespace: ${ns(i)}}
spec:
  selector: {matchLabels: {app: app-${i}}}
  rules: [{from: [{source: {principals: [${callers}]}}], to: [{operation: {methods: [GET, POST], paths: [/api/*]}}]}]`);
  }
  return [{ path: 'mesh.yaml', text: docs.join('\n---\n') }];
}

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

console.log('explain: one question against loading and evaluating both sides');
console.log('workloads | load both sides (ms) | explain + render (ms) | ratio | reply chars');
for (const workloads of [1_000, 5_000, 10_000]) {
  const base = generate(workloads, false);
  const head = generate(workloads, true);
  const sides = time(() => [explainSideOf(base), explainSideOf(head)] as const);
  const [before, after] = sides.value;
  const query = { from: `ns-1/app-1`, to: 'ns-0/app-0', port: 80, method: null, path: null };
  const answer = time(() => {
    const result = explainChange(before, after, query);
    return result.kind === 'answer' ? renderChangeMarkdown(result.explanation) : '';
  });
  console.log(
    `${workloads} | ${sides.ms.toFixed(0)} | ${answer.ms.toFixed(1)} | ${(answer.ms / sides.ms).toFixed(4)} | ${answer.value.length}`,
  );
}
