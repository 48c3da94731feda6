import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PATHS, parseConfig, splitCommand } from '../../src/analysis/config/index.js';
import { yaml } from '../support/load.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'github', 'config');
const FILE = '.github/meshguard.yml';

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

describe('parseConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig(fixture('valid/empty.yml'), FILE)).toEqual({
      config: { paths: DEFAULT_PATHS, render: [], analyze: {} },
      problems: [],
    });
  });

  it('reads every field into analysis options and adapter settings', () => {
    const { config, problems } = parseConfig(fixture('valid/full.yml'), FILE);
    expect(problems).toEqual([]);
    expect(config).toEqual({
      paths: ['clusters/*/istio/**/*.{yaml,yml}', '!clusters/sandbox/**'],
      render: [],
      comment: 'always',
      analyze: {
        failOn: 'warning',
        defaultNamespace: 'apps',
        meshSettings: {
          rootNamespace: 'istio-config',
          trustDomain: 'corp.example',
          trustDomainAliases: ['old.example'],
          enableAutoMtls: false,
          outboundTrafficPolicy: 'REGISTRY_ONLY',
          extensionProviders: ['opa-ext-authz'],
        },
        severities: { MG004: 'notice', MG011: 'off' },
        ignores: [
          {
            code: 'MG004',
            object: 'AuthorizationPolicy shop/legacy-allow',
            reason: "rendered by the platform team's pipeline, reviewed there",
            expires: '2027-01-31',
          },
          { code: 'MG012', id: 'MG012:AuthorizationPolicy shop/x', reason: 'tracked in PLAT-123' },
        ],
        protectedWorkloads: ['payments', 'shop/checkout'],
        sensitivePorts: [5432, 6379, 8443],
      },
    });
  });

  it('splits render commands without a shell and analyses only rendered output by default', () => {
    const { config, problems } = parseConfig(fixture('valid/render.yml'), FILE);
    expect(problems).toEqual([]);
    expect(config.paths).toEqual([]);
    expect(config.render).toEqual([
      {
        name: 'prod',
        argv: ['kustomize', 'build', 'overlays/prod'],
        paths: ['overlays/**', 'base/**'],
        timeoutSeconds: 300,
      },
      {
        name: 'gateway',
        argv: [
          'helm',
          'template',
          'gw',
          'charts/gateway',
          '--values',
          'charts/gateway/values prod.yaml',
        ],
        paths: ['charts/gateway/**'],
        timeoutSeconds: 120,
      },
    ]);
  });

  it('accepts a pasted meshConfig and warns about each field it does not read', () => {
    const { config, problems } = parseConfig(fixture('valid/meshconfig-paste.yml'), FILE);
    expect(config.analyze.meshSettings).toEqual({
      rootNamespace: 'istio-system',
      outboundTrafficPolicy: 'ALLOW_ANY',
    });
    expect(problems.map((p) => `${p.severity} ${p.line}:${p.column} ${p.field}`)).toEqual([
      'warning 4:3 mesh.accessLogFile',
      'warning 5:3 mesh.defaultConfig',
    ]);
  });

  it('names the file, line, column and field of a misspelt key, with a suggestion', () => {
    expect(parseConfig(fixture('invalid/unknown-field.yml'), FILE).problems).toEqual([
      {
        severity: 'error',
        file: FILE,
        line: 2,
        column: 1,
        field: 'failOn',
        message: 'unknown field `failOn`; did you mean `fail-on`?',
      },
    ]);
  });

  it.each([
    [
      'invalid/bad-enum.yml',
      '2:10 fail-on: `fail-on` must be one of error, warning, never, not `errors`',
    ],
    ['invalid/ignore-without-reason.yml', '3:5 ignore[0].reason: `ignore[0].reason` is required'],
    [
      'invalid/bad-expires.yml',
      '5:14 ignore[0].expires: `ignore[0].expires` must be a date written YYYY-MM-DD, not `31/12/2026`',
    ],
    [
      'invalid/bad-namespace.yml',
      '2:20 default-namespace: `default-namespace` must be a Kubernetes namespace name, not `Payments_Prod`',
    ],
    ['invalid/render-missing-paths.yml', '3:5 render[0].paths: `render[0].paths` is required'],
    ['invalid/paths-not-a-list.yml', '2:8 paths: `paths` must be a list'],
    [
      'invalid/bad-code.yml',
      '3:3 severity.IST0101: `IST0101` is not a meshguard code such as `MG012`',
    ],
    [
      'invalid/bad-mesh-type.yml',
      '3:19 mesh.enableAutoMtls: `mesh.enableAutoMtls` must be true or false',
    ],
    [
      'invalid/blank-reason.yml',
      '4:13 ignore[0].reason: `ignore[0].reason` must be non-empty text, not `   `',
    ],
  ])('reports %s', (name, expected) => {
    const problems = parseConfig(fixture(name), FILE).problems.filter(
      (p) => p.severity === 'error',
    );
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      expected,
    ]);
  });

  it('drops an ignore rule whole when one of its fields is invalid', () => {
    const { config } = parseConfig(fixture('invalid/bad-expires.yml'), FILE);
    // A mistyped expiry must not turn into a permanent ignore.
    expect(config.analyze.ignores).toEqual([]);
  });

  it('warns about codes this version does not know and leaves them out', () => {
    const { config, problems } = parseConfig(
      yaml`
        severity:
          MG799: warning
        ignore:
          - code: MG798
            reason: future code
      `,
      FILE,
    );
    expect(config.analyze.severities).toEqual({});
    expect(config.analyze.ignores).toEqual([]);
    expect(problems.map((p) => `${p.severity} ${p.field}`)).toEqual([
      'warning severity.MG799',
      'warning ignore[0].code',
    ]);
  });

  it.each([
    ['paths: [a.yaml\n', 'error 2:1 '],
    ['- just\n- a list\n', 'error 1:1 '],
    ['fail-on: error\nfail-on: never\n', 'error 2:1 '],
    ['---\na: 1\n---\nb: 2\n', 'error 3:1 '],
  ])('reports YAML-level problems of %j', (text, expected) => {
    const problems = parseConfig(text, FILE).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(
      `${problems[0]?.severity} ${problems[0]?.line}:${problems[0]?.column} ${problems[0]?.field}`,
    ).toBe(expected);
  });

  it('reports duplicate render names', () => {
    const { config, problems } = parseConfig(
      yaml`
        render:
          - {name: prod, command: a, paths: [x]}
          - {name: prod, command: b, paths: [y]}
      `,
      FILE,
    );
    expect(config.render.map((r) => r.argv)).toEqual([['a']]);
    expect(problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
      '3 render[1].name: the name `prod` is used twice',
    ]);
  });

  it('rejects invalid globs with the reason', () => {
    expect(
      parseConfig('paths: ["a/{b"]\n', FILE).problems.map((p) => `${p.field}: ${p.message}`),
    ).toEqual(['paths[0]: a `{` is never closed']);
  });
});

describe('splitCommand', () => {
  it.each([
    ['kustomize build overlays/prod', ['kustomize', 'build', 'overlays/prod']],
    ['  helm   template  x ', ['helm', 'template', 'x']],
    [`helm template "a b" 'c d'`, ['helm', 'template', 'a b', 'c d']],
    [`echo ""`, ['echo', '']],
    [`a"b c"d`, ['ab cd']],
    [`echo $HOME | cat`, ['echo', '$HOME', '|', 'cat']], // no shell: these are plain words
    [`echo "unclosed`, null],
  ])('%s', (text, expected) => {
    expect(splitCommand(text)).toEqual(expected);
  });
});
