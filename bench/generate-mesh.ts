/**
 * Deterministic generator of a realistic Istio mesh, for benchmarks (parsing, mTLS, authz, diff).
 *
 * `generateMesh(options)` returns `{ path, text }[]`: YAML manifests as a repository would hold
 * them. The same options always give byte-identical output.
 *
 * Options (all counts are totals for the whole mesh):
 * - `workloads` (required): N workloads, spread over namespaces of `namespaceSize` (default 50).
 *   Each workload is a Deployment (pod template with labels, annotations, resources, env, a
 *   readiness probe, 1-3 container ports), a Service (named ports, some `targetPort` by name)
 *   and a ServiceAccount. About 1.65 KB of YAML per workload with the default policy counts, so
 *   10,000 workloads are about 16.5 MB.
 * - `authorizationPolicies` (default `workloads`): per-workload policies, beyond the mesh-wide
 *   default-deny in `istio-system`. Mostly ALLOW with principals, methods, paths and ports; every
 *   7th is a DENY with `notPrincipals`/`namespaces`; every 11th has a `when` condition.
 * - `peerAuthentications` (default `workloads / 20`): a quarter namespace-wide (`default`,
 *   STRICT or PERMISSIVE, at most one per namespace), the rest workload-level with
 *   `portLevelMtls`; beyond the mesh-wide STRICT one in `istio-system`. The legacy namespace
 *   always gets a PERMISSIVE namespace-wide policy.
 * - `destinationRules` (default `workloads / 5`): ISTIO_MUTUAL, some DISABLE, some with
 *   port-level TLS settings.
 * - `serviceEntries` (default one per 5 namespaces) and `sidecars` (default one per 3 namespaces).
 * - `namespaceSize` (default 50): workloads per namespace. Namespaces are `mesh-000`,
 *   `mesh-001`, ...; every 4th is labelled `istio.io/rev: stable` instead of
 *   `istio-injection: enabled`, and the last one, `legacy`, has no injection label at all.
 * - `seed` (default 1): varies names, ports, principals and styles.
 * - `layout` (default `'file-per-namespace'`): `'file-per-object'` (`<ns>/<kind>-<name>.yaml`,
 *   one document each), `'file-per-namespace'` (`<ns>.yaml`, documents separated by `---`), or
 *   `'single-file'` (`mesh.yaml`).
 *
 * `mutate(files, fraction, seed)` returns a copy in which about `fraction` of the per-workload
 * AuthorizationPolicies changed (a principal added, a method changed, or the action flipped),
 * as a realistic "head" side of a pull request. Untouched files keep their exact text.
 */

import {
  authorizationPolicy,
  deployment,
  destinationRule,
  istioSystemNamespace,
  meshDenyAll,
  meshPeerAuthentication,
  namespaceObject,
  namespacePeerAuthentication,
  peerAuthentication,
  service,
  serviceAccount,
  serviceEntry,
  sidecar,
} from './mesh-objects.js';
import type { ManifestObject, Workload } from './mesh-objects.js';

export type MeshLayout = 'file-per-object' | 'file-per-namespace' | 'single-file';

export interface MeshOptions {
  readonly workloads: number;
  readonly authorizationPolicies?: number;
  readonly peerAuthentications?: number;
  readonly destinationRules?: number;
  readonly serviceEntries?: number;
  readonly sidecars?: number;
  readonly namespaceSize?: number;
  readonly seed?: number;
  readonly layout?: MeshLayout;
}

export interface MeshFile {
  readonly path: string;
  readonly text: string;
}

