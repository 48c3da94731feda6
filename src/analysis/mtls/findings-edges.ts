import type { Finding } from '../findings/finding.js';
import type { DestinationRule, PeerAuthentication } from '../model/istio.js';
import type { Source } from '../model/source.js';
import { refKey } from '../model/source.js';
import { ANY_MESH_IDENTITY, EVERYTHING, destinationInScope } from '../topology/index.js';
import type { Caller, ChangeScope } from '../topology/index.js';
import type { MtlsInternals } from './evaluate.js';
import { mtlsFinding, subjectOf } from './finding.js';
import type { Evidence, PortMode } from './types.js';
import { quote } from '../findings/quote.js';

/**
 * Findings that need the edges: DestinationRules and gaps that break connections, PERMISSIVE
 * policies nobody needs, and hops meshguard could not model exactly. Each client class is
 * evaluated once per workload port, through its first member.
 */

interface Group {
  readonly at: Source;
  readonly ref: DestinationRule['ref'] | PeerAuthentication['ref'];
  readonly targets: Set<string>;
  readonly detail: string;
  readonly namespace?: string;
}

export function edgeFindings(
  internals: MtlsInternals,
  side: 'base' | 'head',
  scope: ChangeScope = EVERYTHING,
): Finding[] {
  const representatives = classRepresentatives(internals);
  const dirtyClasses = new Set(
    internals.topology.workloads
      .filter((w) => scope.callers.has(w.id))
      .map((w) => internals.context({ kind: 'workload', id: w.id, workload: w }).key),
  );
  const dirtyRepresentatives = representatives.filter(
    (r) => dirtyClasses.has(internals.context(r.caller).key) || scope.callers.has(r.caller.id),
  );
  const breaksStrict = new Map<string, Group>();
  const mtlsNowhere = new Map<string, Group>();
  const gated = new Map<string, Group>();
  const subsets = new Map<string, Group>();
  const permissive = new Map<
    string,
    { policy: Evidence; ports: Set<string>; plaintext: boolean }
  >();
  const add = (
    map: Map<string, Group>,
    key: string,
    make: () => Omit<Group, 'targets'>,
    target: string,
  ) => {
    let group = map.get(key);
    if (group === undefined) map.set(key, (group = { ...make(), targets: new Set() }));
    group.targets.add(target);
  };
  for (const server of internals.topology.workloads) {
    const callers = destinationInScope(scope, server.id) ? representatives : dirtyRepresentatives;
    if (callers.length === 0) continue;
    for (const { port } of server.ports) {
      const target = `${server.id}:${port}`;
      for (const { caller, fromWorkload } of callers) {
        const { primary, alternatives } = internals.classEdges(caller, server, port);
        for (const edge of [primary, ...alternatives]) {
          const rule =
            edge.destinationRule?.trafficPolicyFrom ?? edge.destinationRule?.first ?? null;
          const tlsLine = edge.client.evidence.find(
            (e) => e.ref?.kind === 'DestinationRule' && e.at !== null,
          );
          if (edge.transport === 'broken' && rule !== null && tlsLine?.at) {
            const detail = edge.client.effective === 'DISABLE' ? 'plaintext' : edge.client.mode;
            if (
              edge.server.mode === 'STRICT' &&
              edge.client.mode !== 'ISTIO_MUTUAL' &&
              edge.client.mode !== 'AUTO_MTLS'
            )
              add(
                breaksStrict,
                `${refKey(rule.ref)}@${tlsLine.at.line}`,
                () => ({ at: tlsLine.at as Source, ref: rule.ref, detail }),
                target,
              );
            if (
              edge.client.mode === 'ISTIO_MUTUAL' &&
              edge.server.mode !== 'STRICT' &&
              edge.server.mode !== 'PERMISSIVE'
            )
              add(
                mtlsNowhere,
                `${refKey(rule.ref)}@${tlsLine.at.line}`,
                () => ({ at: tlsLine.at as Source, ref: rule.ref, detail: whyNoMtls(edge.server) }),
                target,
              );
          }
          const decider = decidingPolicy(edge.server);
          if (
            edge.transport === 'broken' &&
            edge.gatedOff &&
            edge.server.mode === 'STRICT' &&
            decider?.ref &&
            decider.at
          )
            add(
              gated,
              refKey(decider.ref),
              () => ({
                at: decider.at as Source,
                ref: decider.ref ?? rule?.ref ?? server.workload.ref,
                detail: '',
                namespace: edge.via?.namespace ?? server.namespace,
              }),
              target,
            );
          for (const note of edge.client.evidence.filter(
            (e) => e.note.startsWith('subset `') && e.at && e.ref,
          )) {
            add(
              subsets,
              `${refKey(note.ref ?? server.workload.ref)}@${note.at?.line}`,
              () => ({
                at: note.at as Source,
                ref: note.ref ?? server.workload.ref,
                detail: note.note,
              }),
              target,
            );
          }
          if (
            decider?.ref?.kind === 'PeerAuthentication' &&
            edge.server.mode === 'PERMISSIVE' &&
            decider.at &&
            fromWorkload
          ) {
            const key = `${refKey(decider.ref)}@${decider.at.line}`;
            const entry = permissive.get(key) ?? {
              policy: decider,
              ports: new Set<string>(),
              plaintext: false,
            };
            entry.ports.add(target);
            if (edge.transport === 'plaintext') entry.plaintext = true;
            permissive.set(key, entry);
          }
        }
      }
    }
  }
  const out: Finding[] = [];
  for (const g of breaksStrict.values())
    out.push(
      mtlsFinding(
        'MG104',
        { mode: g.detail, target: first(g.targets), count: g.targets.size },
        place(g, side),
      ),
    );
  for (const g of mtlsNowhere.values())
    out.push(
      mtlsFinding(
        'MG105',
        { target: first(g.targets), count: g.targets.size, why: g.detail },
        place(g, side),
      ),
    );
  for (const g of gated.values())
    out.push(
      mtlsFinding(
        'MG111',
        { target: first(g.targets), namespace: g.namespace ?? '', count: g.targets.size },
        place(g, side),
      ),
    );
  for (const g of subsets.values())
    out.push(
      mtlsFinding(
        'MG115',
        {
          detail: `${g.detail.replace(/ \(not modelled\)$/, '')}, which meshguard does not model: answers for ${quote(first(g.targets))} may differ`,
        },
        { ...place(g, side), subject: `${subjectOf(g.ref)}@${g.at.line}` },
      ),
    );
  for (const entry of permissive.values()) {
    if (entry.plaintext || !entry.policy.ref || !entry.policy.at) continue;
    out.push(
      mtlsFinding(
        'MG112',
        { count: entry.ports.size },
        {
          at: entry.policy.at,
          side,
          subject: `${subjectOf(entry.policy.ref)}@${entry.policy.at.line}`,
          ref: entry.policy.ref,
        },
      ),
    );
  }
  return [...out, ...ambientFindings(internals, side)];
}

