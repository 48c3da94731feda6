/**
 * Small manifest builders for the mTLS tests. They write YAML text, so every test also goes
 * through the real loader and topology.
 */

type Labels = Readonly<Record<string, string>>;

const map = (labels: Labels) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')}}`;

export function ns(name: string, labels: Labels = {}): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${map(labels)}}\n`;
}

export interface WorkloadSpec {
  readonly ns: string;
  readonly name: string;
  /** Pod labels; `app: <name>` is added unless given. */
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly ports?: readonly number[];
  readonly serviceAccount?: string;
  readonly hostNetwork?: boolean;
}

export function workload(spec: WorkloadSpec): string {
  const labels = { app: spec.name, ...spec.labels };
  const ports = spec.ports ?? [];
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${spec.name}, namespace: ${spec.ns}}`,
    'spec:',
    `  selector: {matchLabels: ${map(labels)}}`,
    '  template:',
    `    metadata: {labels: ${map(labels)}, annotations: ${map(spec.annotations ?? {})}}`,
    '    spec:',
    `      serviceAccountName: ${spec.serviceAccount ?? spec.name}`,
    ...(spec.hostNetwork === true ? ['      hostNetwork: true'] : []),
    '      containers:',
    '      - name: app',
    '        image: app',
    ...(ports.length > 0
      ? ['        ports:', ...ports.map((p) => `        - {containerPort: ${p}}`)]
      : []),
    '',
  ].join('\n');
}

export interface ServicePortSpec {
  readonly port: number;
  readonly targetPort?: number | string;
  readonly name?: string;
  readonly appProtocol?: string;
}

export function service(spec: {
  readonly ns: string;
  readonly name: string;
  readonly selector?: Labels;
  readonly ports: readonly ServicePortSpec[];
  readonly headless?: boolean;
  readonly annotations?: Labels;
}): string {
  return [
    'apiVersion: v1',
    'kind: Service',
    `metadata: {name: ${spec.name}, namespace: ${spec.ns}, annotations: ${map(spec.annotations ?? {})}}`,
    'spec:',
    ...(spec.headless === true ? ['  clusterIP: None'] : []),
    `  selector: ${map(spec.selector ?? { app: spec.name })}`,
    '  ports:',
    ...spec.ports.map(
      (p) =>
        `  - {port: ${p.port}, targetPort: ${JSON.stringify(p.targetPort ?? p.port)}, name: ${p.name ?? 'http'}${p.appProtocol ? `, appProtocol: ${p.appProtocol}` : ''}}`,
    ),
    '',
  ].join('\n');
}

export type Mode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';

export function peerAuthentication(spec: {
  readonly ns: string;
  readonly name: string;
  readonly selector?: Labels;
  readonly mode?: Mode;
  readonly portLevel?: Readonly<Record<number, Mode>>;
  readonly created?: string;
}): string {
  const lines = [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata:',
    `  name: ${spec.name}`,
    `  namespace: ${spec.ns}`,
    ...(spec.created ? [`  creationTimestamp: "${spec.created}"`] : []),
    'spec:',
  ];
  if (spec.selector) lines.push(`  selector: {matchLabels: ${map(spec.selector)}}`);
  if (spec.mode !== undefined && spec.mode !== 'UNSET') lines.push(`  mtls: {mode: ${spec.mode}}`);
  if (spec.mode === 'UNSET') lines.push('  mtls: {}');
  const portLevel = Object.entries(spec.portLevel ?? {});
  if (portLevel.length > 0) {
    lines.push('  portLevelMtls:');
    for (const [port, mode] of portLevel)
      lines.push(mode === 'UNSET' ? `    ${port}: {}` : `    ${port}: {mode: ${mode}}`);
  }
  if (lines[lines.length - 1] === 'spec:') lines[lines.length - 1] = 'spec: {}';
  return `${lines.join('\n')}\n`;
}

export type TlsSpec = string | { readonly mode?: string; readonly credentialName?: string } | null;

function tlsLines(tls: TlsSpec | undefined, indent: string): string[] {
  if (tls === undefined || tls === null) return [];
  if (typeof tls === 'string') return [`${indent}tls: {mode: ${tls}}`];
  const fields = [
    ...(tls.mode ? [`mode: ${tls.mode}`] : []),
    ...(tls.credentialName ? [`credentialName: ${tls.credentialName}`] : []),
  ];
  return [`${indent}tls: {${fields.join(', ')}}`];
}

