import type { AuthzEngine } from '../authz/index.js';
import type { AuthorizationPolicy } from '../model/istio.js';
import type { Labels } from '../model/kubernetes.js';
import { compareText } from '../model/source.js';
import { selects } from '../topology/index.js';
import type { Topology, WorkloadNode } from '../topology/index.js';
import { distance } from './suggest.js';
import type { SelectorMiss } from './types.js';

/** Near misses listed at most; the closest first. */
const MAX_MISSES = 3;

/**
 * Policies that select no workload at all, in the workload's namespace (or the root namespace),
 * whose selector names only label keys this workload has: `app: frontend` after the workload was
 * relabelled `app: web-frontend`. Istio attaches a policy only when every selector label matches
 * (`policyattachment.go`, istio-semantics §3.1), so one renamed label silently detaches it; a
 * denial is far easier to understand with that pointed out. Policies that select some other
 * workload are doing their job and are not mentioned, and neither are orphans whose values look
 * nothing like this workload's (one contains the other, or a few edits apart).
 */
export function selectorMisses(
  engine: AuthzEngine,
  topology: Topology,
  workload: WorkloadNode,
  labelsOf: (workload: WorkloadNode) => Labels,
): SelectorMiss[] {
  const labels = labelsOf(workload);
  const { rootNamespace, byNamespace } = engine.index;
  const namespaces =
    workload.namespace === rootNamespace ? [rootNamespace] : [rootNamespace, workload.namespace];
  const misses: { score: number; miss: SelectorMiss }[] = [];
  for (const namespace of namespaces)
    for (const policy of byNamespace.get(namespace) ?? []) {
      const selector = policy.selector;
      if (selector === null || policy.targetRefs.length > 0) continue;
      const keys = Object.keys(selector.matchLabels).sort(compareText);
      if (keys.length === 0 || !keys.every((key) => labels[key] !== undefined)) continue;
      const differing = keys.filter((key) => labels[key] !== selector.matchLabels[key]);
      if (differing.length === 0) continue;
      const score = closeness(
        differing.map((key) => [selector.matchLabels[key] ?? '', labels[key] ?? '']),
      );
      if (score === null || selectsAny(policy, topology, rootNamespace, labelsOf)) continue;
      misses.push({
        score,
        miss: {
          policy: policy.ref,
          action: policy.action,
          at: selector.at,
          wants: differing.map((key) => `${key}=${selector.matchLabels[key] ?? ''}`),
          has: differing.map((key) => `${key}=${labels[key] ?? ''}`),
        },
      });
    }
  return misses
    .sort((a, b) => a.score - b.score)
    .slice(0, MAX_MISSES)
    .map((m) => m.miss);
}

/** Summed edits between the wanted and actual values, or null when a pair looks unrelated. */
function closeness(pairs: readonly (readonly [string, string])[]): number | null {
  let total = 0;
  for (const [wanted, actual] of pairs) {
    const budget = Math.max(2, Math.floor(Math.max(wanted.length, actual.length) / 3));
    const edits = distance(wanted, actual, budget);
    const related = actual.includes(wanted) || wanted.includes(actual) || edits <= budget;
    if (!related || wanted === '' || actual === '') return null;
    total += Math.min(edits, budget + 1);
  }
  return total;
}

/** Root-namespace policies select across namespaces; others only in their own. */
function selectsAny(
  policy: AuthorizationPolicy,
  topology: Topology,
  root: string,
  labelsOf: (workload: WorkloadNode) => Labels,
): boolean {
  const matchLabels = policy.selector?.matchLabels ?? {};
  return topology.workloads.some(
    (w) =>
      (policy.ref.namespace === root || w.namespace === policy.ref.namespace) &&
      selects(matchLabels, labelsOf(w)),
  );
}
