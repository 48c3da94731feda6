import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseConfig } from '../../src/analysis/config/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'github', 'config');
const schema = JSON.parse(
  readFileSync(join(ROOT, 'schema', 'meshguard.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function schemaAccepts(text: string): boolean {
  return validate(parse(text) ?? {}) === true;
}

function meshguardAccepts(text: string): boolean {
  return !parseConfig(text, 'meshguard.yml').problems.some((p) => p.severity === 'error');
}

function files(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(join(FIXTURES, kind)).filter((f) => f.endsWith('.yml'));
}

describe('schema/meshguard.schema.json', () => {
  it.each(files('valid'))('accepts valid/%s, as meshguard does', (name) => {
    const text = readFileSync(join(FIXTURES, 'valid', name), 'utf8');
    expect(schemaAccepts(text), JSON.stringify(validate.errors)).toBe(true);
    expect(meshguardAccepts(text)).toBe(true);
  });

  it.each(files('invalid'))('rejects invalid/%s, as meshguard does', (name) => {
    const text = readFileSync(join(FIXTURES, 'invalid', name), 'utf8');
    expect(schemaAccepts(text)).toBe(false);
    expect(meshguardAccepts(text)).toBe(false);
  });

  // Two rules the schema cannot express and meshguard checks on top: glob syntax (balanced
  // braces) and unique render names. Everything else must agree.
  it.each([
    ['{}', true],
    ['version: 2', false],
    ['paths: []', true],
    ['paths: [1]', false],
    ['paths: ["  "]', false],
    ['render: [{name: a, command: [], paths: [x]}]', false],
    ['render: [{name: A, command: x, paths: [x]}]', false],
    ['render: [{name: a, command: x, paths: [x], timeout-seconds: 0}]', false],
    ['render: [{name: a, command: x, paths: [x], timeout-seconds: 3600}]', true],
    ['render: [{name: a, command: x, paths: [x], extra: 1}]', false],
    ['comment: sometimes', false],
    ['default-namespace: a-very-long-namespace-name-that-goes-beyond-the-sixty-three-chars', false],
    ['mesh: {rootNamespace: ok, anything: [1, 2]}', true],
    ['mesh: {trustDomainAliases: [a, ""]}', false],
    ['mesh: {outboundTrafficPolicy: {mode: DENY}}', false],
    ['mesh: {extensionProviders: [{envoyExtAuthzHttp: {}}]}', false],
    ['mesh: []', false],
    ['severity: {MG001: fatal}', false],
    ['severity: {MG001: "off"}', true],
    ['ignore: [{code: MG001, reason: x, expires: 2026-02-30}]', true],
    ['ignore: [{code: MG001, reason: x, expires: 2026-13-01}]', false],
    ['ignore: [{code: MG001, reason: x, object: "AuthorizationPolicy ns/name"}]', true],
    ['ignore: [{code: MG001, reason: x, object: "ns/name"}]', false],
    ['protected: [payments, shop/checkout, "a/b/c"]', false],
    ['protected: [payments, shop/checkout]', true],
    ['sensitive-ports: [5432, 8443]', true],
    ['sensitive-ports: [0]', false],
    ['sensitive-ports: ["5432"]', false],
    ['just a string', false],
  ])('agrees with meshguard on %s (valid: %s)', (text, valid) => {
    expect({ schema: schemaAccepts(text), meshguard: meshguardAccepts(text) }).toEqual({
      schema: valid,
      meshguard: valid,
    });
  });

  it('agrees with meshguard on generated configurations (property)', () => {
    // Anything, including near misses of each field's rule.
    const anyValue = fc.oneof(
      fc.constantFrom('error', 'never', 'on-change', 'MG012', 'payments', 'shop/api', '', ' '),
      fc.constantFrom('Apps', 'MGX', '2026-1-31', 'a/b/c', 'ns/name', 'Istio', 'X Y'),
      fc.integer({ min: -1, max: 4000 }),
      fc.boolean(),
      fc.constant(null),
    );
    // Mostly valid values, sometimes anything: both answers must be common.
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: anyValue });
    const glob = fc.constantFrom('**/*.yaml', '!vendor/**', 'istio/*.yml');
    const config = fc
      .record(
        {
          version: mostly(fc.constant(1)),
          paths: mostly(fc.array(glob, { maxLength: 2 })),
          'fail-on': mostly(fc.constantFrom('error', 'warning', 'never')),
          comment: mostly(fc.constantFrom('always', 'on-change', 'never')),
          'default-namespace': mostly(fc.constantFrom('apps', 'a-b')),
          mesh: mostly(
            fc.record(
              {
                rootNamespace: mostly(fc.constantFrom('istio-system', 'mesh-root')),
                enableAutoMtls: mostly(fc.boolean()),
                trustDomain: mostly(fc.constantFrom('cluster.local', 'corp.example')),
              },
              { requiredKeys: [] },
            ),
          ),
          severity: mostly(
            fc.dictionary(
              fc.constantFrom('MG001', 'MG012'),
              mostly(fc.constantFrom('error', 'off')),
            ),
          ),
          ignore: mostly(
            fc.array(
              fc.record(
                {
                  code: mostly(fc.constantFrom('MG001', 'MG004')),
                  reason: mostly(fc.constantFrom('accepted', 'tracked in PLAT-1')),
                  expires: mostly(fc.constantFrom('2026-01-31', '2027-12-01')),
                  object: mostly(fc.constantFrom('AuthorizationPolicy a/b', 'Service x')),
                },
                { requiredKeys: ['code', 'reason'] },
              ),
              { maxLength: 2 },
            ),
          ),
          protected: mostly(
            fc.array(mostly(fc.constantFrom('payments', 'shop/api')), { maxLength: 3 }),
          ),
          unknown: anyValue,
        },
        { requiredKeys: [] },
      )
      .map(({ unknown, ...rest }) => (unknown === 0 ? { unknown, ...rest } : rest));
    const seen = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(config, (value) => {
        const text = stringify(value);
        const accepted = meshguardAccepts(text);
        seen[accepted ? 'valid' : 'invalid']++;
        expect({ text, meshguard: accepted }).toEqual({ text, meshguard: schemaAccepts(text) });
      }),
      { numRuns: 500 },
    );
    // The generator must exercise both answers, or the property proves nothing.
    expect(seen.valid).toBeGreaterThan(10);
    expect(seen.invalid).toBeGreaterThan(10);
  });
});
