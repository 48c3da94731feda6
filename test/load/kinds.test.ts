import { describe, expect, it } from 'vitest';
import { codesAt, load, yaml } from '../support/load.js';

describe('workloads', () => {
  const template = (kind: string, apiVersion: string) =>
    [
      `apiVersion: ${apiVersion}`,
      `kind: ${kind}`,
      'metadata: {name: w, namespace: shop, labels: {owner: team}}',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: {app: w, version: v2}',
      '      annotations: {sidecar.istio.io/inject: "false"}',
      '    spec:',
      '      serviceAccountName: w-sa',
      '      hostNetwork: true',
      '      containers:',
      '      - name: main',
      '        ports:',
      '        - {name: http, containerPort: 8080}',
      '        - {containerPort: 9090, protocol: UDP}',
    ].join('\n');

  it.each([
    ['Deployment', 'apps/v1'],
    ['StatefulSet', 'apps/v1'],
    ['DaemonSet', 'apps/v1'],
    ['ReplicaSet', 'apps/v1'],
    ['ReplicationController', 'v1'],
    ['Job', 'batch/v1'],
    ['Rollout', 'argoproj.io/v1alpha1'],
  ])('reads the pod template of a %s', (kind, apiVersion) => {
    const result = load(template(kind, apiVersion));
    expect(result.diagnostics).toEqual([]);
    const [workload] = result.mesh.workloads;
    expect(workload).toMatchObject({
      kind,
      ref: { kind, namespace: 'shop', name: 'w' },
      labels: { owner: 'team' },
      podLabels: { app: 'w', version: 'v2' },
      podAnnotations: { 'sidecar.istio.io/inject': 'false' },
      serviceAccountName: { value: 'w-sa' },
      hostNetwork: true,
    });
    expect(workload?.containerPorts.map((p) => [p.name, p.containerPort, p.protocol])).toEqual([
      ['http', 8080, 'TCP'],
      [null, 9090, 'UDP'],
    ]);
  });

  it('reads a CronJob through its job template, and a bare Pod from its own metadata', () => {
    const result = load(yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: nightly}
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              metadata: {labels: {app: nightly}}
              spec: {containers: [{name: c}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: debug, labels: {app: debug}, annotations: {a: b}}
      spec: {containers: [{name: c}]}
    `);
    expect(
      result.mesh.workloads.map((w) => [w.kind, w.podLabels, w.serviceAccountName.value]),
    ).toEqual([
      ['Pod', { app: 'debug' }, 'default'],
      ['CronJob', { app: 'nightly' }, 'default'],
    ]);
  });

  it('collapses a live dump of Deployment, ReplicaSet and Pods into one workload', () => {
    const pod = (name: string) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'bookinfo',
        labels: { app: 'details', 'pod-template-hash': '79f774bdb9' },
        ownerReferences: [{ kind: 'ReplicaSet', name: 'details-v1-79f774bdb9', controller: true }],
      },
      spec: { serviceAccountName: 'bookinfo-details', containers: [{ name: 'c' }] },
    });
    const withDeployment = load({
      'pods.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [pod('details-v1-79f774bdb9-a'), pod('details-v1-79f774bdb9-b')],
      }),
    });
    expect(
      withDeployment.mesh.workloads.map((w) => `${w.kind} ${w.ref.namespace}/${w.ref.name}`),
    ).toEqual(['Deployment bookinfo/details-v1']);
    expect(withDeployment.mesh.workloads[0]?.serviceAccountName.value).toBe('bookinfo-details');
  });

  it('drops owned objects when their controller is in the manifests too', () => {
    const result = load(yaml`
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-5d9
        ownerReferences: [{kind: Deployment, name: web}]
      spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c}]}}}
    `);
    expect(result.mesh.workloads.map((w) => `${w.kind} ${w.ref.name}`)).toEqual(['Deployment web']);
  });
});

describe('services and namespaces', () => {
  it('reads selectors and ports, with targetPort by number, by name, or defaulted to port', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: shop}
      spec:
        selector: {app: api}
        ports:
        - {name: http-web, port: 80, targetPort: 8080}
        - {name: grpc, port: 9090, targetPort: grpc-port, appProtocol: grpc}
        - {port: 5432}
    `);
    expect(result.diagnostics).toEqual([]);
    const [service] = result.mesh.services;
    expect(service?.selector).toEqual({ app: 'api' });
    expect(service?.ports.map((p) => [p.name, p.port, p.targetPort, p.appProtocol])).toEqual([
      ['http-web', 80, 8080, null],
      ['grpc', 9090, 'grpc-port', 'grpc'],
      [null, 5432, 5432, null],
    ]);
  });

  it('tells a Service without selector from one selecting everything, and marks headless ones', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: external}
      spec: {type: ExternalName, externalName: db.example.com}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: headless}
      spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
    `);
    expect(result.mesh.services.map((s) => [s.ref.name, s.selector, s.headless, s.type])).toEqual([
      ['external', null, false, 'ExternalName'],
      ['headless', { app: 'db' }, true, 'ClusterIP'],
    ]);
  });

  it('rejects a quoted number as a targetPort name, as the API server does', () => {
    const result = load(
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - {port: 80, targetPort: "8080"}\n',
    );
    expect(codesAt(result)).toEqual(['MG016 mesh.yaml:6:28']);
    expect(result.mesh.services).toEqual([]);
  });

  it('reads namespace labels and keeps namespaces cluster-scoped', () => {
    const result = load(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {istio-injection: enabled}\n',
    );
    expect(result.mesh.namespaces[0]).toMatchObject({
      ref: { kind: 'Namespace', namespace: '', name: 'shop' },
      labels: { 'istio-injection': 'enabled' },
    });
    // Injection evidence points at the labels, the line a reviewer would change.
    expect(result.mesh.namespaces[0]?.labelsAt).toMatchObject({ line: 5, column: 11 });
    const bare = load('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    expect(bare.mesh.namespaces[0]?.labelsAt).toMatchObject({ line: 1, column: 1 });
  });

  it('rejects unquoted non-string label values, which the API server refuses', () => {
    const result = load(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {istio-injection: on, version: 1}\n',
    );
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "MG009 `metadata.labels.istio-injection` must be a string, not `on`, a boolean to Kubernetes' YAML 1.1 reader",
      'MG009 `metadata.labels.version` must be a string, not the number 1',
    ]);
  });
});

describe('list items that are not mappings', () => {
  const messages = (result: ReturnType<typeof load>) =>
    result.diagnostics.map((d) => `${d.code} ${d.at.line}:${d.at.column} ${d.message}`);

  it('reports a Service port that is not a mapping and leaves the Service out', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: s, namespace: shop}
      spec: {selector: {app: s}, ports: [{port: 81}, 7]}
    `);
    expect(messages(result)).toEqual([
      'MG009 4:48 `spec.ports[1]` must be a mapping, not the number 7',
    ]);
    expect(result.mesh.services).toEqual([]);
  });

  it('reports a container, or a container port, that is not a mapping', () => {
    const result = load(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: d}}
          spec:
            containers: ["x", {name: y, ports: [8080]}]
    `);
    expect(messages(result)).toEqual([
      'MG009 8:20 `spec.template.spec.containers[0]` must be a mapping, not a string',
      'MG009 8:43 `spec.template.spec.containers[1].ports[0]` must be a mapping, not the number 8080',
    ]);
    expect(result.mesh.workloads).toEqual([]);
  });

  it('reports a container port without containerPort, which the API server requires', () => {
    const result = load(yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: d, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: d}}
          spec:
            containers: [{name: y, ports: [{name: http}]}]
    `);
    expect(messages(result)).toEqual([
      'MG008 8:38 `Deployment` has no `spec.template.spec.containers[0].ports[0].containerPort`',
    ]);
    expect(result.mesh.workloads).toEqual([]);
  });

  it('reports a RequestAuthentication jwtRule or a targetRef that is not a mapping', () => {
    const result = load(yaml`
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt, namespace: shop}
      spec: {jwtRules: [42]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: shop}
      spec: {targetRefs: [gateway], rules: [{}]}
    `);
    expect(messages(result)).toEqual([
      'MG009 4:19 `spec.jwtRules[0]` must be a mapping, not the number 42',
      'MG009 9:21 `spec.targetRefs[0]` must be a mapping, not a string',
    ]);
    expect(result.mesh.requestAuthentications).toEqual([]);
    expect(result.mesh.authorizationPolicies).toEqual([]);
  });

  it('skips a bare `-`, as the API server drops a null item', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: Service
      metadata: {name: s, namespace: shop}
      spec:
        ports:
        -
        - {port: 80}
    `);
    expect(result.diagnostics).toEqual([]);
    expect(result.mesh.services[0]?.ports.map((p) => p.port)).toEqual([80]);
  });
});