function place(group: Group, side: 'base' | 'head') {
  return { at: group.at, side, subject: subjectOf(group.ref), ref: group.ref };
}

function first(targets: ReadonlySet<string>): string {
  return [...targets].sort()[0] ?? '';
}

function whyNoMtls(server: PortMode): string {
  if (server.level === 'gateway') return 'is a gateway listener';
  return server.mode === 'NO_SIDECAR' ? 'has no sidecar' : 'is DISABLE';
}

/** The PeerAuthentication line that decided a port's mode: the most specific one in the chain. */
export function decidingPolicy(mode: PortMode): Evidence | null {
  if (mode.level === 'default' || mode.level === 'no-sidecar' || mode.level === 'gateway')
    return null;
  const policies = mode.evidence.filter((e) => e.ref?.kind === 'PeerAuthentication');
  return policies[policies.length - 1] ?? null;
}

/** One caller per client class: the workloads' classes and `(any mesh identity)`'s. */
export function classRepresentatives(
  internals: MtlsInternals,
): { caller: Caller; fromWorkload: boolean }[] {
  const byClass = new Map<string, { caller: Caller; fromWorkload: boolean }>();
  for (const workload of internals.topology.workloads) {
    const caller: Caller = { kind: 'workload', id: workload.id, workload };
    const key = internals.context(caller).key;
    if (!byClass.has(key)) byClass.set(key, { caller, fromWorkload: true });
  }
  const anyMesh: Caller = { kind: 'any-mesh-identity', id: ANY_MESH_IDENTITY };
  const key = internals.context(anyMesh).key;
  if (!byClass.has(key)) byClass.set(key, { caller: anyMesh, fromWorkload: false });
  return [...byClass.values()];
}

function ambientFindings(internals: MtlsInternals, side: 'base' | 'head'): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const workload of internals.topology.workloads) {
    if (seen.has(workload.namespace)) continue;
    const decision = internals.decision(workload);
    if (decision.dataplane !== 'AMBIENT') continue;
    seen.add(workload.namespace);
    const at = decision.evidence.find((e) => e.at !== null)?.at ?? workload.workload.source;
    out.push(
      mtlsFinding(
        'MG115',
        {
          detail: `workloads in ${quote(workload.namespace)} run in ambient mode: meshguard assumes sidecars and ztunnel exchange HBONE (ambient profile) and does not model waypoints`,
        },
        { at, side, subject: `ambient/${workload.namespace}` },
      ),
    );
  }
  return out;
}
