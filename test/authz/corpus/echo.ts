import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The echo test apps of Istio's integration tests and a renderer for the Go templates in
 * `test/corpus/istio-integration-security/testdata/authz` (README "The echo test apps"). The
 * renderer replaces each `{{ … }}` action by looking the expression up in a table; an unknown
 * expression throws, so a template using something this table does not know fails loudly.
 */

export const ROOT = 'istio-system';
export const ECHO_PORTS = {
  http: [80, 18080],
  http2: [85, 18085],
  grpc: [7070, 17070],
  tcp: [9090, 19090],
  https: [443, 18443],
} as const;
export type EchoPort = keyof typeof ECHO_PORTS;

export interface Echo {
  readonly namespace: string;
  readonly service: string;
  readonly address: string;
}

export function echo(namespace: string, service: string, address: string): Echo {
  return { namespace, service, address };
}

export function echoWorkloads(
  apps: readonly Echo[],
  extraLabels: Record<string, Record<string, string>> = {},
): string {
  return apps
    .flatMap((app) => [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: app.service, namespace: app.namespace },
        spec: {
          template: {
            metadata: {
              labels: { app: app.service, ...extraLabels[`${app.namespace}/${app.service}`] },
            },
            spec: {
              serviceAccountName: app.service,
              containers: [
                {
                  name: 'app',
                  ports: Object.values(ECHO_PORTS).map(([, containerPort]) => ({ containerPort })),
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: app.service, namespace: app.namespace },
        spec: {
          selector: { app: app.service },
          ports: Object.entries(ECHO_PORTS).map(([name, [port, targetPort]]) => ({
            name,
            port,
            targetPort,
          })),
        },
      },
    ])
    .map((d) => JSON.stringify(d))
    .join('\n---\n');
}

const DIR = join(
  import.meta.dirname,
  '..',
  '..',
  'corpus',
  'istio-integration-security',
  'testdata',
  'authz',
);

export interface RenderContext {
  readonly to: Echo;
  readonly allowed: Echo;
  readonly denied: Echo;
  /** For namespace-wide templates (`.Namespace.Prefix`). */
  readonly namespace?: string;
}

export function render(template: string, context: RenderContext, namespace: string): string {
  const text = readFileSync(join(DIR, `${template}.yaml.tmpl`), 'utf8');
  const values = table(context);
  const rendered = text.replace(/\{\{(.*?)\}\}/g, (_, expression: string) => {
    const key = expression
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/"/g, '`')
      .replace(/\( /g, '(')
      .replace(/ \)/g, ')');
    const value = values[key];
    if (value === undefined) throw new Error(`template ${template}: unknown expression ${key}`);
    return value;
  });
  // The test framework applies each template into a namespace (`kubectl apply -n`).
  return rendered
    .split(/^---\s*$/m)
    .filter((doc) => /\bkind:/.test(doc))
    .map((doc) =>
      /^\s+namespace:/m.test(doc)
        ? doc
        : doc.replace(/^metadata:\n/m, `metadata:\n  namespace: ${namespace}\n`),
    )
    .join('\n---\n');
}

function table(c: RenderContext): Record<string, string> {
  const identity = (e: Echo): string => `cluster.local/ns/${e.namespace}/sa/${e.service}`;
  const port = (name: EchoPort): string => String(ECHO_PORTS[name][1]);
  return {
    '.To.ServiceName': c.to.service,
    '.To.NamespaceName': c.to.namespace,
    '.To.ClusterLocalFQDN': `${c.to.service}.${c.to.namespace}.svc.cluster.local`,
    '.To.Config.Namespace.Prefix': c.to.namespace,
    '.To.MustWorkloads.Addresses | toJson': JSON.stringify([c.to.address]),
    '(.To.PortForName `http`).WorkloadPort': port('http'),
    '(.To.PortForName `http2`).WorkloadPort': port('http2'),
    '(.To.PortForName `grpc`).WorkloadPort': port('grpc'),
    '(.To.PortForName `tcp`).WorkloadPort': port('tcp'),
    '.Allowed.SpiffeIdentity': identity(c.allowed),
    '.Allowed.NamespaceName': c.allowed.namespace,
    '.Allowed.NamespacedName': `${c.allowed.namespace}/${c.allowed.service}`,
    '.Allowed.MustWorkloads.Addresses | toJson': JSON.stringify([c.allowed.address]),
    '.Denied.SpiffeIdentity': identity(c.denied),
    '.Denied.NamespaceName': c.denied.namespace,
    '.Denied.MustWorkloads.Addresses | toJson': JSON.stringify([c.denied.address]),
    '.Namespace.Prefix': c.namespace ?? c.to.namespace,
  };
}
