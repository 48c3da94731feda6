import type { RuleRef } from '../authz/index.js';
import type { AuthorizationPolicy } from '../model/istio.js';
import { compareText, formatRef, refKey } from '../model/source.js';
import type { WorkloadNode } from '../topology/index.js';
import { contentKey } from './content-key.js';
import { explainEdge } from './edge.js';
import type { EdgeQuery } from './query.js';
import type { ExplainSide } from './side.js';
import type {
  ChangeResult,
  EdgeResult,
  ExplainProblem,
  PolicyChange,
  PortAnswer,
  PortChange,
} from './types.js';
import { quote } from '../findings/quote.js';

/**
 * The same question asked of the base and of the head, and what changed between the answers:
 * per port the decision, the transport and the deciding rules; for the destination, the
 * AuthorizationPolicies that were added, removed, edited, or that started or stopped applying
 * to it (a label change detaches a policy without touching it). A workload that exists on one
 * side only is answered on that side; only a question neither side can answer is a problem.
 */
export function explainChange(
  base: ExplainSide,
  head: ExplainSide,
  query: EdgeQuery,
): ChangeResult {
  const before = explainEdge(base, query);
  const after = explainEdge(head, query);
  if (before.kind === 'problem' && after.kind === 'problem')
    return { kind: 'problem', problem: mergeProblems(after.problem, before.problem) };
  const baseWorkload = base.topology.workloadById.get(query.to);
  const headWorkload = head.topology.workloadById.get(query.to);
  return {
    kind: 'answer',
    explanation: {
      query,
      base: before,
      head: after,
      ports: portChanges(before, after),
      policies:
        baseWorkload === undefined || headWorkload === undefined
          ? []
          : policyChanges(base, baseWorkload, head, headWorkload),
    },
  };
}

function mergeProblems(head: ExplainProblem, base: ExplainProblem): ExplainProblem {
  if (
    (head.kind === 'unknown-caller' || head.kind === 'unknown-workload') &&
    base.kind === head.kind
  ) {
    const suggestions = [...new Set([...head.suggestions, ...base.suggestions])].slice(0, 3);
    return { ...head, suggestions };
  }
  return head;
}

function portChanges(before: EdgeResult, after: EdgeResult): PortChange[] {
  const answers = (result: EdgeResult) =>
    new Map(
      result.kind === 'answer' ? result.explanation.ports.map((p) => [p.port, p] as const) : [],
    );
  const baseByPort = answers(before);
  const headByPort = answers(after);
  const numbers = [...new Set([...baseByPort.keys(), ...headByPort.keys()])].sort((a, b) => a - b);
  return numbers.map((port) => {
    const base = baseByPort.get(port) ?? null;
    const head = headByPort.get(port) ?? null;
    return {
      port,
      base,
      head,
      accessChanged: base?.access !== head?.access,
      transportChanged: transportKey(base) !== transportKey(head),
      reasonsChanged: reasonsKey(base) !== reasonsKey(head),
    };
  });
}

function transportKey(answer: PortAnswer | null): string {
  if (answer === null) return '';
  const t = answer.transport;
  return [t.transport, t.peer?.principal ?? '', t.client.effective, t.server.mode].join('|');
}

/** The deciding rules by identity (policy and rule index), never by line. */
function reasonsKey(answer: PortAnswer | null): string {
  const explanation = answer?.authorization ?? answer?.ifConnected ?? null;
  if (explanation === null) return '';
  const refs = (rules: readonly { ref: RuleRef }[]) =>
    rules.map((r) => `${r.ref.action} ${formatRef(r.ref.policy)} ${r.ref.rule ?? '-'}`);
  return [
    ...refs(explanation.custom),
    ...refs(explanation.deny),
    ...refs(explanation.allow),
    ...explanation.allowPolicies.map((p) => `policy ${formatRef(p.policy)}`),
  ]
    .sort(compareText)
    .join('\n');
}

function policyChanges(
  base: ExplainSide,
  baseWorkload: WorkloadNode,
  head: ExplainSide,
  headWorkload: WorkloadNode,
): PolicyChange[] {
  const scopeOf = (side: ExplainSide, workload: WorkloadNode) => {
    const scope = side.authz.destination(workload).scope;
    return new Map([...scope.enforced, ...scope.dryRun].map((p) => [refKey(p.ref), p] as const));
  };
  const before = scopeOf(base, baseWorkload);
  const after = scopeOf(head, headWorkload);
  const baseAll = new Map(base.mesh.authorizationPolicies.map((p) => [refKey(p.ref), p] as const));
  const headAll = new Map(head.mesh.authorizationPolicies.map((p) => [refKey(p.ref), p] as const));
  const changes: PolicyChange[] = [];
  for (const [key, policy] of after) {
    const old = before.get(key);
    if (old === undefined) {
      const existed = baseAll.get(key);
      changes.push(
        existed === undefined
          ? change(policy, 'added', 'head', 'a new policy that applies to this workload')
          : change(policy, 'now-applies', 'head', attachmentNote(existed, policy, headWorkload)),
      );
    } else if (contentKey(old) !== contentKey(policy))
      changes.push(change(policy, 'modified', 'head', 'its spec differs between base and head'));
  }
  for (const [key, policy] of before) {
    if (after.has(key)) continue;
    const still = headAll.get(key);
    changes.push(
      still === undefined
        ? change(policy, 'removed', 'base', 'the policy was deleted')
        : change(still, 'no-longer-applies', 'head', detachmentNote(still, headWorkload)),
    );
  }
  return changes.sort(
    (a, b) => compareText(refKey(a.policy), refKey(b.policy)) || compareText(a.change, b.change),
  );
}

function change(
  policy: AuthorizationPolicy,
  kind: PolicyChange['change'],
  side: 'base' | 'head',
  note: string,
): PolicyChange {
  const at =
    (kind === 'now-applies' || kind === 'no-longer-applies') && policy.selector !== null
      ? policy.selector.at
      : policy.source;
  return { policy: policy.ref, change: kind, at, side, note };
}

/** Why a policy that exists on both sides stopped applying to the workload on the head. */
function detachmentNote(policy: AuthorizationPolicy, workload: WorkloadNode): string {
  if (policy.targetRefs.length > 0)
    return 'it now has targetRefs, which sidecars ignore (waypoints and gateways enforce it)';
  const labels = workload.workload.podLabels;
  const differing = Object.entries(policy.selector?.matchLabels ?? {}).filter(
    ([key, value]) => labels[key] !== value,
  );
  if (differing.length === 0) return 'it no longer selects this workload';
  const wants = differing.map(([key, value]) => quote(`${key}=${value}`)).join(', ');
  const has = differing
    .map(([key]) =>
      labels[key] === undefined ? `no ${quote(key)}` : quote(`${key}=${labels[key]}`),
    )
    .join(', ');
  return `its selector wants ${wants}; the workload has ${has}`;
}

function attachmentNote(
  before: AuthorizationPolicy,
  after: AuthorizationPolicy,
  workload: WorkloadNode,
): string {
  if (before.targetRefs.length > 0 && after.targetRefs.length === 0)
    return 'its targetRefs were removed, so the sidecar now enforces it';
  return contentKey(before.selector) === contentKey(after.selector)
    ? `the workload's labels now match its selector (${quote(workload.id)})`
    : 'its selector now matches this workload';
}
