import type { Finding } from '../findings/finding.js';
import type { ResourceRef, Source } from '../model/source.js';
import { compareText } from '../model/source.js';
import type { MtlsDelta } from '../report/types.js';
import { ANY_MESH_IDENTITY, EVERYTHING } from '../topology/index.js';
import type { Caller, ChangeScope, WorkloadNode } from '../topology/index.js';
import type { EdgeDetail, MtlsInternals } from './evaluate.js';
import { internalsOf } from './evaluate.js';
import { mtlsFinding, sortFindings } from './finding.js';
import { decidingPolicy } from './findings-edges.js';
import type { MtlsSide, PortMode, ServerMode } from './types.js';
import { quote } from '../findings/quote.js';

/**
 * What a change does to mTLS: the mode of every workload port present on both sides, and the
 * transport of every caller (workloads on both sides, and `(any mesh identity)`) to those ports.
 * Findings: weakened modes (MG101), connections newly broken (MG102) or newly without mTLS (MG103).
 */
export interface DiffMtlsOptions {
  /**
   * Whether requests of this caller reached `server:port` in the base (authorization included).
   * A connection nothing was let through is no working call that breaks or loses mTLS, so
   * MG102/MG103 name only callers for which this holds; every caller when not given.
   */
  readonly reachedInBase?: (callerId: string, server: WorkloadNode, port: number) => boolean;
  /** Where the change can matter (see `ChangeScope`); everything when not given. */
  readonly scope?: ChangeScope;
}

export function diffMtls(
  base: MtlsSide,
  head: MtlsSide,
  options: DiffMtlsOptions = {},
): { deltas: MtlsDelta[]; findings: Finding[] } {
  const b = internalsOf(base.mtls, base.mesh, base.topology);
  const h = internalsOf(head.mtls, head.mesh, head.topology);
  const deltas: MtlsDelta[] = [];
  const findings: Finding[] = [];
  const scope = options.scope ?? EVERYTHING;
  const servers = commonWorkloads(base, head);
  const dirtyServers = scope.all ? servers : servers.filter(([w]) => scope.destinations.has(w.id));
  for (const [baseServer, headServer] of dirtyServers) {
    const changed = modeChanges(base, head, baseServer, headServer);
    deltas.push(...changed.deltas);
    findings.push(...changed.findings);
  }
  findings.push(...edgeChanges(b, h, servers, options.reachedInBase, scope));
  deltas.sort((x, y) => compareText(x.workload, y.workload) || (x.port ?? 0) - (y.port ?? 0));
  return { deltas, findings: sortFindings(findings) };
}

function commonWorkloads(base: MtlsSide, head: MtlsSide): [WorkloadNode, WorkloadNode][] {
  return base.topology.workloads.flatMap((w): [WorkloadNode, WorkloadNode][] => {
    const other = head.topology.workloadById.get(w.id);
    return other === undefined ? [] : [[w, other]];
  });
}

/** STRICT > PERMISSIVE > DISABLE > no sidecar: what a port accepts without identity grows. */
const STRENGTH: Readonly<Record<ServerMode, number>> = {
  STRICT: 3,
  PERMISSIVE: 2,
  DISABLE: 1,
  NO_SIDECAR: 0,
};

function modeChanges(
  base: MtlsSide,
  head: MtlsSide,
  baseServer: WorkloadNode,
  headServer: WorkloadNode,
) {
  const ports = baseServer.ports
    .map((p) => p.port)
    .filter((p) => headServer.ports.some((q) => q.port === p));
  const changes = ports.flatMap((port) => {
    const before = base.mtls.serverMode(baseServer, port);
    const after = head.mtls.serverMode(headServer, port);
    return before.mode === after.mode ? [] : [{ port, before, after }];
  });
  const sameEverywhere =
    changes.length === ports.length &&
    ports.length > 1 &&
    changes.every(
      (c) => c.before.mode === changes[0]?.before.mode && c.after.mode === changes[0]?.after.mode,
    );
  const reported = sameEverywhere
    ? changes.slice(0, 1).map((c) => ({ ...c, port: null }))
    : changes;
  const deltas: MtlsDelta[] = [];
  const findings: Finding[] = [];
  for (const change of reported) {
    const cause = causeOfMode(change.before, change.after);
    deltas.push({
      workload: headServer.id,
      port: change.port,
      base: change.before.mode,
      head: change.after.mode,
      at: cause?.at ?? null,
      ...(cause?.side === 'base' ? { side: 'base' as const } : {}),
    });
    if (STRENGTH[change.after.mode] >= STRENGTH[change.before.mode]) continue;
    findings.push(
      mtlsFinding(
        'MG101',
        {
          workload: headServer.id,
          ports: change.port === null ? '(every port)' : `port ${change.port}`,
          base: change.before.mode === 'NO_SIDECAR' ? 'without a sidecar' : change.before.mode,
          head:
            change.after.mode === 'NO_SIDECAR'
              ? 'has no sidecar any more'
              : `is now ${change.after.mode}`,
          level: change.after.level === 'no-sidecar' ? '' : ` (${describeLevel(change.after)})`,
          consequence: CONSEQUENCE[change.after.mode],
        },
        {
          at: cause?.at ?? headServer.workload.source,
          side: cause?.side ?? 'head',
          subject: `${headServer.id}:${change.port ?? '*'}`,
          ...(cause?.ref ? { ref: cause.ref } : {}),
        },
      ),
    );
  }
  return { deltas, findings };
}

