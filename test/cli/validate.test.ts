import { describe, expect, it } from 'vitest';
import { cli, tree } from '../support/cli.js';

const GOOD =
  'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec: {mtls: {mode: STRICT}}\n';
const INVALID =
  'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n  action: ALOW\n';
// A misspelt selector is dropped by the API server: a warning (the policy becomes namespace-wide).
const WARNING =
  'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: w, namespace: shop}\nspec:\n  selectr: {matchLabels: {app: a}}\n  rules: [{}]\n';

describe('meshguard validate', () => {
  it('exits 0 on clean manifests and summarises what it read', async () => {
    const root = tree({ 'mesh/pa.yaml': GOOD, 'mesh/notes.txt': 'ignored' });
    const run = await cli(['validate', 'mesh'], root);
    expect(run).toEqual({
      code: 0,
      stdout: '1 file, 1 document, 1 object modelled: 0 errors, 0 warnings\n',
      stderr: '',
    });
  });

  it('exits 0 with warnings only, and 1 with errors, naming file, line and column', async () => {
    const root = tree({ 'a/invalid.yaml': INVALID, 'a/warning.yaml': WARNING });
    expect((await cli(['validate', 'a/warning.yaml'], root)).code).toBe(0);
    const run = await cli(['validate', 'a'], root);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      'a/invalid.yaml:5:11: error MG011 `spec.action` is `ALOW`, which is not one of ALLOW, DENY, AUDIT, CUSTOM (AuthorizationPolicy shop/p)',
    );
  });

  it('shows control characters from file names, values and names instead of sending them', async () => {
    const hostile =
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: "p\\e[2J", namespace: shop}\nspec:\n  action: "ALOW\\e[31m\\nforged.yaml:1:1: error MG011 forged"\n';
    const root = tree({ 'red\u001b[31m.yaml': hostile });
    const run = await cli(['validate', '.'], root);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout.split('\n')).toEqual([
      'red\\u{1b}[31m.yaml:5:11: error MG011 `spec.action` is `ALOW\\u{1b}[31m\\u{a}forged.yaml:1:1: error MG011 forged`, which is not one of ALLOW, DENY, AUDIT, CUSTOM (AuthorizationPolicy shop/p\\u{1b}[2J)',
      '1 file, 1 document, 0 objects modelled: 1 error, 0 warnings',
      '',
    ]);
  });

  it('exits 2 when a file cannot be parsed, but still reports the rest', async () => {
    const root = tree({ 'm/broken.yaml': 'a: [unclosed\n', 'm/invalid.yaml': INVALID });
    const run = await cli(['validate', 'm'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^m\/broken\.yaml:2:1: error MG001 /m);
    expect(run.stdout).toContain('m/invalid.yaml:5:11: error MG011');
  });

  it('exits 2 for a missing path or an unreadable file', async () => {
    const root = tree({
      'ok.yaml': GOOD,
      'latin1.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]),
    });
    const missing = await cli(['validate', 'nowhere'], root);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain(
      'nowhere:1:1: error MG005 file could not be read: no such file or directory',
    );
    const binary = await cli(['validate', 'latin1.yaml', 'ok.yaml'], root);
    expect(binary.code).toBe(2);
    expect(binary.stdout).toContain(
      'latin1.yaml:1:1: error MG005 file could not be read: not valid UTF-8 text',
    );
  });

  it('writes JSON with a schema version and flat positions', async () => {
    const root = tree({ 'p.yaml': INVALID });
    const run = await cli(['validate', '--format', 'json', 'p.yaml'], root);
    const report = JSON.parse(run.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.diagnostics).toEqual([
      {
        code: 'MG011',
        severity: 'error',
        message: '`spec.action` is `ALOW`, which is not one of ALLOW, DENY, AUDIT, CUSTOM',
        file: 'p.yaml',
        line: 5,
        column: 11,
        object: 'AuthorizationPolicy shop/p',
      },
    ]);
  });

  it('writes SARIF 2.1.0 with the catalogue rule for each result', async () => {
    const root = tree({ 'p.yaml': INVALID });
    const sarif = JSON.parse((await cli(['validate', '--format=sarif', 'p.yaml'], root)).stdout);
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run.tool.driver.rules.map((r: { id: string; name: string }) => [r.id, r.name])).toEqual([
      ['MG011', 'invalid-enum-value'],
    ]);
    expect(run.results[0]).toMatchObject({
      ruleId: 'MG011',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'p.yaml' },
            region: { startLine: 5, startColumn: 11 },
          },
        },
      ],
    });
  });

  it('puts objects without a namespace where --namespace says', async () => {
    const root = tree({
      'sa.yaml':
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a, namespace: other}\n',
    });
    expect((await cli(['validate', 'sa.yaml'], root)).code).toBe(0);
    const clash = await cli(
      ['validate', '--namespace', 'other', '--format', 'json', 'sa.yaml'],
      root,
    );
    expect(JSON.parse(clash.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'MG012',
    ]);
  });

  it.each([
    [['validate'], 'validate needs at least one PATH'],
    [
      ['validate', '--format', 'yaml', 'x'],
      '--format must be one of text, json, sarif, not "yaml"',
    ],
    [['validate', '--bogus', 'x'], 'unknown option --bogus'],
    [['validate', '--format'], '--format needs a value'],
    // An empty path would quietly read the working directory instead.
    [['validate', ''], 'a PATH is an empty string; use `.` for this directory'],
    [['validate', '--', ''], 'a PATH is an empty string'],
    [['validate', '--format=', 'x'], '--format needs a value, not an empty string'],
    // The configuration's `default-namespace` rule: a name Kubernetes accepts.
    [
      ['validate', '--namespace', 'Bad NS/x', 'x'],
      '--namespace must be a Kubernetes namespace name, not "Bad NS/x"',
    ],
    [['validate', '--namespace', '', 'x'], '--namespace needs a value, not an empty string'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('exits 2 on the usage error in %j', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
  });

  it('prints help and version', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect((await cli(['--help'])).stdout).toContain('validate PATH...');
    expect((await cli(['validate', '--help'])).stdout).toContain('Exit status: 0 no errors');
  });
});
