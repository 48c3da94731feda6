import { describe, expect, it } from 'vitest';
import { cli, tree } from '../support/cli.js';
import { docs, ns, peerAuthentication, service, workload } from '../mtls/fixtures.js';

const MESH = {
  'mesh/namespaces.yaml': docs(ns('shop', { 'istio-injection': 'enabled' }), ns('legacy')),
  'mesh/shop.yaml': docs(
    workload({ ns: 'shop', name: 'server', ports: [8080] }),
    service({ ns: 'shop', name: 'server', ports: [{ port: 80, targetPort: 8080 }] }),
  ),
  'mesh/legacy.yaml': workload({ ns: 'legacy', name: 'job' }),
  'mesh/pa.yaml': peerAuthentication({ ns: 'shop', name: 'default', mode: 'STRICT' }),
};

describe('meshguard graph', () => {
  it('prints stable JSON: workload ports with their mode and evidence, every edge with its transport', async () => {
    const root = tree(MESH);
    const run = await cli(['graph', '--format', 'json', 'mesh'], root);
    expect(run.code).toBe(0);
    const graph = JSON.parse(run.stdout);
    expect(graph.schemaVersion).toBe(1);
    expect(
      graph.workloads.map((w: { id: string; dataplane: string }) => [w.id, w.dataplane]),
    ).toEqual([
      ['legacy/job', 'NO_SIDECAR'],
      ['shop/server', 'SIDECAR'],
    ]);
    const [port] = graph.workloads[1].ports;
    expect(port).toMatchObject({
      port: 8080,
      mode: 'STRICT',
      level: 'namespace',
      services: ['Service shop/server:80'],
    });
    expect(port.evidence).toEqual([
      {
        object: 'PeerAuthentication shop/default',
        note: 'namespace-wide STRICT',
        file: 'mesh/pa.yaml',
        line: 7,
        column: 16,
      },
    ]);
    expect(
      graph.edges.map((e: { from: string; transport: { value: string; peer: string | null } }) => [
        e.from,
        e.transport.value,
        e.transport.peer,
      ]),
    ).toEqual([
      ['(any mesh identity)', 'mtls', '(any mesh identity)'],
      ['(unauthenticated)', 'broken', null],
      ['legacy/job', 'broken', null],
      ['shop/server', 'mtls', 'cluster.local/ns/shop/sa/server'],
    ]);
    expect(graph.edges[2].transport).toMatchObject({
      via: 'Service shop/server:80',
      reason:
        'the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
      client: { mode: 'NONE', effective: 'DISABLE' },
      server: { mode: 'STRICT', level: 'namespace' },
    });
    // Same input, same bytes.
    expect((await cli(['graph', '--format', 'json', 'mesh'], root)).stdout).toBe(run.stdout);
  });

  it('prints text grouped by workload port, and filters with --from and --to', async () => {
    const root = tree(MESH);
    const run = await cli(
      ['graph', '--to', 'shop/*', '--from', 'legacy/job', '--dir', 'mesh'],
      root,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      'mesh graph: 1 workloads, 1 ports, 1 edges (root namespace istio-system, auto mTLS on, outbound ALLOW_ANY)',
      '',
      'shop/server (Deployment, SIDECAR)',
      '    Namespace shop: namespace label istio-injection=enabled (mesh/namespaces.yaml:3:32)',
      '  port 8080 http (http): STRICT, namespace',
      '      PeerAuthentication shop/default: namespace-wide STRICT (mesh/pa.yaml:7:16)',
      '    from legacy/job: broken via Service shop/server:80: the client has no sidecar and sends plaintext; the STRICT port (namespace-wide policy) rejects plaintext',
      // No AuthorizationPolicy applies: the sidecar allows everything that reaches it.
      '      access: allow',
      '',
    ]);
  });

  it("puts each edge's access next to its transport, with the rules that decided it", async () => {
    const root = tree({
      ...MESH,
      'mesh/ap.yaml':
        'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: server, namespace: shop}\nspec:\n  selector: {matchLabels: {app: server}}\n  rules:\n  - from: [{source: {namespaces: [shop]}}]\n    to: [{operation: {methods: [GET]}}]\n',
    });
    const graph = JSON.parse((await cli(['graph', '--format', 'json', 'mesh'], root)).stdout);
    const access = Object.fromEntries(
      graph.edges.map((e: { from: string; access: { value: string; requests: string[] } }) => [
        e.from,
        [e.access.value, e.access.requests],
      ]),
    );
    expect(access).toEqual({
      '(any mesh identity)': ['deny', []],
      '(unauthenticated)': ['deny', []],
      'legacy/job': ['deny', []],
      'shop/server': ['partial', ['GET']],
    });
    const decided = graph.edges.find((e: { from: string }) => e.from === 'shop/server').access
      .decidedBy;
    expect(decided).toEqual([
      {
        object: 'AuthorizationPolicy shop/server',
        note: 'ALLOW rule 0',
        file: 'mesh/ap.yaml',
        line: 7,
        column: 5,
      },
    ]);
  });

  it('lists the mTLS findings', async () => {
    const root = tree({
      ...MESH,
      'mesh/bad.yaml': peerAuthentication({
        ns: 'istio-system',
        name: 'x',
        selector: { app: 'server' },
        mode: 'STRICT',
      }),
    });
    const graph = JSON.parse((await cli(['graph', '--format', 'json', 'mesh'], root)).stdout);
    expect(graph.findings.map((f: { code: string }) => f.code)).toEqual(['MG107']);
  });

  it('exits 2 on unreadable input and on usage errors', async () => {
    const root = tree(MESH);
    const missing = await cli(['graph', 'mesh', 'nowhere'], root);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(
      'nowhere:1:1: error MG005 file could not be read: no such file or directory',
    );
    const usage = await cli(['graph'], root);
    expect([usage.code, usage.stderr]).toEqual([
      2,
      expect.stringContaining('graph needs at least one PATH'),
    ]);
    expect((await cli(['graph', '--format', 'sarif', 'mesh'], root)).code).toBe(2);
  });

  it.each([
    [
      ['--from', 'bogus'],
      '--from "bogus" is not namespace/workload, namespace/*, (unauthenticated)',
    ],
    [
      ['--to', 'shop/server:8080'],
      '--to "shop/server:8080" is not namespace/workload or namespace/*',
    ],
    [['--to', 'Shop/*'], '--to "Shop/*" is not namespace/workload or namespace/*'],
    [['--namespace', 'Bad NS/x'], '--namespace must be a Kubernetes namespace name'],
  ])(
    'exits 2 on a malformed ID or namespace instead of printing an empty graph: %j',
    async (flags, message) => {
      const run = await cli(['graph', ...flags, 'mesh'], tree(MESH));
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(message);
    },
  );

  it('accepts the pseudo-callers as explain spells them', async () => {
    const run = await cli(
      ['graph', '--format', 'json', '--from', 'unauthenticated', 'mesh'],
      tree(MESH),
    );
    expect(run.code).toBe(0);
    const froms = JSON.parse(run.stdout).edges.map((e: { from: string }) => e.from);
    expect(new Set(froms)).toEqual(new Set(['(unauthenticated)']));
  });

  it('is listed in the help', async () => {
    expect((await cli(['--help'])).stdout).toContain('graph PATH...');
    expect((await cli(['graph', '--help'])).stdout).toContain('Usage: meshguard graph');
  });
});
