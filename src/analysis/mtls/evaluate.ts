import type { Labels } from '../model/kubernetes.js';
import type { Mesh } from '../model/mesh.js';
import { ANY_MESH_IDENTITY } from '../topology/index.js';
import type { Caller, PeerIdentity, Topology, WorkloadNode } from '../topology/index.js';
import {
  ANY_NAMESPACE,
  namespaceDistinguisher,
  PLAINTEXT,
  sidecarKey,
  workloadContext,
} from './client-class.js';
import type { ClientContext } from './client-class.js';
import { completeClient, resolveClient } from './client-tls.js';
import type { ClientTlsDeps } from './client-tls.js';
import { indexDestinationRules } from './destination-rule-index.js';
import type { DestinationRuleGroup, DestinationRuleIndex } from './destination-rule-index.js';
import { composeWorkloadMode, modeAtPort, serverPortMode } from './effective-mode.js';
import type { Composition } from './effective-mode.js';
import { buildHostRegistry } from './hosts.js';
import type { Exposure, HostEndpoint, HostRegistry } from './hosts.js';
import { decideInjection, proxyLabels } from './injection.js';
import { indexPeerAuthentications } from './peer-authentication-index.js';
import type { PeerAuthenticationIndex } from './peer-authentication-index.js';
import { indexSidecars } from './sidecar-scope.js';
import type { SidecarIndex } from './sidecar-scope.js';
import { combine } from './transport.js';
import type { EdgeTransport, InjectionDecision, MtlsEvaluation, PortMode } from './types.js';

/** An edge with what findings need to know about its cause. */
export interface EdgeDetail extends EdgeTransport {
  readonly destinationRule: DestinationRuleGroup | null;
  readonly gatedOff: boolean;
}

export interface EdgeBundle {
  readonly primary: EdgeDetail;
  readonly alternatives: readonly EdgeDetail[];
}

/** The indexes and caches behind an evaluation, for findings and the graph command. */
export interface MtlsInternals {
  readonly mesh: Mesh;
  readonly topology: Topology;
  readonly peerAuthentications: PeerAuthenticationIndex;
  readonly destinationRules: DestinationRuleIndex;
  readonly sidecars: SidecarIndex;
  readonly hosts: HostRegistry;
  decision(workload: WorkloadNode): InjectionDecision;
  composition(workload: WorkloadNode): Composition;
  labels(workload: WorkloadNode): Labels;
  context(caller: Caller): ClientContext;
  edges(caller: Caller, server: WorkloadNode, port: number): EdgeBundle;
  /** The cached answer for the caller's class, with no peer attached (cheaper for scans). */
  classEdges(caller: Caller, server: WorkloadNode, port: number): EdgeBundle;
}

export interface EvaluateMtlsOptions {
  /**
   * Give every workload caller a class of its own, evaluated in its own namespace: the reference
   * the class grouping is tested against, and a way to rule the grouping out when debugging.
   */
  readonly classPerCaller?: boolean;
}

const internalsByEvaluation = new WeakMap<MtlsEvaluation, MtlsInternals>();

/** The internals of an evaluation made by `evaluateMtls` (rebuilt for any other implementation). */
export function internalsOf(
  evaluation: MtlsEvaluation,
  mesh: Mesh,
  topology: Topology,
): MtlsInternals {
  return internalsByEvaluation.get(evaluation) ?? build(mesh, topology, {}).internals;
}

/**
 * Evaluates one side's mTLS lazily: indexes are built up front (PeerAuthentications by namespace,
 * DestinationRules by namespace and host), answers are computed on first query and cached per
 * workload, per workload port and per (client class, workload port).
 */
export function evaluateMtls(
  mesh: Mesh,
  topology: Topology,
  options: EvaluateMtlsOptions = {},
): MtlsEvaluation {
  const { evaluation, internals } = build(mesh, topology, options);
  internalsByEvaluation.set(evaluation, internals);
  return evaluation;
}

