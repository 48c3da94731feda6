import { describe, expect, it } from 'vitest';
import { codesAt, load, yaml } from '../support/load.js';

const SA = (name: string, ns = 'default') =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n`;

describe('YAML streams', () => {
  it('reads every document of a multi-document stream, with its index and first line', () => {
    const result = load(`${SA('a')}---\n${SA('b')}---\n# only a comment\n---\n${SA('c')}`);
    const accounts = result.mesh.serviceAccounts.map((s) => [
      s.ref.name,
      s.source.documentIndex,
      s.source.line,
    ]);
    expect(accounts).toEqual([
      ['a', 0, 1],
      ['b', 1, 7],
      ['c', 3, 15],
    ]);
    expect(result.stats.documents).toBe(4);
  });

  it('reads the items of a kind: List, each at its own line', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: ServiceAccount
        metadata: {name: one, namespace: ns}
      - apiVersion: v1
        kind: ServiceAccount
        metadata: {name: two, namespace: ns}
    `);
    expect(
      result.mesh.serviceAccounts.map((s) => `${s.ref.name}@${s.source.line}:${s.source.column}`),
    ).toEqual(['one@4:3', 'two@7:3']);
  });

  it('reads PodList and NamespaceList dumps as lists', () => {
    const result = load({
      'pods.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'PodList',
        items: [
          {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: 'p', namespace: 'x', labels: { app: 'p' } },
            spec: {},
          },
        ],
      }),
    });
    expect(result.mesh.workloads.map((w) => `${w.kind} ${w.ref.namespace}/${w.ref.name}`)).toEqual([
      'Pod x/p',
    ]);
  });

  it('ignores comments, strips a byte-order mark and reads CRLF files with the same lines', () => {
    const text = `\uFEFF# header\r\n${SA('crlf').replace(/\n/g, '\r\n')}---\r\n${SA('second').replace(/\n/g, '\r\n')}`;
    const result = load(text);
    expect(result.mesh.serviceAccounts.map((s) => [s.ref.name, s.source.line])).toEqual([
      ['crlf', 2],
      ['second', 8],
    ]);
    expect(result.diagnostics).toEqual([]);
  });

  it('expands anchors and aliases, including merge keys', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        labels: &labels {app: web, tier: front}
      spec:
        selector:
          <<: *labels
          tier: edge
        ports: [{name: http, port: 80}]
    `);
    expect(result.mesh.services[0]?.labels).toEqual({ app: 'web', tier: 'front' });
    expect(result.mesh.services[0]?.selector).toEqual({ app: 'web', tier: 'edge' });
  });

  it('rejects a document whose aliases expand beyond the limit, and keeps the others', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      laughs.push(
        `${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${Array(10)
          .fill(`*${'abcdefgh'[i - 1]}`)
          .join(', ')}]`,
      );
    const result = load(`${SA('before')}---\n${laughs.join('\n')}\n---\n${SA('after')}`);
    // The document starts at its `---` marker on line 6.
    expect(codesAt(result)).toEqual(['MG003 mesh.yaml:6:1']);
    expect(result.mesh.serviceAccounts.map((s) => s.ref.name)).toEqual(['after', 'before']);
  });

  it('skips and counts documents that are not Kubernetes objects', () => {
    const result = load({
      '.github/workflows/ci.yaml': 'name: CI\non: [push]\njobs: {}\n',
      'values.yaml': 'replicaCount: 3\n',
      'mesh.yaml': SA('real'),
      'README.md': '# not a manifest',
    });
    expect(result.stats).toMatchObject({ files: 4, notManifests: 1, notKubernetes: 2, objects: 1 });
    expect(result.diagnostics).toEqual([]);
  });

  it('skips Helm chart metadata and other files with an apiVersion but no kind or metadata', () => {
    // A chart's Chart.yaml has `apiVersion: v2` and no `kind`: it is no Kubernetes object, and
    // calling it one that lacks its kind fails a review of any repository that holds a chart.
    const result = load({
      'charts/reviews/Chart.yaml': 'apiVersion: v2\nname: reviews\nversion: 0.1.0\n',
      'mesh.yaml': SA('real'),
    });
    expect(result.diagnostics).toEqual([]);
    expect(result.stats).toMatchObject({ notKubernetes: 1, objects: 1 });
    // An object that does have metadata but lost its kind is still reported.
    expect(codesAt(load('apiVersion: v1\nmetadata: {name: x}\n'))).toEqual(['MG008 mesh.yaml:1:1']);
  });

  it('counts Kubernetes kinds it does not model without complaint', () => {
    const result = load(yaml`
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: vs}
      spec: {hosts: [x]}
      ---
      apiVersion: serving.knative.dev/v1
      kind: Service
      metadata: {name: knative}
    `);
    expect(result.stats.notModelled).toBe(2);
    expect(result.mesh.services).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports Helm templates as not rendered instead of parsing them', () => {
    const result = load({
      'chart/templates/policy.yaml':
        'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: {{ .Release.Name }}\n',
      'go.yaml': 'name: x\nvalue: {{ .Foo }}\n',
      'alerts.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ok\n  annotations:\n    summary: "{{ $labels.instance }} is down"\n',
    });
    expect(codesAt(result)).toEqual(['MG004 chart/templates/policy.yaml:1:1', 'MG004 go.yaml:1:1']);
    expect(result.diagnostics[0]?.message).toContain('Helm');
    expect(result.stats.templates).toBe(2);
    expect(result.mesh.serviceAccounts.map((s) => s.ref.name)).toEqual(['ok']);
  });

  it('reads a manifest whose block scalars hold template text (alert rules, dashboards)', () => {
    // Valid YAML: `{{` inside a literal or folded block is string content, not a template action.
    const alerts = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: alerts, namespace: istio-system}',
      'data:',
      '  rules.yaml: |',
      '    description: {{ $labels.instance }} is down',
      '    summary: >-',
      '      {{ .Values.fake }}',
      '  other: >+ # folded',
      '    - {{ $value }}',
      '',
      '---',
      'apiVersion: security.istio.io/v1',
      'kind: PeerAuthentication',
      'metadata: {name: default, namespace: istio-system}',
      'spec: {mtls: {mode: STRICT}}',
      '',
    ].join('\n');
    const result = load({ 'security.yaml': alerts });
    expect(result.diagnostics).toEqual([]);
    expect(result.stats.templates).toBe(0);
    expect(result.mesh.peerAuthentications.map((p) => p.ref.name)).toEqual(['default']);
    // The same action outside a block scalar is still a template.
    const outside = load({ 'go.yaml': `${alerts}---\nname: {{ .Foo }}\n` });
    expect(codesAt(outside)).toEqual(['MG004 go.yaml:1:1']);
  });

  it('reports a YAML syntax error at its line and still models the other documents and files', () => {
    const result = load({
      'a.yaml': `${SA('first')}---\nkind: ServiceAccount\nmetadata:\n  name: [unclosed\n---\n${SA('third')}`,
      'b.yaml': SA('other-file'),
    });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['MG001']);
    expect(result.diagnostics[0]?.at).toMatchObject({ file: 'a.yaml', documentIndex: 1 });
    expect(result.diagnostics[0]?.at.line).toBeGreaterThanOrEqual(9);
    expect(result.mesh.serviceAccounts.map((s) => s.ref.name).sort()).toEqual([
      'first',
      'other-file',
      'third',
    ]);
  });

  it('reports a duplicate mapping key and keeps the last value', () => {
    const result = load(
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: first\n  name: last\n',
    );
    expect(codesAt(result)).toEqual(['MG002 mesh.yaml:5:3']);
    expect(result.mesh.serviceAccounts.map((s) => s.ref.name)).toEqual(['last']);
  });

  it('reports an object defined twice and keeps the later definition, whatever the input order', () => {
    const a = { 'a.yaml': SA('dup'), 'b.yaml': `${SA('dup')}` };
    const forward = load(a);
    const backward = load({ 'b.yaml': a['b.yaml'], 'a.yaml': a['a.yaml'] });
    expect(codesAt(forward)).toEqual(['MG012 a.yaml:1:1']);
    expect(codesAt(backward)).toEqual(codesAt(forward));
    expect(forward.mesh.serviceAccounts[0]?.source.file).toBe('b.yaml');
  });

  it('defaults the namespace to default, or to the option given', () => {
    const text = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: x\n';
    expect(load(text).mesh.serviceAccounts[0]?.ref.namespace).toBe('default');
    expect(load(text, { defaultNamespace: 'team-a' }).mesh.serviceAccounts[0]?.ref.namespace).toBe(
      'team-a',
    );
  });

  it('never throws, whatever the bytes', () => {
    for (const text of [
      '\u0000\u0001',
      '{',
      ']]]',
      'a: b: c',
      '- - -',
      '!!binary x',
      '*alias',
      'key: &a\n  b: *a',
      '\t- x',
    ]) {
      expect(() => load(text)).not.toThrow();
    }
  });
});

describe('kind: List items', () => {
  it('reports an item that is not an object and still reads the others', () => {
    const result = load(yaml`
      apiVersion: v1
      kind: List
      items:
      - 42
      - hello
      - apiVersion: v1
        kind: ServiceAccount
        metadata: {name: one, namespace: ns}
    `);
    expect(
      result.diagnostics.map((d) => `${d.code} ${d.at.line}:${d.at.column} ${d.message}`),
    ).toEqual([
      'MG009 4:3 `items[0]` must be a mapping, not the number 42',
      'MG009 5:3 `items[1]` must be a mapping, not a string',
    ]);
    expect(result.mesh.serviceAccounts.map((s) => s.ref.name)).toEqual(['one']);
  });

  it('says when Lists nest too deep to be read, instead of dropping them silently', () => {
    const nested = (depth: number): object =>
      depth === 0
        ? { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'deep', namespace: 'ns' } }
        : { apiVersion: 'v1', kind: 'List', items: [nested(depth - 1)] };
    const readable = load({ 'lists.json': JSON.stringify(nested(9)) });
    expect(readable.mesh.serviceAccounts.map((s) => s.ref.name)).toEqual(['deep']);
    const tooDeep = load({ 'lists.json': JSON.stringify(nested(10)) });
    expect(tooDeep.mesh.serviceAccounts).toEqual([]);
    expect(tooDeep.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'MG901 a `List` inside more than 8 other Lists; its items were not read',
    ]);
  });
});
