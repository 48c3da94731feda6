import fc from 'fast-check';

/**
 * Small random meshes and random edits, as YAML, for the property tests of the diff: enough
 * variety to reach every kind of object the dirty scope reasons about (namespaces and their
 * injection labels, workloads and their labels and service accounts, Services, every security
 * policy level, DestinationRules, Sidecars), small enough for the brute-force reference.
 */
const NAMESPACES = ['alpha', 'beta', 'istio-system'] as const;
const APPS = ['api', 'db', 'web'] as const;

export interface MeshSpec {
  readonly injection: Record<string, boolean>;
  readonly workloads: readonly WorkloadSpec[];
  readonly policies: readonly string[];
}

interface WorkloadSpec {
  readonly namespace: string;
  readonly app: string;
  readonly serviceAccount: string;
  readonly version: string;
  readonly sidecar: boolean;
  readonly portName: string;
  /** The Service selects `version` too, so relabelling moves the workload out of it. */
  readonly selectVersion: boolean;
}

const namespace = fc.constantFrom(...NAMESPACES);
const app = fc.constantFrom(...APPS);
const principal = fc.tuple(namespace, app).map(([ns, a]) => `cluster.local/ns/${ns}/sa/${a}`);

const workload: fc.Arbitrary<WorkloadSpec> = fc.record({
  namespace: fc.constantFrom('alpha', 'beta'),
  app,
  serviceAccount: fc.oneof(app, fc.constant('default')),
  version: fc.constantFrom('v1', 'v2'),
  sidecar: fc.boolean(),
  portName: fc.constantFrom('http', 'tcp', 'grpc', 'web'),
  selectVersion: fc.boolean(),
});

const selector = fc.option(
  fc.record({ app, version: fc.option(fc.constantFrom('v1', 'v2'), { nil: undefined }) }),
  { nil: null },
);

function selectorYaml(
  labels: { app: string; version?: string | undefined } | null,
  key = 'selector',
  inner = 'matchLabels',
): string {
  if (labels === null) return '';
  const pairs = Object.entries(labels)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  return `  ${key}: {${inner}: {${pairs}}}\n`;
}

const authorizationPolicy = fc
  .record({
    namespace,
    selector,
    action: fc.constantFrom('ALLOW', 'ALLOW', 'DENY'),
    rules: fc.array(
      fc.record({
        from: fc.option(
          fc.oneof(
            principal.map((p) => `principals: ["${p}"]`),
            namespace.map((n) => `namespaces: ["${n}"]`),
            namespace.map((n) => `notNamespaces: ["${n}"]`),
            fc.constant('principals: ["*"]'),
          ),
          { nil: null },
        ),
        to: fc.option(
          fc.oneof(
            fc.constant('methods: ["GET"]'),
            fc.constant('paths: ["/admin*"]'),
            fc.constant('ports: ["8080"]'),
            fc.constant('notMethods: ["DELETE"]'),
          ),
          { nil: null },
        ),
      }),
      { maxLength: 2 },
    ),
    noRules: fc.boolean(),
  })
  .map((p) => (index: number) => {
    const rules =
      p.noRules && p.action === 'ALLOW'
        ? ''
        : `  rules:\n${(p.rules.length === 0 ? [{ from: null, to: null }] : p.rules).map((r) => `  - ${r.from === null && r.to === null ? '{}' : ''}${r.from === null ? '' : `from: [{source: {${r.from}}}]`}${r.to === null ? '' : `${r.from === null ? '' : '\n    '}to: [{operation: {${r.to}}}]`}`).join('\n')}\n`;
    return `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ap-${index}, namespace: ${p.namespace}}\nspec:\n${selectorYaml(p.selector)}  action: ${p.action}\n${rules}`;
  });

const peerAuthentication = fc
  .record({
    namespace,
    selector,
    mode: fc.constantFrom('STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET'),
    portLevel: fc.option(fc.constantFrom('STRICT', 'PERMISSIVE', 'DISABLE'), { nil: null }),
  })
  .map((p) => (index: number) => {
    const portLevel =
      p.portLevel !== null && p.selector !== null
        ? `  portLevelMtls: {8080: {mode: ${p.portLevel}}}\n`
        : '';
    return `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: pa-${index}, namespace: ${p.namespace}}\nspec:\n${selectorYaml(p.selector)}  mtls: {mode: ${p.mode}}\n${portLevel}`;
  });

const destinationRule = fc
  .record({
    namespace,
    host: fc.oneof(
      app,
      app.map((a) => `${a}.alpha.svc.cluster.local`),
      fc.constant('*.beta.svc.cluster.local'),
    ),
    mode: fc.constantFrom('ISTIO_MUTUAL', 'DISABLE', 'SIMPLE'),
  })
  .map(
    (d) => (index: number) =>
      `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: dr-${index}, namespace: ${d.namespace}}\nspec:\n  host: "${d.host}"\n  trafficPolicy: {tls: {mode: ${d.mode}}}\n`,
  );

