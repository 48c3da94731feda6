/**
 * The manifest templates of the generated mesh, one function per object kind. Each returns the
 * object's YAML text as kubectl or Helm would write it (block style, a few flow collections and
 * quoted strings), so parsers and analyses see realistic input.
 */

export interface Workload {
  readonly name: string;
  readonly namespace: string;
  readonly ports: readonly { name: string; port: number; targetPort: number }[];
}

export interface ManifestObject {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly text: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const PATHS = ['/api/*', '/healthz', '/v1/orders/*', '/metrics', '/internal/*'];

function obj(namespace: string, kind: string, name: string, text: string): ManifestObject {
  return { namespace, kind, name, text };
}

export function istioSystemNamespace(): ManifestObject {
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

export function namespaceObject(ns: string, i: number): ManifestObject {
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

export function deployment(w: Workload, rnd: () => number): ManifestObject {
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

export function service(w: Workload, rnd: () => number): ManifestObject {
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

export function serviceAccount(w: Workload): ManifestObject {
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

export function meshPeerAuthentication(): ManifestObject {
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

export function namespacePeerAuthentication(ns: string, mode: string): ManifestObject {
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

export function peerAuthentication(w: Workload, i: number): ManifestObject {
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

export function meshDenyAll(): ManifestObject {
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

export function authorizationPolicy(
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

export function destinationRule(w: Workload, i: number): ManifestObject {
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

export function serviceEntry(ns: string, i: number): ManifestObject {
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

export function sidecar(ns: string, i: number): ManifestObject {
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
