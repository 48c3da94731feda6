import type { RuleRef } from '../authz/index.js';
import type { EvaluatedSide } from '../graph/side.js';
import { compareText, formatRef, refKey } from '../model/source.js';
import { decidingPolicy } from '../mtls/index.js';
import type { Evidence } from '../mtls/index.js';
import type { EdgeDelta, EdgeState, Reason } from '../report/types.js';
import type { Caller, WorkloadNode, WorkloadPort } from '../topology/index.js';
import { compareEdge } from './classify.js';
import type { EdgeComparison } from './classify.js';
import type { DirtyScope } from './dirty.js';
import { evaluateEdge } from '../graph/edge-eval.js';
import type { EdgeEvaluation } from '../graph/edge-eval.js';

/** Callers of one namespace that changed identically are shown as one `namespace/*` row from this many. */
export const GROUP_FROM = 4;
const MAX_REASONS = 6;

/**
 * Every edge (caller → workload port, both present on both sides) whose access or transport
 * changed, evaluated only where the dirty scope says a change is possible.
 */
export function diffEdges(
  base: EvaluatedSide,
  head: EvaluatedSide,
  scope: DirtyScope,
): EdgeDelta[] {
  const all = indexCallers(commonCallers(base, head));
  const dirty = scope.all ? all : indexCallers(all.callers.filter((c) => scope.callers.has(c.id)));
  const deltas: EdgeDelta[] = [];
  for (const server of base.topology.workloads) {
    const other = head.topology.workloadById.get(server.id);
    if (other === undefined) continue;
    const candidates = scope.all || scope.destinations.has(server.id) ? all : dirty;
    if (candidates.callers.length === 0) continue;
    for (const port of server.ports) {
      const headPort = other.ports.find((p) => p.port === port.port);
      if (headPort === undefined) continue;
      const target = { base: [server, port], head: [other, headPort] } as const;
      deltas.push(
        ...group(compareCallers(base, head, candidates, target), server, headPort, { base, head }),
      );
    }
  }
  return deltas.sort(
    (a, b) => compareText(a.to, b.to) || a.port - b.port || compareText(a.from, b.from),
  );
}

/** A caller present on both sides, with what decides its answers. */
interface CommonCaller {
  readonly id: string;
  readonly base: Caller;
  readonly head: Caller;
  /** Same key: same client-side behaviour on both sides (the mTLS engine's classes). */
  readonly classes: string;
  readonly principals: readonly [string | null, string | null];
}

