import { describe, expect, it } from 'vitest';
import { codesAt, load, yaml } from '../support/load.js';

describe('PeerAuthentication', () => {
  it('reads selector, mode and port-level modes, keeping the line of each mode', () => {
    const result = load(yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: db, namespace: data}
      spec:
        selector:
          matchLabels: {app: db}
        mtls:
          mode: STRICT
        portLevelMtls:
          9102:
            mode: PERMISSIVE
          5432: {}
    `);
    expect(result.diagnostics).toEqual([]);
    const [policy] = result.mesh.peerAuthentications;
    expect(policy?.selector?.matchLabels).toEqual({ app: 'db' });
    expect(policy?.mode).toBe('STRICT');
    expect(policy?.modeAt).toMatchObject({ line: 8, column: 11 });
    expect(policy?.portLevelMtls.map((p) => [p.port, p.mode, p.at.line])).toEqual([
      [5432, 'UNSET', 12],
      [9102, 'PERMISSIVE', 11],
    ]);
  });

  it.each([
    ['no mtls block', 'spec: {}'],
    ['an empty mtls block', 'spec: {mtls: {}}'],
    ['no spec at all', ''],
  ])('reads %s as UNSET, which inherits', (_, spec) => {
    const result = load(
      `apiVersion: security.istio.io/v1beta1\nkind: PeerAuthentication\nmetadata: {name: p}\n${spec}\n`,
    );
    expect(result.mesh.peerAuthentications[0]?.mode).toBe('UNSET');
  });
});

describe('AuthorizationPolicy', () => {
  it('reads every source, operation and condition field with the position of each value', () => {
    const result = load(yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: full, namespace: foo}
      spec:
        selector: {matchLabels: {app: httpbin}}
        action: DENY
        rules:
        - from:
          - source:
              principals: [cluster.local/ns/a/sa/b]
              notPrincipals: ["*/sa/x"]
              requestPrincipals: [iss/sub]
              notRequestPrincipals: ["*"]
              namespaces: [a]
              notNamespaces: [b]
              ipBlocks: [10.0.0.0/8]
              notIpBlocks: [10.1.2.3]
              remoteIpBlocks: ["::1"]
              notRemoteIpBlocks: [2001:db8::/32]
              trustDomains: [td.example]
              notTrustDomains: ["*.bad"]
          - source:
              serviceAccounts: [ns/sa, sa2]
              notServiceAccounts: [other]
          to:
          - operation:
              hosts: [example.com]
              notHosts: ["*.internal"]
              ports: ["8080"]
              notPorts: ["9090"]
              methods: [GET]
              notMethods: [DELETE]
              paths: [/api/*, "/v1/{*}/items/{**}"]
              notPaths: [/admin]
          when:
          - key: request.headers[x-token]
            values: [admin]
            notValues: [guest]
          - key: source.ip
            values: [10.0.0.1]
    `);
    expect(result.diagnostics).toEqual([]);
    const [policy] = result.mesh.authorizationPolicies;
    expect(policy?.action).toBe('DENY');
    expect(policy?.actionAt.line).toBe(6);
    const rule = policy?.rules?.[0];
    const first = rule?.from?.[0];
    expect(first?.principals?.values.map((v) => [v.value, v.at.line, v.at.column])).toEqual([
      ['cluster.local/ns/a/sa/b', 10, 22],
    ]);
    expect(
      Object.keys(first ?? {})
        .filter((k) => k !== 'at')
        .sort(),
    ).toEqual([
      'ipBlocks',
      'namespaces',
      'notIpBlocks',
      'notNamespaces',
      'notPrincipals',
      'notRemoteIpBlocks',
      'notRequestPrincipals',
      'notTrustDomains',
      'principals',
      'remoteIpBlocks',
      'requestPrincipals',
      'trustDomains',
    ]);
    expect(rule?.from?.[1]?.serviceAccounts?.values.map((v) => v.value)).toEqual(['ns/sa', 'sa2']);
    const operation = rule?.to?.[0];
    expect(operation?.paths?.values.map((v) => v.value)).toEqual(['/api/*', '/v1/{*}/items/{**}']);
    expect(operation?.ports?.at.line).toBe(29);
    expect(
      rule?.when?.map((c) => [
        c.key.value,
        c.values?.map((v) => v.value),
        c.notValues?.map((v) => v.value),
      ]),
    ).toEqual([
      ['request.headers[x-token]', ['admin'], ['guest']],
      ['source.ip', ['10.0.0.1'], undefined],
    ]);
  });

  it.each([
    ['rules absent (allow-nothing)', 'spec: {}', null],
    ['rules: [] (same as absent)', 'spec: {rules: []}', []],
    [
      'one empty rule (matches everything)',
      'spec: {rules: [{}]}',
      [{ from: null, to: null, when: null }],
    ],
  ])('keeps the shape of %s', (_, spec, rules) => {
    const result = load(
      `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p}\n${spec}\n`,
    );
    expect(result.diagnostics).toEqual([]);
    const policy = result.mesh.authorizationPolicies[0];
    expect(policy?.action).toBe('ALLOW');
    expect(
      policy?.rules === null
        ? null
        : policy?.rules.map(({ from, to, when }) => ({ from, to, when })),
    ).toEqual(rules);
  });

  it('reads targetRefs and the CUSTOM provider', () => {
    const result = load(yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ext}
      spec:
        targetRefs: [{kind: Service, group: "", name: api}]
        action: CUSTOM
        provider: {name: opa}
        rules: [{to: [{operation: {paths: [/admin]}}]}]
    `);
    expect(result.diagnostics).toEqual([]);
    expect(result.mesh.authorizationPolicies[0]).toMatchObject({
      dryRun: false,
      dryRunAt: null,
      action: 'CUSTOM',
      provider: { value: 'opa' },
      targetRefs: [{ kind: 'Service', group: '', name: 'api' }],
    });
  });

  // `strconv.ParseBool`, as `isDryRun` (builder.go) and `checkDryRunAnnotation` (webhook) read it.
  it.each([
    ['true', true],
    ['True', true],
    ['1', true],
    ['t', true],
    ['FALSE', false],
    ['0', false],
  ])('reads istio.io/dry-run %j as Go does: %s', (value, dryRun) => {
    const result = load(
      `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, annotations: {istio.io/dry-run: "${value}"}}\nspec: {action: DENY, rules: [{}]}\n`,
    );
    expect(result.diagnostics).toEqual([]);
    // The annotation's key, on line 3 (after `apiVersion` and `kind`).
    expect(result.mesh.authorizationPolicies[0]).toMatchObject({
      dryRun,
      dryRunAt: { line: 3, column: 35 },
    });
  });

  it.each([
    ['yes', 'ALLOW', 'it must be a boolean such as `true` or `false`'],
    ['tRuE', 'DENY', 'it must be a boolean such as `true` or `false`'],
    ['true', 'CUSTOM', 'Istio supports it on ALLOW and DENY policies only, not CUSTOM'],
    ['false', 'AUDIT', 'Istio supports it on ALLOW and DENY policies only, not AUDIT'],
  ])('rejects istio.io/dry-run %j on %s, as the validation webhook does', (value, action, why) => {
    const provider = action === 'CUSTOM' ? ', provider: {name: opa}' : '';
    const result = load(
      `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, annotations: {istio.io/dry-run: "${value}"}}\nspec: {action: ${action}${provider}, rules: [{}]}\n`,
    );
    expect(
      result.diagnostics.map((d) => `${d.code} ${d.at.line}:${d.at.column} ${d.message}`),
    ).toEqual([
      `MG016 3:35 \`metadata.annotations.istio.io/dry-run\` value \`${value}\` is invalid: ${why}`,
    ]);
    expect(result.mesh.authorizationPolicies).toEqual([]);
  });
});