/** mulberry32: small, fast and good enough to vary synthetic data reproducibly. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['frontend', 'checkout', 'cart', 'payments', 'catalog', 'search', 'ledger', 'users'];
const PORT_NAMES = ['http', 'grpc', 'http-admin'];

export function generateMesh(options: MeshOptions): MeshFile[] {
  const rnd = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const size = options.namespaceSize ?? 50;
  const nsCount = Math.max(1, Math.ceil(options.workloads / size));
  const namespaces = Array.from({ length: nsCount }, (_, i) =>
    i === nsCount - 1 && nsCount > 1 ? 'legacy' : `mesh-${String(i).padStart(3, '0')}`,
  );
  const workloads: Workload[] = [];
  for (let i = 0; i < options.workloads; i++) {
    const namespace = namespaces[Math.floor(i / size)] as string;
    const portCount = 1 + Math.floor(rnd() * 3);
    const ports = PORT_NAMES.slice(0, portCount).map((name, p) => ({
      name,
      port: p === 0 ? 80 : 9000 + p,
      targetPort: 8080 + p * 10 + Math.floor(rnd() * 5),
    }));
    workloads.push({ name: `${pick(APPS)}-${String(i).padStart(5, '0')}`, namespace, ports });
  }
  const objects: ManifestObject[] = [
    istioSystemNamespace(),
    meshPeerAuthentication(),
    meshDenyAll(),
  ];
  namespaces.forEach((ns, i) => objects.push(namespaceObject(ns, i)));
  for (const w of workloads) {
    objects.push(deployment(w, rnd), service(w, rnd), serviceAccount(w));
  }
  // Policies attach to workloads, so a mesh without workloads has none.
  const count = (value: number | undefined, fallback: number): number =>
    workloads.length === 0 ? 0 : (value ?? fallback);
  const nth = (i: number): Workload => workloads[i % workloads.length] as Workload;
  const aps = count(options.authorizationPolicies, workloads.length);
  for (let i = 0; i < aps; i++) objects.push(authorizationPolicy(nth(i), i, workloads, rnd));
  const pas = count(options.peerAuthentications, Math.ceil(workloads.length / 20));
  if (nsCount > 1) objects.push(namespacePeerAuthentication('legacy', 'PERMISSIVE'));
  const nsWide = Math.min(Math.ceil(pas / 4), nsCount - 1);
  for (let j = 0; j < nsWide; j++) {
    const mode = j % 2 === 0 ? 'STRICT' : 'PERMISSIVE';
    objects.push(namespacePeerAuthentication(namespaces[j] as string, mode));
  }
  for (let i = 0; i < pas - nsWide; i++) objects.push(peerAuthentication(nth(i * 7), i));
  const drs = count(options.destinationRules, Math.ceil(workloads.length / 5));
  for (let i = 0; i < drs; i++) objects.push(destinationRule(nth(i * 3), i));
  const ses = count(options.serviceEntries, Math.ceil(nsCount / 5));
  for (let i = 0; i < ses; i++) objects.push(serviceEntry(namespaces[i % nsCount] as string, i));
  const scs = count(options.sidecars, Math.ceil(nsCount / 3));
  for (let i = 0; i < scs; i++) objects.push(sidecar(namespaces[(i * 3) % nsCount] as string, i));
  return layout(objects, options.layout ?? 'file-per-namespace');
}

function layout(objects: readonly ManifestObject[], mode: MeshLayout): MeshFile[] {
  if (mode === 'file-per-object') {
    const seen = new Map<string, number>();
    return objects.map((o) => {
      const base = `${o.namespace}/${o.kind.toLowerCase()}-${o.name}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return { path: `${base}${n === 0 ? '' : `-${n}`}.yaml`, text: o.text };
    });
  }
  if (mode === 'single-file') return [{ path: 'mesh.yaml', text: joinDocuments(objects) }];
  const byNamespace = new Map<string, ManifestObject[]>();
  for (const o of objects) {
    const list = byNamespace.get(o.namespace) ?? [];
    list.push(o);
    byNamespace.set(o.namespace, list);
  }
  return [...byNamespace].map(([ns, list]) => ({ path: `${ns}.yaml`, text: joinDocuments(list) }));
}

function joinDocuments(objects: readonly ManifestObject[]): string {
  return objects.map((o) => o.text).join('---\n');
}

/**
 * Changes about `fraction` of the per-workload AuthorizationPolicies: adds a principal, changes
 * a method, or flips ALLOW/DENY. Files without a changed policy keep their text unchanged.
 */
export function mutate(files: readonly MeshFile[], fraction: number, seed: number): MeshFile[] {
  const rnd = random(seed);
  return files.map((file) => {
    const docs = file.text.split(/^---\n/m);
    let changed = false;
    const out = docs.map((doc) => {
      if (!doc.includes('kind: AuthorizationPolicy') || !doc.includes('  selector:')) return doc;
      if (rnd() >= fraction) return doc;
      changed = true;
      return mutatePolicy(doc, Math.floor(rnd() * 3));
    });
    return changed ? { path: file.path, text: out.join('---\n') } : file;
  });
}

function mutatePolicy(doc: string, kind: number): string {
  if (kind === 0 && doc.includes('        principals:\n')) {
    return doc.replace(
      '        principals:\n',
      '        principals:\n        - cluster.local/ns/intruder/sa/added-by-pr\n',
    );
  }
  if (kind === 1 && doc.includes('methods: ["'))
    return doc.replace(/methods: \["[A-Z]+"/, 'methods: ["DELETE"');
  if (doc.includes('action: ALLOW')) return doc.replace('action: ALLOW', 'action: DENY');
  return doc.replace('action: DENY', 'action: ALLOW');
}