/** What a weaker mode lets in (§1.5, §1.6): the reason a reviewer should care. */
const CONSEQUENCE: Readonly<Record<ServerMode, string>> = {
  STRICT: 'it accepts only mTLS',
  PERMISSIVE: 'it accepts plaintext, with no peer identity',
  DISABLE: 'it accepts only plaintext',
  NO_SIDECAR: 'nothing enforces mTLS or authorization there',
};

function describeLevel(mode: PortMode): string {
  switch (mode.level) {
    case 'port':
      return 'port-level exception';
    case 'default':
      return "Istio's default";
    case 'no-sidecar':
      return 'no sidecar';
    case 'gateway':
      return 'gateway';
    default:
      return `${mode.level} policy`;
  }
}

interface Cause {
  readonly at: Source;
  readonly side: 'base' | 'head';
  readonly ref?: ResourceRef;
}

/** The head line that decided the new mode, or the base line of the policy that went away. */
function causeOfMode(before: PortMode, after: PortMode): Cause | null {
  const headPolicy = decidingPolicy(after) ?? lastPolicy(after);
  if (headPolicy?.at)
    return { at: headPolicy.at, side: 'head', ...(headPolicy.ref ? { ref: headPolicy.ref } : {}) };
  if (after.level === 'no-sidecar' || after.level === 'gateway') {
    const line = after.evidence.find((e) => e.at !== null);
    if (line?.at) return { at: line.at, side: 'head', ...(line.ref ? { ref: line.ref } : {}) };
  }
  const basePolicy = decidingPolicy(before) ?? lastPolicy(before);
  if (basePolicy?.at)
    return { at: basePolicy.at, side: 'base', ...(basePolicy.ref ? { ref: basePolicy.ref } : {}) };
  const any = after.evidence.find((e) => e.at !== null);
  return any?.at ? { at: any.at, side: 'head' } : null;
}

function lastPolicy(mode: PortMode) {
  const policies = mode.evidence.filter(
    (e) => e.ref?.kind === 'PeerAuthentication' && e.at !== null,
  );
  return policies[policies.length - 1] ?? null;
}

function callersOf(internals: MtlsInternals, ids: ReadonlySet<string>): Map<string, Caller> {
  const out = new Map<string, Caller>();
  for (const w of internals.topology.workloads)
    if (ids.has(w.id)) out.set(w.id, { kind: 'workload', id: w.id, workload: w });
  out.set(ANY_MESH_IDENTITY, { kind: 'any-mesh-identity', id: ANY_MESH_IDENTITY });
  return out;
}

interface EdgeChange {
  readonly callers: string[];
  readonly to: string;
  readonly port: number;
  readonly reason: string;
  readonly cause: Cause;
}