const sidecar = fc
  .record({
    namespace: fc.constantFrom('alpha', 'beta'),
    selector,
    hosts: fc.constantFrom('./*', 'alpha/*', 'istio-system/*'),
  })
  .map(
    (s) => (index: number) =>
      `apiVersion: networking.istio.io/v1\nkind: Sidecar\nmetadata: {name: sc-${index}, namespace: ${s.namespace}}\nspec:\n${selectorYaml(s.selector, 'workloadSelector', 'labels')}  egress: [{hosts: ["${s.hosts}"]}]\n`,
  );

const policy = fc.oneof(
  { weight: 4, arbitrary: authorizationPolicy },
  { weight: 2, arbitrary: peerAuthentication },
  { weight: 2, arbitrary: destinationRule },
  { weight: 2, arbitrary: sidecar },
);

export const meshSpec: fc.Arbitrary<MeshSpec> = fc.record({
  injection: fc.record({ alpha: fc.boolean(), beta: fc.boolean() }),
  workloads: fc.uniqueArray(workload, {
    minLength: 2,
    maxLength: 5,
    selector: (w) => `${w.namespace}/${w.app}`,
  }),
  policies: fc.array(policy, { maxLength: 6 }).map((list) => list.map((make, i) => make(i))),
});

/** One edit a pull request might make. */
export const edit = fc.oneof(
  fc.record({ kind: fc.constant('replace-policy' as const), index: fc.nat(), policy }),
  fc.record({ kind: fc.constant('add-policy' as const), policy }),
  fc.record({ kind: fc.constant('remove-policy' as const), index: fc.nat() }),
  fc.record({
    kind: fc.constant('relabel' as const),
    index: fc.nat(),
    version: fc.constantFrom('v1', 'v2', 'v3'),
  }),
  fc.record({
    kind: fc.constant('service-account' as const),
    index: fc.nat(),
    serviceAccount: fc.constantFrom('api', 'db', 'web', 'default', 'other'),
  }),
  fc.record({ kind: fc.constant('sidecar' as const), index: fc.nat() }),
  fc.record({
    kind: fc.constant('injection' as const),
    namespace: fc.constantFrom('alpha', 'beta'),
  }),
  fc.record({
    kind: fc.constant('port-name' as const),
    index: fc.nat(),
    portName: fc.constantFrom('http', 'tcp', 'grpc', 'web'),
  }),
);

export type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

export function applyEdit(spec: MeshSpec, change: Edit): MeshSpec {
  const at = <T>(list: readonly T[], index: number) =>
    list.length === 0 ? -1 : index % list.length;
  const updateWorkload = (index: number, update: (w: WorkloadSpec) => WorkloadSpec) => {
    const i = at(spec.workloads, index);
    return { ...spec, workloads: spec.workloads.map((w, j) => (j === i ? update(w) : w)) };
  };
  switch (change.kind) {
    case 'replace-policy': {
      const i = at(spec.policies, change.index);
      return i < 0
        ? spec
        : { ...spec, policies: spec.policies.map((p, j) => (j === i ? change.policy(j) : p)) };
    }
    case 'add-policy':
      return { ...spec, policies: [...spec.policies, change.policy(spec.policies.length)] };
    case 'remove-policy': {
      const i = at(spec.policies, change.index);
      return { ...spec, policies: spec.policies.filter((_, j) => j !== i) };
    }
    case 'relabel':
      return updateWorkload(change.index, (w) => ({ ...w, version: change.version }));
    case 'service-account':
      return updateWorkload(change.index, (w) => ({ ...w, serviceAccount: change.serviceAccount }));
    case 'sidecar':
      return updateWorkload(change.index, (w) => ({ ...w, sidecar: !w.sidecar }));
    case 'injection':
      return {
        ...spec,
        injection: { ...spec.injection, [change.namespace]: !spec.injection[change.namespace] },
      };
    case 'port-name':
      return updateWorkload(change.index, (w) => ({ ...w, portName: change.portName }));
  }
}

export function meshFiles(spec: MeshSpec): { path: string; text: string }[] {
  const namespaces = ['alpha', 'beta']
    .map(
      (ns) =>
        `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels: {istio-injection: ${spec.injection[ns] ? 'enabled' : 'disabled'}}\n`,
    )
    .concat('apiVersion: v1\nkind: Namespace\nmetadata: {name: istio-system}\n');
  const workloads = spec.workloads.map(
    (w) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${w.app}, namespace: ${w.namespace}}\nspec:\n  template:\n    metadata:\n      labels: {app: ${w.app}, version: ${w.version}, sidecar.istio.io/inject: "${w.sidecar}"}\n    spec:\n      serviceAccountName: ${w.serviceAccount}\n      containers: [{name: c, ports: [{containerPort: 8080}, {containerPort: 9090}]}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ${w.app}, namespace: ${w.namespace}}\nspec:\n  selector: {app: ${w.app}${w.selectVersion ? ', version: v1' : ''}}\n  ports: [{name: ${w.portName}, port: 80, targetPort: 8080}]\n`,
  );
  return [
    { path: 'namespaces.yaml', text: namespaces.join('---\n') },
    { path: 'workloads.yaml', text: workloads.join('---\n') },
    { path: 'policies.yaml', text: spec.policies.join('---\n') },
  ];
}