describe('networking resources', () => {
  it('reads a DestinationRule: host, exportTo, TLS at top and port level, and tls: {} as DISABLE', () => {
    const result = load(yaml`
      apiVersion: networking.istio.io/v1alpha3
      kind: DestinationRule
      metadata: {name: reviews, namespace: bookinfo}
      spec:
        host: reviews
        exportTo: ["."]
        trafficPolicy:
          tls: {mode: ISTIO_MUTUAL}
          portLevelSettings:
          - port: {number: 9080}
            tls: {}
          - port: {number: 9443}
            loadBalancer: {simple: ROUND_ROBIN}
        subsets:
        - name: v1
          labels: {version: v1}
          trafficPolicy: {tls: {mode: DISABLE}}
    `);
    expect(result.diagnostics).toEqual([]);
    const [rule] = result.mesh.destinationRules;
    expect(rule?.host.value).toBe('reviews');
    expect(rule?.exportTo).toEqual(['.']);
    expect(rule?.trafficPolicy?.tls).toMatchObject({ mode: 'ISTIO_MUTUAL', modeWritten: true });
    expect(
      rule?.trafficPolicy?.portLevelSettings.map((p) => [
        p.port,
        p.tls?.mode ?? null,
        p.tls?.modeWritten ?? null,
      ]),
    ).toEqual([
      [9080, 'DISABLE', false],
      [9443, null, null],
    ]);
    expect(rule?.subsets[0]).toMatchObject({
      name: 'v1',
      labels: { version: 'v1' },
      trafficPolicy: { tls: { mode: 'DISABLE' } },
    });
  });

  it('reads a ServiceEntry with MESH_EXTERNAL as the default location', () => {
    const result = load(yaml`
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: google}
      spec:
        hosts: [www.googleapis.com]
        ports: [{number: 443, name: https, protocol: TLS}]
        resolution: DNS
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: ServiceEntry
      metadata: {name: vm}
      spec:
        hosts: [vm.internal]
        location: MESH_INTERNAL
        ports: [{number: 8080, name: http}]
        endpoints: [{address: 10.0.0.5, serviceAccount: vm-sa, labels: {app: vm}}]
    `);
    expect(result.diagnostics).toEqual([]);
    expect(
      result.mesh.serviceEntries.map((s) => [
        s.ref.name,
        s.location,
        s.resolution,
        s.hosts.map((h) => h.value),
      ]),
    ).toEqual([
      ['google', 'MESH_EXTERNAL', 'DNS', ['www.googleapis.com']],
      ['vm', 'MESH_INTERNAL', 'NONE', ['vm.internal']],
    ]);
    expect(result.mesh.serviceEntries[1]?.endpoints[0]).toMatchObject({
      address: '10.0.0.5',
      serviceAccount: 'vm-sa',
    });
  });

  it('reads a Sidecar: workload selector labels, egress hosts and outbound policy', () => {
    const result = load(yaml`
      apiVersion: networking.istio.io/v1
      kind: Sidecar
      metadata: {name: frontend, namespace: shop}
      spec:
        workloadSelector: {labels: {app: frontend}}
        egress:
        - hosts: ["./cart.shop.svc.cluster.local", "istio-system/*"]
        outboundTrafficPolicy: {mode: REGISTRY_ONLY}
    `);
    expect(result.diagnostics).toEqual([]);
    expect(result.mesh.sidecars[0]).toMatchObject({
      workloadSelector: { matchLabels: { app: 'frontend' } },
      outboundTrafficPolicy: 'REGISTRY_ONLY',
    });
    expect(result.mesh.sidecars[0]?.egress[0]?.hosts.map((h) => h.value)).toEqual([
      './cart.shop.svc.cluster.local',
      'istio-system/*',
    ]);
  });

  it.each([
    ['DestinationRule', 'subsets', 'host: db'],
    ['DestinationRule', 'trafficPolicy: {portLevelSettings: [oops]}', 'host: db'],
    ['ServiceEntry', 'ports', 'hosts: [db.example.com]'],
    ['ServiceEntry', 'endpoints', 'hosts: [db.example.com]'],
    ['Sidecar', 'egress', ''],
    ['Sidecar', 'ingress', ''],
  ])(
    'reports a %s list item that is not a mapping (%s) and leaves the object out',
    (kind, field, extra) => {
      const list = field.includes(':') ? field : `${field}: [oops]`;
      const result = load(yaml`
      apiVersion: networking.istio.io/v1
      kind: ${kind}
      metadata: {name: x, namespace: data}
      spec: {${[extra, list].filter((p) => p !== '').join(', ')}}
    `);
      expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([
        ['MG009', expect.stringMatching(/\[0\]` must be a mapping, not a string$/)],
      ]);
      expect(
        Object.values(result.mesh)
          .flat()
          .filter((o) => (o as { kind?: string }).kind === kind),
      ).toEqual([]);
    },
  );

  it('reads every served API version and rejects others', () => {
    const policy = (apiVersion: string) =>
      `apiVersion: ${apiVersion}\nkind: PeerAuthentication\nmetadata: {name: p-${apiVersion.replace(/\W/g, '')}}\nspec: {}\n`;
    const rule = (apiVersion: string) =>
      `apiVersion: ${apiVersion}\nkind: DestinationRule\nmetadata: {name: d-${apiVersion.replace(/\W/g, '')}}\nspec: {host: x}\n`;
    const result = load({
      'security.yaml': [
        'security.istio.io/v1',
        'security.istio.io/v1beta1',
        'security.istio.io/v1alpha1',
      ]
        .map(policy)
        .join('---\n'),
      'networking.yaml': [
        'networking.istio.io/v1',
        'networking.istio.io/v1beta1',
        'networking.istio.io/v1alpha3',
        'networking.istio.io/v2',
      ]
        .map(rule)
        .join('---\n'),
    });
    expect(result.mesh.peerAuthentications).toHaveLength(2);
    expect(result.mesh.destinationRules).toHaveLength(3);
    expect(codesAt(result)).toEqual(['MG007 networking.yaml:16:1', 'MG007 security.yaml:11:1']);
  });

  it('reports the removed v1alpha1 authentication kinds as obsolete', () => {
    const result = load(
      'apiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata: {name: default}\nspec: {peers: [{mtls: {}}]}\n',
    );
    expect(codesAt(result)).toEqual(['MG006 mesh.yaml:1:1']);
    expect(result.diagnostics[0]?.severity).toBe('warning');
  });
});
