import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tree } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLES = ['--base', 'examples/base', '--head', 'examples/head'];

const NAMESPACE =
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {istio-injection: enabled}}\n';
// A Service makes the port reachable by name: pod-IP calls leave through the passthrough
// cluster in plaintext and would carry no identity (§2.6).
const APP = (name: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      serviceAccountName: ${name}\n      containers: [{name: c, ports: [{containerPort: 8080}]}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {selector: {app: ${name}}, ports: [{name: http, port: 80, targetPort: 8080}]}\n`;
const ALLOW = (principal: string) =>
  `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  rules: [{from: [{source: {principals: ["${principal}"]}}]}]\n`;

function side(principal: string, extra: Record<string, string> = {}) {
  return {
    'ns.yaml': NAMESPACE,
    'api.yaml': APP('api'),
    'web.yaml': APP('web'),
    'policy.yaml': ALLOW(principal),
    ...extra,
  };
}

describe('meshguard diff', () => {
  it('reports the example regressions and exits 1', async () => {
    const run = await cli(['diff', ...EXAMPLES], ROOT);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      'meshguard: 6 new paths, 1 widened path, 2 removed paths — REGRESSION',
    );
    expect(run.stdout).toContain('error MG301');
  });

  it('writes the versioned JSON report', async () => {
    const report = JSON.parse((await cli(['diff', ...EXAMPLES, '--format', 'json'], ROOT)).stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.verdict).toBe('fail');
    const broken = report.edges.find((e: { to: string }) => e.to === 'payments/payments');
    expect(broken).toMatchObject({
      from: 'shop/checkout',
      port: 8443,
      change: 'removed',
      base: { access: 'partial', transport: 'mtls' },
      head: { transport: 'broken' },
    });
    expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('MG102');
  });

  it('writes the PR comment as Markdown, and SARIF for code scanning', async () => {
    const markdown = (await cli(['diff', ...EXAMPLES, '--format', 'markdown'], ROOT)).stdout;
    expect(markdown).toMatch(/^### meshguard: .* — \*\*regression\*\*$/m);
    expect(markdown).toContain('```mermaid');
    const sarif = JSON.parse((await cli(['diff', ...EXAMPLES, '--format', 'sarif'], ROOT)).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain('MG301');
  });

  it('exits 0 when nothing fails: no change, or --fail-on never', async () => {
    const same = tree({ 'a/x.yaml': APP('api'), 'b/x.yaml': APP('api') });
    expect(await cli(['diff', '--base', 'a', '--head', 'b'], same)).toMatchObject({ code: 0 });
    expect((await cli(['diff', ...EXAMPLES, '--fail-on', 'never'], ROOT)).code).toBe(0);
  });

  it('fails on warnings only when asked to', async () => {
    const ops =
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: ops, labels: {istio-injection: enabled}}\n---\n' +
      APP('tool').replace('namespace: shop', 'namespace: ops');
    const root = tree({
      ...Object.fromEntries(
        Object.entries(side('cluster.local/ns/shop/sa/web', { 'ops.yaml': ops })).map(([k, v]) => [
          `base/${k}`,
          v,
        ]),
      ),
      ...Object.fromEntries(
        Object.entries(side('cluster.local/ns/ops/sa/tool', { 'ops.yaml': ops })).map(([k, v]) => [
          `head/${k}`,
          v,
        ]),
      ),
    });
    // ops/tool newly reaches shop/api: a cross-namespace grant is a warning (MG303).
    const run = await cli(['diff', '--base', 'base', '--head', 'head'], root);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(
      'warning MG303 `ops/tool` can now reach `shop/api:8080` in another namespace',
    );
    expect(
      (await cli(['diff', '--base', 'base', '--head', 'head', '--fail-on', 'warning'], root)).code,
    ).toBe(1);
  });

  it('applies the configuration: an ignore with its reason turns a failure into a pass', async () => {
    const root = tree({
      'config.yml':
        'ignore:\n  - code: MG301\n    reason: the report job is migrated next sprint\n  - code: MG302\n    reason: tracked in PLAT-1\n',
    });
    const run = await cli(
      [
        'diff',
        '--base',
        join(ROOT, 'examples/base'),
        '--head',
        join(ROOT, 'examples/head'),
        '--config',
        'config.yml',
        '--format',
        'json',
      ],
      root,
    );
    const report = JSON.parse(run.stdout);
    expect(report.ignored.map((i: { reason: string }) => i.reason)).toEqual(
      expect.arrayContaining(['the report job is migrated next sprint', 'tracked in PLAT-1']),
    );
    // MG102 and MG104 (the broken payments edge) still fail the run.
    expect(run.code).toBe(1);
  });

  it('exits 2 on an invalid configuration, naming the file, line and field', async () => {
    const root = tree({ 'config.yml': 'fail-on: sometimes\n' });
    const run = await cli(
      [
        'diff',
        ...EXAMPLES.map((a) => (a.startsWith('examples') ? join(ROOT, a) : a)),
        '--config',
        'config.yml',
      ],
      root,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^config\.yml:1:10: error fail-on: /m);
    expect(run.stdout).toBe('');
  });

  it('exits 2 when a side could not be read whole, and still reports the rest', async () => {
    const root = tree({
      'base/x.yaml': APP('api'),
      'head/x.yaml': APP('api'),
      'head/broken.yaml': 'a: [unclosed\n',
    });
    const run = await cli(['diff', '--base', 'base', '--head', 'head'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('broken.yaml:2:1: error MG001');
    expect(run.stderr).toContain('partial');
  });

  it('leaves out unreadable files that the configured paths exclude, as it does broken ones', async () => {
    const blob = new Uint8Array([0xff, 0xfe, 0x00]);
    const root = tree({
      'config.yml': 'paths: ["**/*.yaml", "!charts/**"]\n',
      ...Object.fromEntries(Object.entries(side('a')).map(([k, v]) => [`base/${k}`, v])),
      ...Object.fromEntries(Object.entries(side('a')).map(([k, v]) => [`head/${k}`, v])),
      'head/charts/blob.yaml': blob,
      'head/charts/broken.yaml': 'a: [unclosed\n',
    });
    const argv = ['diff', '--base', 'base', '--head', 'head'];
    const run = await cli([...argv, '--config', 'config.yml', '--format', 'json'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).inputs.partial).toBe(false);
    // Without the configuration, the same file fails the run: it could not be read.
    expect((await cli(argv, root)).code).toBe(2);
  });

  it.each([
    [['diff'], 'diff needs --base DIR and --head DIR'],
    [['diff', '--base', 'a'], 'diff needs --base DIR and --head DIR'],
    [
      ['diff', '--base', 'a', '--head', 'b', '--format', 'html'],
      '--format must be one of text, markdown, json, sarif',
    ],
    [['diff', '--base', 'a', '--head', 'b', 'extra'], 'unexpected argument "extra"'],
    [['diff', '--base=', '--head=shop'], '--base needs a value, not an empty string'],
    [['diff', '--base', 'a', '--head', ''], '--head needs a value, not an empty string'],
    [
      ['diff', '--base', 'a', '--head', 'b', '--namespace', 'Shop'],
      '--namespace must be a Kubernetes namespace name, not "Shop"',
    ],
  ])('exits 2 on the usage error in %j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
