import type { Mesh } from '../model/mesh.js';
import type { PeerIdentity } from '../topology/callers.js';
import type { Topology, WorkloadNode, WorkloadPort } from '../topology/index.js';
import type { CompiledPort } from './compile.js';
import { decidePort } from './decide.js';
import type { EngineOptions } from './evaluate.js';
import { createAuthzEngine } from './evaluate.js';
import type { IdentityAtom } from './identity.js';
import { identityAtomKey, outsidePeer, testIdentityAtom, workloadPeer } from './identity.js';
import type { AccessResult } from './types.js';

/**
 * Access for the whole graph without enumerating caller × workload pairs.
 *
 * Destinations: workloads whose ports have the same applicable policies, port and chain share one
 * compiled evaluator (`AuthzEngine.port` caches by that key). Callers: a compiled port reads a
 * handful of identity atoms (principal, namespace, service-account and trust-domain patterns);
 * two identities with the same truth vector over those atoms get the same answer. The atoms are
 * indexed so that, per destination class, only identities some atom treats differently from an
 * identity outside the manifests are looked at; every other identity shares the "other
 * identities" answer, and plaintext callers (no identity) share one more.
 */

export interface PortAccess {
  readonly workload: WorkloadNode;
  readonly port: WorkloadPort;
  /** A caller without identity (plaintext, no sidecar, outside the mesh). */
  readonly plaintext: AccessResult;
  /** Any identity no policy here names: also the `(any mesh identity)` pseudo-caller. */
  readonly otherIdentities: AccessResult;
  /** Identities from the manifests that some policy here names, with their answer. */
  readonly byPrincipal: ReadonlyMap<string, AccessResult>;
  /** The answer for any peer (an identity outside the manifests is evaluated on demand). */
  accessFor(peer: PeerIdentity | null): AccessResult;
}

export interface GraphStats {
  readonly workloads: number;
  readonly ports: number;
  readonly identities: number;
  /** Distinct compiled (policy set, port, chain) evaluators. */
  readonly destinationClasses: number;
  /** Sum over destination classes of distinct caller answers computed (plaintext and others included). */
  readonly callerClasses: number;
  /** Identity lookups done through the atom index, against `identities × destinationClasses` naively. */
  readonly identityChecks: number;
}

export interface AccessGraph {
  /** Sorted by workload id, then port. */
  readonly ports: readonly PortAccess[];
  readonly stats: GraphStats;
}

interface ClassAnswer {
  /** Caller classes evaluated: plaintext, the default identity class, and each distinct signature. */
  readonly classes: number;
  readonly plaintext: AccessResult;
  readonly other: AccessResult;
  readonly byPrincipal: ReadonlyMap<string, AccessResult>;
  readonly compiled: CompiledPort;
}

/** Access per workload port, computed on first request and cached by destination class. */
export interface AccessIndex {
  portAccess(workload: WorkloadNode, port: WorkloadPort): PortAccess;
  stats(): GraphStats;
}

/**
 * The lazy form of `evaluateGraph`: the diff asks only for the ports a change can affect, so a
 * 10,000-workload mesh with one edited policy compiles a handful of classes, not thousands.
 */
export function createAccessIndex(
  mesh: Mesh,
  topology: Topology,
  options: EngineOptions = {},
): AccessIndex {
  const engine = createAuthzEngine(mesh, options);
  const identities = new IdentityIndex(topology, mesh);
  const classes = new Map<CompiledPort, ClassAnswer>();
  const cache = new Map<WorkloadPort, PortAccess>();
  let callerClasses = 0;
  const compute = (workload: WorkloadNode, port: WorkloadPort): PortAccess => {
    const destination = engine.destination(workload);
    const compiled = engine.port(destination, port);
    if (compiled === null) {
      const fixed = engine.access(destination, port, null);
      return portAccess(
        workload,
        port,
        { classes: 1, plaintext: fixed, other: fixed, byPrincipal: new Map() },
        () => fixed,
      );
    }
    let answer = classes.get(compiled);
    if (answer === undefined) {
      answer = answerClass(compiled, identities);
      callerClasses += answer.classes;
      classes.set(compiled, answer);
    }
    const found = answer;
    const extra = new Map<string, AccessResult>();
    return portAccess(workload, port, found, (peer) => {
      const known = found.byPrincipal.get(peer.principal);
      if (known !== undefined) return known;
      // Every identity of the manifests that some atom sets apart was decided when the class was
      // answered; those not in byPrincipal got the same answer as an outside identity.
      if (identities.isKnown(peer)) return found.other;
      let result = extra.get(peer.principal);
      if (result === undefined) {
        result = decidePort(found.compiled, (atom) => testIdentityAtom(atom, peer)).result;
        extra.set(peer.principal, result);
      }
      return result;
    });
  };
  return {
    portAccess(workload, port) {
      let found = cache.get(port);
      if (found === undefined) {
        found = compute(workload, port);
        cache.set(port, found);
      }
      return found;
    },
    stats: () => ({
      workloads: topology.workloads.length,
      ports: cache.size,
      identities: identities.size,
      destinationClasses: classes.size,
      callerClasses,
      identityChecks: identities.checks,
    }),
  };
}

export function evaluateGraph(
  mesh: Mesh,
  topology: Topology,
  options: EngineOptions = {},
): AccessGraph {
  const index = createAccessIndex(mesh, topology, options);
  const ports = topology.workloads.flatMap((workload) =>
    workload.ports.map((port) => index.portAccess(workload, port)),
  );
  return { ports, stats: index.stats() };
}