function edgeChanges(
  b: MtlsInternals,
  h: MtlsInternals,
  servers: [WorkloadNode, WorkloadNode][],
  reachedInBase: DiffMtlsOptions['reachedInBase'],
  scope: ChangeScope,
): Finding[] {
  const common = new Set(
    b.topology.workloads.map((w) => w.id).filter((id) => h.topology.workloadById.has(id)),
  );
  const baseCallers = callersOf(b, common);
  const headCallers = callersOf(h, common);
  // Callers with the same class on both sides get the same answers: evaluate one per pair.
  const pairs = new Map<string, { base: Caller; head: Caller; ids: string[] }>();
  for (const [id, caller] of baseCallers) {
    const other = headCallers.get(id);
    if (other === undefined) continue;
    const key = `${b.context(caller).key}\u0000${h.context(other).key}`;
    const pair = pairs.get(key);
    if (pair) pair.ids.push(id);
    else pairs.set(key, { base: caller, head: other, ids: [id] });
  }
  const broken = new Map<string, EdgeChange>();
  const lost = new Map<string, EdgeChange>();
  const dirtyPairs = [...pairs.values()].filter((pair) =>
    pair.ids.some((id) => scope.callers.has(id)),
  );
  for (const [baseServer, headServer] of servers) {
    const candidates =
      scope.all || scope.destinations.has(baseServer.id) ? [...pairs.values()] : dirtyPairs;
    if (candidates.length === 0) continue;
    for (const { port } of headServer.ports) {
      if (!baseServer.ports.some((p) => p.port === port)) continue;
      for (const pair of candidates) {
        const before = b.classEdges(pair.base, baseServer, port).primary;
        const after = h.classEdges(pair.head, headServer, port).primary;
        const target =
          before.transport !== 'broken' && after.transport === 'broken'
            ? broken
            : before.transport === 'mtls' && after.transport === 'plaintext'
              ? lost
              : null;
        if (target === null) continue;
        // A workload calling itself is not an edge of the diff either.
        const ids = pair.ids.filter(
          (id) => id !== baseServer.id && (reachedInBase?.(id, baseServer, port) ?? true),
        );
        if (ids.length === 0) continue;
        const key = `${headServer.id}:${port}`;
        const change = target.get(key);
        if (change) change.callers.push(...ids);
        else
          target.set(key, {
            callers: ids,
            to: headServer.id,
            port,
            reason: after.reason,
            cause: causeOfEdge(before, after, headServer, callerLine(b, h, pair)),
          });
      }
    }
  }
  return [
    ...[...broken.values()].map((c) => edgeFinding('MG102', c)),
    ...[...lost.values()].map((c) => edgeFinding('MG103', c)),
  ];
}

/** Shown by name in MG102/MG103 before "and N other caller(s)". */
const NAMED_CALLERS = 3;

function edgeFinding(code: 'MG102' | 'MG103', change: EdgeChange): Finding {
  // Workloads of the manifests first: they are who a reviewer can act on.
  const pseudo = (id: string) => (id.startsWith('(') ? 1 : 0);
  const callers = [...change.callers].sort((x, y) => pseudo(x) - pseudo(y) || compareText(x, y));
  const firstCaller = callers[0] ?? '';
  // "and 1 other caller(s)" hides a name for nothing: name the fourth too.
  const shown = callers.length <= NAMED_CALLERS + 1 ? callers.length : NAMED_CALLERS;
  const named = callers.slice(0, shown).map((id) => quote(id));
  const rest = callers.length - named.length;
  const from =
    rest > 0
      ? `${named.join(', ')} and ${rest} other caller(s)`
      : named.length === 1
        ? (named[0] ?? '')
        : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1] ?? ''}`;
  return mtlsFinding(
    code,
    { from, to: change.to, port: change.port, reason: change.reason },
    {
      at: change.cause.at,
      side: change.cause.side,
      subject: `${change.to}:${change.port}`,
      ...(change.cause.ref ? { ref: change.cause.ref } : {}),
      edge: { from: firstCaller, to: change.to, port: change.port },
    },
  );
}

/** Blame the side that moved: the server's deciding line, else the client's, else the server itself. */
function causeOfEdge(
  before: EdgeDetail,
  after: EdgeDetail,
  server: WorkloadNode,
  caller: Cause | null,
): Cause {
  if (before.server.mode !== after.server.mode) {
    const cause = causeOfMode(before.server, after.server);
    if (cause) return cause;
  }
  if (
    before.client.mode !== after.client.mode ||
    before.client.effective !== after.client.effective
  ) {
    if (caller !== null) return caller;
    const headLine = after.client.evidence.find((e) => e.at !== null);
    if (headLine?.at)
      return { at: headLine.at, side: 'head', ...(headLine.ref ? { ref: headLine.ref } : {}) };
    const baseLine = before.client.evidence.find((e) => e.at !== null);
    if (baseLine?.at)
      return { at: baseLine.at, side: 'base', ...(baseLine.ref ? { ref: baseLine.ref } : {}) };
  }
  return { at: server.workload.source, side: 'head', ref: server.workload.ref };
}

/** When the caller's own dataplane changed (injection, ambient), the line that decided it. */
function callerLine(
  b: MtlsInternals,
  h: MtlsInternals,
  pair: { readonly base: Caller; readonly head: Caller },
): Cause | null {
  if (pair.base.kind !== 'workload' || pair.head.kind !== 'workload') return null;
  const before = b.decision(pair.base.workload);
  const after = h.decision(pair.head.workload);
  if (before.dataplane === after.dataplane && before.gateway === after.gateway) return null;
  const line = after.evidence.find((e) => e.at !== null);
  return line?.at ? { at: line.at, side: 'head', ...(line.ref ? { ref: line.ref } : {}) } : null;
}