export function destinationRule(spec: {
  readonly ns: string;
  readonly name: string;
  readonly host: string;
  readonly tls?: TlsSpec;
  readonly portLevel?: readonly { readonly port: number; readonly tls?: TlsSpec }[];
  readonly exportTo?: readonly string[];
  readonly selector?: Labels;
  readonly loadBalancer?: string;
  readonly subsets?: readonly {
    readonly name: string;
    readonly labels: Labels;
    readonly tls?: TlsSpec;
  }[];
  readonly created?: string;
}): string {
  const lines = [
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${spec.name}`,
    `  namespace: ${spec.ns}`,
    ...(spec.created ? [`  creationTimestamp: "${spec.created}"`] : []),
    'spec:',
    `  host: ${JSON.stringify(spec.host)}`,
  ];
  if (spec.exportTo) lines.push(`  exportTo: ${JSON.stringify(spec.exportTo)}`);
  if (spec.selector) lines.push(`  workloadSelector: {matchLabels: ${map(spec.selector)}}`);
  const policy = [
    ...tlsLines(spec.tls, '    '),
    ...(spec.loadBalancer ? [`    loadBalancer: {simple: ${spec.loadBalancer}}`] : []),
    ...(spec.portLevel && spec.portLevel.length > 0
      ? [
          '    portLevelSettings:',
          ...spec.portLevel.flatMap((p) => [
            `    - port: {number: ${p.port}}`,
            ...tlsLines(p.tls, '      '),
          ]),
        ]
      : []),
  ];
  if (policy.length > 0) lines.push('  trafficPolicy:', ...policy);
  if (spec.subsets && spec.subsets.length > 0) {
    lines.push('  subsets:');
    for (const s of spec.subsets) {
      lines.push(`  - name: ${s.name}`, `    labels: ${map(s.labels)}`);
      const tls = tlsLines(s.tls, '      ');
      if (tls.length > 0) lines.push('    trafficPolicy:', ...tls);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function sidecar(spec: {
  readonly ns: string;
  readonly name: string;
  readonly selector?: Labels;
  readonly hosts?: readonly string[];
  readonly port?: number;
  readonly outbound?: 'ALLOW_ANY' | 'REGISTRY_ONLY';
}): string {
  const lines = [
    'apiVersion: networking.istio.io/v1',
    'kind: Sidecar',
    `metadata: {name: ${spec.name}, namespace: ${spec.ns}}`,
    'spec:',
  ];
  if (spec.selector) lines.push(`  workloadSelector: {labels: ${map(spec.selector)}}`);
  if (spec.hosts) {
    lines.push('  egress:');
    lines.push(
      spec.port === undefined
        ? `  - hosts: ${JSON.stringify(spec.hosts)}`
        : `  - port: {number: ${spec.port}, protocol: HTTP, name: http}\n    hosts: ${JSON.stringify(spec.hosts)}`,
    );
  }
  if (spec.outbound) lines.push(`  outboundTrafficPolicy: {mode: ${spec.outbound}}`);
  if (lines[lines.length - 1] === 'spec:') lines[lines.length - 1] = 'spec: {}';
  return `${lines.join('\n')}\n`;
}

export function serviceEntry(spec: {
  readonly ns: string;
  readonly name: string;
  readonly hosts: readonly string[];
  readonly location?: 'MESH_INTERNAL' | 'MESH_EXTERNAL';
  readonly resolution?: string;
  readonly selector?: Labels;
  readonly ports: readonly {
    readonly number: number;
    readonly targetPort?: number;
    readonly protocol?: string;
  }[];
  readonly exportTo?: readonly string[];
}): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: ServiceEntry',
    `metadata: {name: ${spec.name}, namespace: ${spec.ns}}`,
    'spec:',
    `  hosts: ${JSON.stringify(spec.hosts)}`,
    ...(spec.location ? [`  location: ${spec.location}`] : []),
    `  resolution: ${spec.resolution ?? 'STATIC'}`,
    ...(spec.selector ? [`  workloadSelector: {labels: ${map(spec.selector)}}`] : []),
    ...(spec.exportTo ? [`  exportTo: ${JSON.stringify(spec.exportTo)}`] : []),
    '  ports:',
    ...spec.ports.map(
      (p) =>
        `  - {number: ${p.number}, name: p${p.number}, protocol: ${p.protocol ?? 'HTTP'}${p.targetPort ? `, targetPort: ${p.targetPort}` : ''}}`,
    ),
    '',
  ].join('\n');
}

export function meshConfig(mesh: Readonly<Record<string, unknown>>): string {
  const body = Object.entries(mesh)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |-\n${body}\n`;
}

/** Joins documents into one YAML stream. */
export function docs(...documents: readonly string[]): string {
  return documents.join('---\n');
}

/**
 * The base scenario most tests extend: `shop` is injected and holds `client` and `server`
 * (container port 8080 behind Service `server` port 80, HTTP) and `tcp-server` (9000, TCP);
 * `legacy` is not injected and holds `legacy-client` and `legacy-server` (8080 behind port 80).
 */
export function baseMesh(): Record<string, string> {
  return {
    'namespaces.yaml': docs(
      ns('shop', { 'istio-injection': 'enabled' }),
      ns('legacy'),
      ns('istio-system'),
    ),
    'shop.yaml': docs(
      workload({ ns: 'shop', name: 'client' }),
      workload({ ns: 'shop', name: 'server', ports: [8080] }),
      service({ ns: 'shop', name: 'server', ports: [{ port: 80, targetPort: 8080 }] }),
      workload({ ns: 'shop', name: 'tcp-server', ports: [9000] }),
      service({ ns: 'shop', name: 'tcp-server', ports: [{ port: 9000, name: 'tcp' }] }),
    ),
    'legacy.yaml': docs(
      workload({ ns: 'legacy', name: 'legacy-client' }),
      workload({ ns: 'legacy', name: 'legacy-server', ports: [8080] }),
      service({ ns: 'legacy', name: 'legacy-server', ports: [{ port: 80, targetPort: 8080 }] }),
    ),
  };
}