function portAccess(
  workload: WorkloadNode,
  port: WorkloadPort,
  answer: Omit<ClassAnswer, 'compiled'>,
  identified: (peer: PeerIdentity) => AccessResult,
): PortAccess {
  return {
    workload,
    port,
    plaintext: answer.plaintext,
    otherIdentities: answer.other,
    byPrincipal: answer.byPrincipal,
    accessFor: (peer) => (peer === null ? answer.plaintext : identified(peer)),
  };
}

function answerClass(compiled: CompiledPort, identities: IdentityIndex): ClassAnswer {
  const atoms = atomsOf(compiled);
  const decide = (test: (atom: IdentityAtom) => boolean): AccessResult =>
    decidePort(compiled, test).result;
  const outside = identities.outside;
  const outsideVector = atoms.map((a) => testIdentityAtom(a, outside));
  const byKey = (vector: readonly boolean[]): ((atom: IdentityAtom) => boolean) => {
    const index = new Map(atoms.map((a, i) => [identityAtomKey(a), vector[i] ?? false]));
    return (atom) => index.get(identityAtomKey(atom)) ?? false;
  };
  const plaintext = decide(() => false);
  const other = decide(byKey(outsideVector));
  const bySignature = new Map<string, AccessResult>([[vectorKey(outsideVector), other]]);
  const byPrincipal = new Map<string, AccessResult>();
  for (const peer of identities.mentioned(atoms, outsideVector)) {
    const vector = atoms.map((a) => testIdentityAtom(a, peer));
    const key = vectorKey(vector);
    let result = bySignature.get(key);
    if (result === undefined) {
      result = decide(byKey(vector));
      bySignature.set(key, result);
    }
    if (result !== other) byPrincipal.set(peer.principal, result);
  }
  return { classes: 1 + bySignature.size, plaintext, other, byPrincipal, compiled };
}

function atomsOf(compiled: CompiledPort): IdentityAtom[] {
  const all = new Map<string, IdentityAtom>();
  for (const chain of compiled.chains)
    for (const [key, atom] of chain.identityAtoms) all.set(key, atom);
  return [...all.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, atom]) => atom);
}

function vectorKey(vector: readonly boolean[]): string {
  return vector.map((v) => (v ? '1' : '0')).join('');
}

/**
 * Every identity of the manifests (one per namespace and service account), indexed by namespace
 * and principal, with a cache of "which identities does this atom treat differently from an
 * outside identity" shared by all destination classes.
 */
class IdentityIndex {
  readonly outside: PeerIdentity;
  private readonly all: PeerIdentity[];
  private readonly byPrincipal = new Map<string, PeerIdentity>();
  private readonly byNamespace = new Map<string, PeerIdentity[]>();
  private readonly differing = new Map<string, readonly PeerIdentity[]>();
  checks = 0;

  constructor(topology: Topology, mesh: Mesh) {
    this.outside = outsidePeer(mesh.settings);
    for (const node of topology.workloads) {
      const peer = workloadPeer(
        mesh.settings,
        node.namespace,
        node.workload.serviceAccountName.value,
      );
      if (this.byPrincipal.has(peer.principal)) continue;
      this.byPrincipal.set(peer.principal, peer);
      const list = this.byNamespace.get(peer.namespace) ?? [];
      list.push(peer);
      this.byNamespace.set(peer.namespace, list);
    }
    this.all = [...this.byPrincipal.values()];
  }

  get size(): number {
    return this.all.length;
  }

  mentioned(atoms: readonly IdentityAtom[], outsideVector: readonly boolean[]): PeerIdentity[] {
    const out = new Map<string, PeerIdentity>();
    atoms.forEach((atom, i) => {
      for (const peer of this.differingFrom(atom, outsideVector[i] ?? false))
        out.set(peer.principal, peer);
    });
    return [...out.values()].sort((a, b) =>
      a.principal < b.principal ? -1 : a.principal > b.principal ? 1 : 0,
    );
  }

  /** An identity of the manifests (same principal, namespace and service account). */
  isKnown(peer: PeerIdentity): boolean {
    const known = this.byPrincipal.get(peer.principal);
    return (
      known !== undefined &&
      known.namespace === peer.namespace &&
      known.serviceAccount === peer.serviceAccount
    );
  }

  private differingFrom(atom: IdentityAtom, outsideMatches: boolean): readonly PeerIdentity[] {
    const key = identityAtomKey(atom);
    let found = this.differing.get(key);
    if (found === undefined) {
      const candidates = this.candidates(atom, outsideMatches);
      this.checks += candidates.length;
      found = candidates.filter((peer) => testIdentityAtom(atom, peer) !== outsideMatches);
      this.differing.set(key, found);
    }
    return found;
  }

  /**
   * Identities that might match an atom the outside identity does not: for an exact principal,
   * that principal; for an exact namespace or service account, that namespace's identities, plus
   * those of a namespace literally named `ns`, whose URI has a second `/ns/` segment the
   * namespace regex `.*\/ns/<value>/.*` can also match; patterns (and atoms the outside identity
   * matches) scan everyone once, cached per atom.
   */
  private candidates(atom: IdentityAtom, outsideMatches: boolean): readonly PeerIdentity[] {
    if (outsideMatches) return this.all;
    if (atom.kind === 'principal' && !atom.pattern.includes('*')) {
      const peer = this.byPrincipal.get(atom.pattern);
      return peer ? [peer] : [];
    }
    const inNamespace = (namespace: string): PeerIdentity[] => [
      ...(this.byNamespace.get(namespace) ?? []),
      ...(namespace === 'ns' ? [] : (this.byNamespace.get('ns') ?? [])),
    ];
    if (atom.kind === 'namespace' && !atom.pattern.includes('*')) return inNamespace(atom.pattern);
    if (atom.kind === 'serviceAccount') return inNamespace(atom.namespace);
    return this.all;
  }
}
