import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tree } from '../support/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const explain = (...argv: string[]) => cli(['explain', ...argv], ROOT);
const change = ['--base', 'examples/base', '--head', 'examples/head'];

describe('meshguard explain', () => {
  it('explains one side: transport with its evidence, then the deciding rule with file:line', async () => {
    const run = await explain(
      '--dir',
      'examples/base',
      '--from',
      'shop/checkout',
      '--to',
      'payments/payments:8443',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(
      'shop/checkout -> payments/payments (identity it presents where the hop is mTLS: cluster.local/ns/shop/sa/checkout)',
    );
    expect(run.stdout).toContain(
      'port 8443 (name http, http chain): allowed for some requests: POST /v1/charges',
    );
    expect(run.stdout).toContain(
      'transport: mTLS, peer cluster.local/ns/shop/sa/checkout, via Service payments/payments port 8443',
    );
    expect(run.stdout).toContain(
      'client: DestinationRule payments/payments: tls mode ISTIO_MUTUAL (service namespace)  examples/base/payments/policies.yaml:30:13',
    );
    expect(run.stdout).toContain(
      'ALLOW  AuthorizationPolicy payments/payments rule 0  examples/base/payments/policies.yaml:12:7',
    );
  });

  it('explains a change: broken on the head, and what authorization would say over mTLS', async () => {
    const run = await explain(
      ...change,
      '--from',
      'shop/checkout',
      '--to',
      'payments/payments:8443',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      [
        '  port 8443: access, transport changed',
        '    base: allowed for some requests: POST /v1/charges; mTLS',
        '    head: denied: the connection fails (broken transport)',
      ].join('\n'),
    );
    expect(run.stdout).toContain(
      'client: DestinationRule payments/payments: tls mode DISABLE (service namespace)  examples/head/payments/policies.yaml:30:13',
    );
    expect(run.stdout).toContain('authorization if the caller reached the port over mTLS:');
  });

  it('explains the label rename as JSON: allowed in base, denied in head, and the detached policy', async () => {
    const run = await explain(
      ...change,
      '--from',
      'istio-ingress/ingressgateway',
      '--to',
      'shop/frontend:8080',
      '--format',
      'json',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.changes).toEqual([
      {
        port: 8080,
        base: { access: 'partial', transport: 'mtls' },
        head: { access: 'deny', transport: 'mtls' },
        accessChanged: true,
        transportChanged: false,
        reasonsChanged: true,
      },
    ]);
    expect(json.policies).toEqual([
      {
        policy: 'AuthorizationPolicy shop/frontend',
        change: 'no-longer-applies',
        note: 'its selector wants `app=frontend`; the workload has `app=web-frontend`',
        side: 'head',
        file: 'examples/head/shop/authorization.yaml',
        line: 9,
        column: 5,
      },
    ]);
    expect(json.base.ports[0].authorization.allow).toEqual([
      expect.objectContaining({
        policy: 'AuthorizationPolicy shop/frontend',
        file: 'examples/base/shop/authorization.yaml',
        line: 13,
      }),
    ]);
  });

  it('explains the plaintext cron job: denied in base, allowed for GET /inventory/* in head', async () => {
    const run = await explain(
      ...change,
      '--from',
      'legacy/reports',
      '--to',
      'legacy/inventory:8080',
      '--format',
      'json',
    );
    const json = JSON.parse(run.stdout);
    expect(json.changes[0]).toMatchObject({
      base: { access: 'deny', transport: 'plaintext' },
      head: { access: 'partial', transport: 'plaintext' },
    });
    expect(json.head.ports[0].authorization.allow[0]).toMatchObject({
      policy: 'AuthorizationPolicy legacy/inventory-reports',
      matches: ['GET /inventory/*'],
    });
    expect(json.base.ports[0].authorization.nearest).toMatchObject({
      policy: 'AuthorizationPolicy legacy/inventory',
      missing: [{ part: 'from', requires: 'principals: cluster.local/ns/shop/sa/catalog' }],
    });
  });

  it('says which Service port was asked for', async () => {
    const run = await explain(
      '--dir',
      'examples/base',
      '--from',
      'istio-ingress/ingressgateway',
      '--to',
      'shop/frontend:80',
      '--method',
      'GET',
      '--path',
      '/',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'port 8080 (name http, http chain; asked as Service port 80 of Service shop/frontend): allowed',
    );
  });

  it.each([
    [
      ['--dir', 'examples/base', '--from', 'shop/frontnd', '--to', 'shop/cart'],
      'no caller `shop/frontnd` in the manifests; did you mean `shop/frontend`?',
    ],
    [
      ['--dir', 'examples/base', '--from', 'shop/frontend', '--to', 'shop/cart:9999'],
      '`shop/cart` has no port `9999`; its ports: `8080 (Service shop/cart port 8080)`',
    ],
  ])('exits 2 with one clear line for an unknown workload or port: %j', async (argv, message) => {
    const run = await explain(...argv);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `meshguard explain: ${message}\n` });
  });

  it.each([
    [[], 'explain needs --from and --to'],
    [['--from', 'a/b', '--to', 'c/d'], 'explain needs --dir DIR (or --base and --head)'],
    [['--dir=', '--from', 'a/b', '--to', 'c/d'], '--dir needs a value, not an empty string'],
    [
      ['--dir', 'x', '--from', 'a/b', '--to', 'c/d', '--namespace', 'a_b'],
      '--namespace must be a Kubernetes namespace name, not "a_b"',
    ],
    [['--base', 'x', '--from', 'a/b', '--to', 'c/d'], '--base and --head go together'],
    [
      ['--dir', 'x', ...change, '--from', 'a/b', '--to', 'c/d'],
      'give either --dir or --base and --head, not both',
    ],
    [['--dir', 'x', '--from', 'A/b', '--to', 'c/d'], '--from "A/b" is not namespace/workload'],
    [['--dir', 'x', '--from', 'a/b', '--to', 'c/d:0'], '--to: `0` is not a port number (1-65535)'],
    [
      ['--dir', 'x', '--from', 'a/b', '--to', 'c/d', '--method', 'get'],
      '`get` is not an HTTP method',
    ],
    [
      ['--dir', 'x', '--from', 'a/b', '--to', 'c/d', '--path', 'no-slash'],
      '`no-slash` is not a request path',
    ],
    [
      ['--dir', 'x', '--from', 'a/b', '--to', 'c/d', '--format', 'yaml'],
      '--format must be one of text, json',
    ],
  ])('exits 2 on a usage error: %j', async (argv, message) => {
    const run = await explain(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: meshguard explain');
  });

  it('answers over what it could read, and exits 2 when some input was unreadable', async () => {
    const root = tree({
      'mesh/ns.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {istio-injection: enabled}}\n',
      'mesh/app.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: a, image: a, ports: [{containerPort: 80}]}]\n',
      'mesh/bad.yaml': new Uint8Array([0xff, 0xfe, 0x00]),
    });
    const run = await cli(['explain', '--dir', 'mesh', '--from', 'shop/a', '--to', 'shop/a'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'mesh/bad.yaml:1:1: error MG005 file could not be read: not valid UTF-8 text\n',
    );
    expect(run.stdout).toContain('note: some input could not be read; the answer may be partial');
    expect(run.stdout).toContain('port 80');
  });

  it('exits 2 when the directory does not exist, naming it', async () => {
    const run = await explain('--dir', 'no/such/dir', '--from', 'a/b', '--to', 'c/d');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'no/such/dir:1:1: error MG005 file could not be read: no such file or directory',
    );
  });

  it('names the file and line of a broken manifest on stderr, on either side of a change', async () => {
    const app =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: a, image: a, ports: [{containerPort: 80}]}]\n';
    const root = tree({
      'base/app.yaml': app,
      'head/app.yaml': app,
      'head/bad.yaml': `${app}  oops: [\n`,
    });
    const query = ['--from', 'shop/a', '--to', 'shop/a', '--format', 'json'];
    const run = await cli(['explain', '--base', 'base', '--head', 'head', ...query], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^head\/bad\.yaml:\d+:\d+: error MG001 YAML syntax error: /);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    // stdout is still the answer, whole JSON.
    expect(JSON.parse(run.stdout).changes).toBeDefined();
  });

  it('is listed in the top-level help', async () => {
    const run = await cli(['--help']);
    expect(run.stdout).toMatch(/^ {2}explain +why a caller can/m);
  });
});