function commonCallers(base: EvaluatedSide, head: EvaluatedSide): CommonCaller[] {
  const out: CommonCaller[] = [];
  for (const [id, baseCaller] of base.callers) {
    const headCaller = head.callers.get(id);
    if (headCaller === undefined) continue;
    out.push({
      id,
      base: baseCaller,
      head: headCaller,
      classes: `${base.mtls.clientClass(baseCaller)}\u0000${head.mtls.clientClass(headCaller)}`,
      principals: [
        base.mtls.identity(baseCaller)?.principal ?? null,
        head.mtls.identity(headCaller)?.principal ?? null,
      ],
    });
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}

/**
 * Callers grouped once for every destination: by client class pair, by principal (to pick out
 * the ones a port's policies name), and those whose identity changed (always looked at alone).
 */
interface CallerIndex {
  readonly callers: readonly CommonCaller[];
  readonly groups: readonly (readonly CommonCaller[])[];
  readonly byPrincipal: ReadonlyMap<string, readonly CommonCaller[]>;
  readonly changedIdentity: readonly CommonCaller[];
}

function indexCallers(callers: readonly CommonCaller[]): CallerIndex {
  const groups = new Map<string, CommonCaller[]>();
  const byPrincipal = new Map<string, CommonCaller[]>();
  const changedIdentity: CommonCaller[] = [];
  const add = (map: Map<string, CommonCaller[]>, key: string, caller: CommonCaller) => {
    const list = map.get(key);
    if (list) list.push(caller);
    else map.set(key, [caller]);
  };
  for (const caller of callers) {
    add(groups, caller.classes, caller);
    const [before, after] = caller.principals;
    if (before !== after) changedIdentity.push(caller);
    if (before !== null) add(byPrincipal, before, caller);
    if (after !== null && after !== before) add(byPrincipal, after, caller);
  }
  return { callers, groups: [...groups.values()], byPrincipal, changedIdentity };
}

type Target = {
  readonly base: readonly [WorkloadNode, WorkloadPort];
  readonly head: readonly [WorkloadNode, WorkloadPort];
};

/**
 * Callers of one client class pair that no policy of this port names get identical answers:
 * the same transport (the class decides it) and the same access (that of an unnamed identity,
 * or of plaintext). One representative is evaluated per such group; named callers, and callers
 * whose identity changed, are evaluated one by one. The cost per port is the number of groups
 * and named callers, not the number of callers.
 */
function compareCallers(
  base: EvaluatedSide,
  head: EvaluatedSide,
  index: CallerIndex,
  target: Target,
): CallerChange[] {
  const [server, port] = target.base;
  const [headServer, headPort] = target.head;
  const alone = new Set<CommonCaller>(index.changedIdentity);
  for (const access of [
    base.access.portAccess(server, port),
    head.access.portAccess(headServer, headPort),
  ]) {
    for (const principal of access.byPrincipal.keys())
      for (const caller of index.byPrincipal.get(principal) ?? []) alone.add(caller);
  }
  const changes: CallerChange[] = [];
  for (const caller of alone) {
    if (caller.id === server.id) continue;
    const change = compareCaller(base, head, caller, target);
    if (change !== null) changes.push(change);
  }
  for (const members of index.groups) {
    const representative = members.find((m) => m.id !== server.id && !alone.has(m));
    if (representative === undefined) continue;
    const change = compareCaller(base, head, representative, target);
    if (change === null) continue;
    for (const member of members) {
      if (member.id === server.id || alone.has(member)) continue;
      changes.push(
        member === representative
          ? change
          : { ...change, caller: member.id, namespace: namespaceOf(member) },
      );
    }
  }
  return changes;
}

function namespaceOf(caller: CommonCaller): string | null {
  return caller.head.kind === 'workload' ? caller.head.workload.namespace : null;
}

interface Sides {
  readonly base: EvaluatedSide;
  readonly head: EvaluatedSide;
}

interface CallerChange {
  readonly caller: string;
  readonly namespace: string | null;
  readonly base: EdgeEvaluation;
  readonly head: EdgeEvaluation;
  readonly comparison: EdgeComparison;
}

function compareCaller(
  base: EvaluatedSide,
  head: EvaluatedSide,
  caller: CommonCaller,
  target: Target,
): CallerChange | null {
  const before = evaluateEdge(base, caller.base, ...target.base);
  const after = evaluateEdge(head, caller.head, ...target.head);
  const comparison = compareEdge(before, after);
  if (comparison === null) return null;
  return {
    caller: caller.id,
    namespace: namespaceOf(caller),
    base: before,
    head: after,
    comparison,
  };
}

/** One row per caller, except that identical changes of many callers of a namespace share one. */
function group(
  changes: readonly CallerChange[],
  server: WorkloadNode,
  port: WorkloadPort,
  sides: Sides,
): EdgeDelta[] {
  const bySignature = new Map<string, { rows: EdgeDelta[]; namespace: string | null }>();
  for (const change of changes) {
    const row = deltaOf(change, server, port, sides);
    const { from: _from, ...rest } = row;
    const key = `${change.namespace ?? change.caller}\u0000${JSON.stringify(rest)}`;
    const entry = bySignature.get(key) ?? { rows: [], namespace: change.namespace };
    entry.rows.push(row);
    bySignature.set(key, entry);
  }
  return [...bySignature.values()].flatMap(({ rows, namespace }) => {
    const first = rows[0];
    if (namespace === null || rows.length < GROUP_FROM || first === undefined) return rows;
    return [
      { ...first, from: `${namespace}/*`, callers: rows.length, members: rows.map((r) => r.from) },
    ];
  });
}

function deltaOf(
  change: CallerChange,
  server: WorkloadNode,
  port: WorkloadPort,
  sides: Sides,
): EdgeDelta {
  return {
    from: change.caller,
    callers: 1,
    to: server.id,
    port: port.port,
    protocol: port.protocol,
    change: change.comparison.change,
    base: stateOf(change.base),
    head: stateOf(change.head),
    newlyAllowed: change.comparison.newlyAllowed,
    newlyDenied: change.comparison.newlyDenied,
    reasons: reasonsOf(change, sides),
  };
}

/**
 * What the edge lets through. Over a broken connection nothing reaches the application, so the
 * access is `deny` whatever the policies say (they never see the request).
 */
function stateOf(evaluation: EdgeEvaluation): EdgeState {
  const broken = evaluation.transport.transport === 'broken';
  return {
    access: broken ? 'deny' : evaluation.access.access,
    transport: evaluation.transport.transport,
    requests: broken ? [] : evaluation.access.requests,
    exact: evaluation.access.exact && evaluation.transport.exact,
  };
}

/**
 * What decided the new answer: what moved in the transport (the server's deciding policy, the
 * caller's sidecar, the client's DestinationRule or Sidecar), then the head's policy rules.
 */
function reasonsOf(change: CallerChange, sides: Sides): Reason[] {
  const { base, head } = change;
  const reasons: Reason[] = [];
  if (
    base.transport.transport !== head.transport.transport ||
    head.transport.transport === 'broken'
  )
    reasons.push(...transportReasons(change, sides));
  // A connection that fails never reaches authorization: no rule decided anything.
  if (head.transport.transport !== 'broken') reasons.push(...ruleReasons(change));
  const seen = new Set<string>();
  return reasons
    .filter((r) => {
      const key = `${r.object}|${r.at.file}|${r.at.line}|${r.note}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_REASONS);
}

/**
 * The head's rules explain the new answer (an ALLOW that now matches, a DENY that now fires,
 * ALLOW policies that no longer match). When none decides in the head, the base's rules are what
 * stopped applying: a removed or rejected policy, a selector that lost its workload.
 */
function ruleReasons(change: CallerChange): Reason[] {
  const { base, head } = change;
  if (head.access.determining.length > 0)
    return head.access.determining.map((rule) => ({
      object: formatRef(rule.policy),
      ref: rule.policy,
      note: ruleNote(rule),
      at: rule.at,
    }));
  return base.access.determining.map((rule) => ({
    object: formatRef(rule.policy),
    ref: rule.policy,
    note: `${ruleNote(rule)} in the base, no longer applies`,
    at: rule.at,
    side: 'base' as const,
  }));
}

/**
 * The side that moved comes first. On the server only the deciding PeerAuthentication counts: the
 * levels it overrides decided nothing (§1.2). On the client, a changed sidecar is the caller's own
 * injection line, and a DestinationRule or Sidecar the client no longer uses is the base line.
 */
function transportReasons(change: CallerChange, sides: Sides): Reason[] {
  const before = change.base.transport;
  const after = change.head.transport;
  const deciding = decidingPolicy(after.server);
  const server = evidenceReasons(deciding ? [deciding] : after.server.evidence, 'head');
  const stillUsed = new Set(after.client.evidence.map((e) => (e.ref ? refKey(e.ref) : '')));
  const client = [
    ...callerDataplaneReasons(change.caller, sides),
    ...evidenceReasons(after.client.evidence, 'head'),
    ...evidenceReasons(
      before.client.evidence.filter(
        (e) =>
          (e.ref?.kind === 'DestinationRule' || e.ref?.kind === 'Sidecar') &&
          !stillUsed.has(refKey(e.ref)),
      ),
      'base',
      ' in the base, no longer applies to this client',
    ),
  ];
  const serverMoved =
    before.server.mode !== after.server.mode || before.server.level !== after.server.level;
  return serverMoved ? [...server, ...client] : [...client, ...server];
}

/** The caller's own injection line, when its dataplane is not what it was. */
function callerDataplaneReasons(id: string, sides: Sides): Reason[] {
  const before = sides.base.callers.get(id);
  const after = sides.head.callers.get(id);
  if (before?.kind !== 'workload' || after?.kind !== 'workload') return [];
  const was = sides.base.mtls.dataplane(before.workload);
  const now = sides.head.mtls.dataplane(after.workload);
  if (was.dataplane === now.dataplane && was.gateway === now.gateway) return [];
  return evidenceReasons(now.evidence, 'head');
}

function evidenceReasons(
  evidence: readonly Evidence[],
  side: 'base' | 'head',
  suffix = '',
): Reason[] {
  return evidence.flatMap((e) =>
    e.at === null
      ? []
      : [
          {
            object: e.ref ? formatRef(e.ref) : '',
            note: `${e.note}${suffix}`,
            at: e.at,
            ...(e.ref ? { ref: e.ref } : {}),
            ...(side === 'base' ? { side } : {}),
          },
        ],
  );
}

function ruleNote(rule: RuleRef): string {
  return rule.rule === null ? `${rule.action} policy` : `${rule.action} rule ${rule.rule}`;
}
