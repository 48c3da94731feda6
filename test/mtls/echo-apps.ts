import type { TemplateValue } from './go-template.js';

/**
 * The echo apps of Istio's integration tests, as the README of
 * test/corpus/istio-integration-security describes them: one Service per app, a service account
 * named after it, and five ports (service port → workload port).
 */
export const ECHO_PORTS = [
  { name: 'http', port: 80, workloadPort: 18080 },
  { name: 'http2', port: 85, workloadPort: 18085 },
  { name: 'grpc', port: 7070, workloadPort: 17070 },
  { name: 'tcp', port: 9090, workloadPort: 19090 },
  { name: 'https', port: 443, workloadPort: 18443 },
] as const;

export type EchoPortName = (typeof ECHO_PORTS)[number]['name'];

export interface EchoApp {
  readonly name: string;
  readonly namespace: string;
  /** No sidecar: the echo framework sets `sidecar.istio.io/inject: "false"`. */
  readonly naked?: boolean;
  readonly headless?: boolean;
  /** Deployments `<name>-<version>`; one `v1` by default. */
  readonly subsets?: readonly { readonly version: string; readonly naked: boolean }[];
}

export function echoManifest(app: EchoApp): string {
  const subsets = app.subsets ?? [{ version: 'v1', naked: app.naked === true }];
  const docs = [
    `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${app.name}, namespace: ${app.namespace}}`,
    [
      'apiVersion: v1',
      'kind: Service',
      `metadata: {name: ${app.name}, namespace: ${app.namespace}}`,
      'spec:',
      ...(app.headless === true ? ['  clusterIP: None'] : []),
      `  selector: {app: ${app.name}}`,
      '  ports:',
      ...ECHO_PORTS.map(
        (p) => `  - {name: ${p.name}, port: ${p.port}, targetPort: ${p.workloadPort}}`,
      ),
    ].join('\n'),
    ...subsets.map((subset) =>
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${app.name}-${subset.version}, namespace: ${app.namespace}}`,
        'spec:',
        `  selector: {matchLabels: {app: ${app.name}, version: ${subset.version}}}`,
        '  template:',
        '    metadata:',
        `      labels: {app: ${app.name}, version: ${subset.version}}`,
        ...(subset.naked ? ['      annotations: {sidecar.istio.io/inject: "false"}'] : []),
        '    spec:',
        `      serviceAccountName: ${app.name}`,
        '      containers:',
        '      - name: app',
        '        image: echo',
        '        ports:',
        ...ECHO_PORTS.map((p) => `        - {containerPort: ${p.workloadPort}}`),
      ].join('\n'),
    ),
  ];
  return `${docs.join('\n---\n')}\n`;
}

/** `.To` / `.Allowed` / `.Denied` as the templates read them. */
export function echoTarget(app: EchoApp): TemplateValue {
  return {
    ServiceName: app.name,
    NamespaceName: app.namespace,
    ClusterLocalFQDN: `${app.name}.${app.namespace}.svc.cluster.local`,
    PortForName: (name: string) => {
      const port = ECHO_PORTS.find((p) => p.name === name);
      if (port === undefined) throw new Error(`no echo port ${name}`);
      return { Name: port.name, ServicePort: port.port, WorkloadPort: port.workloadPort };
    },
  };
}

export function workloadId(app: EchoApp, version = 'v1'): string {
  return `${app.namespace}/${app.name}-${version}`;
}