function build(
  mesh: Mesh,
  topology: Topology,
  options: EvaluateMtlsOptions,
): { evaluation: MtlsEvaluation; internals: MtlsInternals } {
  const settings = mesh.settings;
  const peerAuthentications = indexPeerAuthentications(mesh);
  const destinationRules = indexDestinationRules(mesh);
  const sidecars = indexSidecars(mesh);
  const hosts = buildHostRegistry(topology);
  const grouped = namespaceDistinguisher({ mesh, hosts, destinationRules, sidecars });
  const distinguished = options.classPerCaller === true ? () => true : grouped;
  const decisions = memo((w: WorkloadNode) =>
    decideInjection(w.workload, topology.namespaceObjects.get(w.namespace)),
  );
  const labels = memo((w: WorkloadNode) => proxyLabels(w.workload, decisions(w)));
  const compositions = memo((w: WorkloadNode) =>
    composeWorkloadMode(peerAuthentications, w.namespace, labels(w)),
  );
  const portModes = new Map<WorkloadNode, Map<number, PortMode>>();
  const serverMode = (w: WorkloadNode, port: number): PortMode => {
    let byPort = portModes.get(w);
    if (byPort === undefined) portModes.set(w, (byPort = new Map()));
    let mode = byPort.get(port);
    if (mode === undefined)
      byPort.set(port, (mode = serverPortMode(w.workload, decisions(w), compositions(w), port)));
    return mode;
  };
  const endpointCache = new Map<string, readonly HostEndpoint[]>();
  const deps: ClientTlsDeps = {
    hosts,
    destinationRules,
    enableAutoMtls: settings.enableAutoMtls.value,
    outboundTrafficPolicy: settings.outboundTrafficPolicy.value,
    decision: decisions,
    peerAuthenticationMode: (w, port) => modeAtPort(compositions(w), port),
    namespaceMode: (namespace) => peerAuthentications.namespaceMode(namespace),
    endpoints(exposure: Exposure) {
      const key = `${exposure.entry.ref.kind}/${exposure.entry.namespace}/${exposure.entry.host}:${exposure.servicePort}`;
      let list = endpointCache.get(key);
      if (list === undefined)
        endpointCache.set(key, (list = hosts.endpoints(exposure.entry, exposure.servicePort)));
      return list;
    },
  };
  const contexts = new Map<string, ClientContext>();
  const intern = (context: ClientContext): ClientContext => {
    const known = contexts.get(context.key);
    if (known) return known;
    contexts.set(context.key, context);
    return context;
  };
  const workloadContexts = memo((w: WorkloadNode) => {
    const context = workloadContext(
      w,
      decisions(w),
      labels(w),
      distinguished,
      destinationRules,
      sidecars,
    );
    return intern(
      options.classPerCaller === true ? { ...context, key: `${context.key}|${w.id}` } : context,
    );
  });
  const context = (caller: Caller): ClientContext => {
    if (caller.kind === 'workload') return workloadContexts(caller.workload);
    if (caller.kind === 'unauthenticated') return intern(PLAINTEXT);
    const sidecar = sidecars.rootDefault;
    return intern({
      key: `sidecar|*||${sidecarKey(sidecar)}|`,
      kind: 'sidecar',
      namespace: ANY_NAMESPACE,
      labels: {},
      sidecar,
      exact: true,
    });
  };
  // Edges are shared between classes whose client-side resolution is the same (most classes, for
  // most hosts); per class only a map from workload port to a shared bundle is kept.
  const serverIndex = new Map(topology.workloads.map((w, i) => [w, i]));
  const groupIds = new Map<DestinationRuleGroup, number>();
  const groupId = (group: DestinationRuleGroup): number => {
    let id = groupIds.get(group);
    if (id === undefined) groupIds.set(group, (id = groupIds.size));
    return id;
  };
  const exposureIds = new Map<string, number>();
  const exposureId = (exposure: Exposure | null): number => {
    const key = exposureKey(exposure);
    let id = exposureIds.get(key);
    if (id === undefined) exposureIds.set(key, (id = exposureIds.size));
    return id;
  };
  const edgeCache = new Map<string, EdgeDetail>();
  const edgeIds = new Map<EdgeDetail, number>();
  const edgeFor = (
    ctx: ClientContext,
    server: WorkloadNode,
    port: number,
    exposure: Exposure | null,
  ): EdgeDetail => {
    const resolution = resolveClient(ctx, exposure, deps, groupId);
    const key = `${resolution.key}|${exposureId(exposure)}|${serverIndex.get(server) ?? server.id}|${port}|${ctx.exact}`;
    const cached = edgeCache.get(key);
    if (cached !== undefined) return cached;
    const client = completeClient(resolution, server, port, exposure, deps);
    const mode = serverMode(server, port);
    const chain = server.ports.find((p) => p.port === port)?.chain ?? 'auto';
    const outcome = combine(client, mode, chain);
    const edge: EdgeDetail = {
      transport: outcome.transport,
      peer: null,
      reason: outcome.reason,
      exact: ctx.exact && client.exact && mode.exact,
      client: { mode: client.mode, effective: client.effective, evidence: client.evidence },
      server: mode,
      via: exposure?.entry.ref ?? null,
      servicePort: exposure?.servicePort ?? null,
      destinationRule: client.destinationRule,
      gatedOff: client.gatedOff === true,
    };
    edgeCache.set(key, edge);
    edgeIds.set(edge, edgeIds.size);
    return edge;
  };
  const sharedBundles = new Map<string, EdgeBundle>();
  const bundles = new Map<ClientContext, Map<number, EdgeBundle>>();
  const bundleFor = (ctx: ClientContext, server: WorkloadNode, port: number): EdgeBundle => {
    let byPort = bundles.get(ctx);
    if (byPort === undefined) bundles.set(ctx, (byPort = new Map()));
    const slot = (serverIndex.get(server) ?? -1) * 65536 + port;
    let bundle = byPort.get(slot);
    if (bundle === undefined) {
      const exposures = hosts.exposures(server, port);
      const edges = (exposures.length === 0 ? [null] : exposures).map((e) =>
        edgeFor(ctx, server, port, e),
      );
      const key = edges.map((e) => edgeIds.get(e)).join(',');
      bundle = sharedBundles.get(key);
      if (bundle === undefined) {
        const [primary, ...alternatives] = edges;
        if (primary === undefined) throw new Error('unreachable: no edge');
        sharedBundles.set(key, (bundle = { primary, alternatives }));
      }
      byPort.set(slot, bundle);
    }
    return bundle;
  };
  const identity = (caller: Caller): PeerIdentity | null => {
    const trustDomain = settings.trustDomain.value;
    if (caller.kind === 'unauthenticated') return null;
    if (caller.kind === 'any-mesh-identity') {
      return {
        principal: ANY_MESH_IDENTITY,
        trustDomain,
        namespace: ANY_MESH_IDENTITY,
        serviceAccount: ANY_MESH_IDENTITY,
      };
    }
    const w = caller.workload;
    if (decisions(w).dataplane === 'NO_SIDECAR') return null;
    const serviceAccount = w.workload.serviceAccountName.value;
    return {
      principal: `${trustDomain}/ns/${w.namespace}/sa/${serviceAccount}`,
      trustDomain,
      namespace: w.namespace,
      serviceAccount,
    };
  };
  const withPeer =
    (caller: Caller) =>
    (edge: EdgeDetail): EdgeDetail =>
      edge.transport === 'mtls' ? { ...edge, peer: identity(caller) } : edge;
  const edges = (caller: Caller, server: WorkloadNode, port: number): EdgeBundle => {
    const bundle = bundleFor(context(caller), server, port);
    const attach = withPeer(caller);
    return { primary: attach(bundle.primary), alternatives: bundle.alternatives.map(attach) };
  };
  const evaluation: MtlsEvaluation = {
    dataplane: decisions,
    serverMode,
    transport(caller, server, port) {
      const { primary, alternatives } = edges(caller, server, port);
      return { ...publicEdge(primary), alternatives: alternatives.map(publicEdge) };
    },
    clientClass: (caller) => context(caller).key,
    identity,
    selectorLabels: labels,
  };
  const internals: MtlsInternals = {
    mesh,
    topology,
    peerAuthentications,
    destinationRules,
    sidecars,
    hosts,
    decision: decisions,
    composition: compositions,
    labels,
    context,
    edges,
    classEdges: (caller, server, port) => bundleFor(context(caller), server, port),
  };
  return { evaluation, internals };
}

function publicEdge(edge: EdgeDetail): EdgeTransport {
  return {
    transport: edge.transport,
    peer: edge.peer,
    reason: edge.reason,
    exact: edge.exact,
    client: edge.client,
    server: edge.server,
    via: edge.via,
    servicePort: edge.servicePort,
  };
}

function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute(key)));
    return value;
  };
}

function exposureKey(exposure: Exposure | null): string {
  return exposure === null
    ? 'direct'
    : `${exposure.entry.ref.kind}/${exposure.entry.namespace}/${exposure.entry.host}:${exposure.servicePort}`;
}
