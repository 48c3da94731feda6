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

interface Workload {
  readonly name: string;
  readonly namespace: string;
  readonly ports: readonly { name: string; port: number; targetPort: number }[];
}

interface ManifestObject {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
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
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const PATHS = ['/api/*', '/healthz', '/v1/orders/*', '/metrics', '/internal/*'];

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

function obj(namespace: string, kind: string, name: string, text: string): ManifestObject {
  return { namespace, kind, name, text };
}

function istioSystemNamespace(): ManifestObject {
  return obj(
    'istio-system',
    'Namespace',
    'istio-system',
    `apiVersion: v1
kind: Namespace
metadata:
  name: istio-system
`,
  );
}

function namespaceObject(ns: string, i: number): ManifestObject {
  const label =
    ns === 'legacy'
      ? ''
      : i % 4 === 3
        ? '    istio.io/rev: stable\n'
        : '    istio-injection: enabled\n';
  return obj(
    ns,
    'Namespace',
    ns,
    `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    team: team-${i % 7}
${label}`,
  );
}

function deployment(w: Workload, rnd: () => number): ManifestObject {
  const version = `v${1 + Math.floor(rnd() * 3)}`;
  const ports = w.ports
    .map(
      (p, i) =>
        `        - name: ${p.name}\n          containerPort: ${p.targetPort}\n${i === 0 ? '          protocol: TCP\n' : ''}`,
    )
    .join('');
  const first = w.ports[0] as Workload['ports'][number];
  const replicas = 1 + Math.floor(rnd() * 4);
  // Some manifests quote annotation values, some put args in flow style: both are common.
  const args =
    rnd() < 0.3 ? `        args: ["--port", "${first.targetPort}", "--log-format=json"]\n` : '';
  return obj(
    w.namespace,
    'Deployment',
    w.name,
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${w.name}
  namespace: ${w.namespace}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${w.name}
  template:
    metadata:
      labels:
        app: ${w.name}
        version: ${version}
      annotations:
        sidecar.istio.io/inject: "true"
    spec:
      serviceAccountName: ${w.name}
      containers:
      - name: server
        image: registry.example.com/${w.name}:1.${Math.floor(rnd() * 20)}.0
${args}        ports:
${ports}        env:
        - name: PORT
          value: '${first.targetPort}'
        resources:
          requests: {cpu: 100m, memory: 128Mi}
        readinessProbe:
          tcpSocket:
            port: ${first.targetPort}
`,
  );
}

function service(w: Workload, rnd: () => number): ManifestObject {
  const ports = w.ports
    .map((p) => {
      const target = rnd() < 0.4 ? p.name : String(p.targetPort);
      return `  - name: ${p.name}\n    port: ${p.port}\n    targetPort: ${target}\n`;
    })
    .join('');
  return obj(
    w.namespace,
    'Service',
    w.name,
    `apiVersion: v1
kind: Service
metadata:
  name: ${w.name}
  namespace: ${w.namespace}
spec:
  selector:
    app: ${w.name}
  ports:
${ports}`,
  );
}

function serviceAccount(w: Workload): ManifestObject {
  return obj(
    w.namespace,
    'ServiceAccount',
    w.name,
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${w.name}
  namespace: ${w.namespace}
`,
  );
}

function meshPeerAuthentication(): ManifestObject {
  return obj(
    'istio-system',
    'PeerAuthentication',
    'default',
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
`,
  );
}

function namespacePeerAuthentication(ns: string, mode: string): ManifestObject {
  return obj(
    ns,
    'PeerAuthentication',
    'default',
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${ns}
spec:
  mtls:
    mode: ${mode}
`,
  );
}

function peerAuthentication(w: Workload, i: number): ManifestObject {
  const name = `pa-${w.name}-${i}`;
  const port = (w.ports[w.ports.length - 1] as Workload['ports'][number]).targetPort;
  return obj(
    w.namespace,
    'PeerAuthentication',
    name,
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: ${name}
  namespace: ${w.namespace}
spec:
  selector:
    matchLabels:
      app: ${w.name}
  mtls:
    mode: ${i % 3 === 0 ? 'PERMISSIVE' : 'STRICT'}
  portLevelMtls:
    ${port}:
      mode: ${i % 2 === 0 ? 'DISABLE' : 'PERMISSIVE'}
`,
  );
}

function meshDenyAll(): ManifestObject {
  return obj(
    'istio-system',
    'AuthorizationPolicy',
    'deny-all',
    `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-all
  namespace: istio-system
spec: {}
`,
  );
}

function principal(w: Workload): string {
  return `cluster.local/ns/${w.namespace}/sa/${w.name}`;
}

function authorizationPolicy(
  w: Workload,
  i: number,
  all: readonly Workload[],
  rnd: () => number,
): ManifestObject {
  const name = `${i % 7 === 6 ? 'deny' : 'allow'}-${w.name}-${i}`;
  const peer = (): Workload => all[Math.floor(rnd() * all.length)] as Workload;
  const head = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${name}
  namespace: ${w.namespace}
spec:
  selector:
    matchLabels:
      app: ${w.name}
`;
  if (i % 7 === 6) {
    return obj(
      w.namespace,
      'AuthorizationPolicy',
      name,
      `${head}  action: DENY
  rules:
  - from:
    - source:
        notPrincipals: ["${principal(peer())}"]
        namespaces: [legacy]
`,
    );
  }
  const port = (w.ports[0] as Workload['ports'][number]).targetPort;
  const when =
    i % 11 === 10
      ? `    when:
    - key: request.headers[x-tenant]
      values: ["acme", "globex"]
`
      : '';
  return obj(
    w.namespace,
    'AuthorizationPolicy',
    name,
    `${head}  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - ${principal(peer())}
        - ${principal(peer())}
    to:
    - operation:
        methods: ["${METHODS[i % 2] as string}", "${METHODS[2 + (i % 3)] as string}"]
        paths: ["${PATHS[i % PATHS.length] as string}"]
${i % 2 === 0 ? `        ports: ["${port}"]\n` : ''}${when}`,
  );
}

function destinationRule(w: Workload, i: number): ManifestObject {
  const name = `dr-${w.name}-${i}`;
  const mode = i % 5 === 4 ? 'DISABLE' : 'ISTIO_MUTUAL';
  const last = w.ports[w.ports.length - 1] as Workload['ports'][number];
  const portLevel =
    i % 3 === 0
      ? `    portLevelSettings:
    - port:
        number: ${last.port}
      tls:
        mode: ${mode === 'DISABLE' ? 'ISTIO_MUTUAL' : 'DISABLE'}
`
      : '';
  return obj(
    w.namespace,
    'DestinationRule',
    name,
    `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${name}
  namespace: ${w.namespace}
spec:
  host: ${w.name}.${w.namespace}.svc.cluster.local
  trafficPolicy:
    tls:
      mode: ${mode}
${portLevel}`,
  );
}

function serviceEntry(ns: string, i: number): ManifestObject {
  const name = `partner-api-${i}`;
  return obj(
    ns,
    'ServiceEntry',
    name,
    `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  hosts:
  - api.partner${i}.example.com
  ports:
  - number: 443
    name: https
    protocol: TLS
  resolution: DNS
  location: MESH_EXTERNAL
`,
  );
}

function sidecar(ns: string, i: number): ManifestObject {
  return obj(
    ns,
    'Sidecar',
    `default-${i}`,
    `apiVersion: networking.istio.io/v1
kind: Sidecar
metadata:
  name: default-${i}
  namespace: ${ns}
spec:
  egress:
  - hosts:
    - "./*"
    - "istio-system/*"
`,
  );
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
