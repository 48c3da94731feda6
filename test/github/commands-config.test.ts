import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_COMMANDS, parseConfig } from '../../src/analysis/config/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(
  readFileSync(join(ROOT, 'schema', 'meshguard.schema.json'), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function both(text: string) {
  const parsed = parseConfig(text, 'meshguard.yml');
  return {
    schema: validate(parse(text) ?? {}) === true,
    meshguard: !parsed.problems.some((p) => p.severity === 'error'),
    commands: parsed.config.commands,
  };
}

describe('the `commands:` configuration', () => {
  it('defaults to the author or write for explain and help, write for rerun, 6 per 10 minutes', () => {
    expect(parseConfig('', 'x').config.commands).toBeUndefined();
    expect(DEFAULT_COMMANDS).toEqual({
      enabled: true,
      permission: 'write',
      allowAuthor: true,
      rerunPermission: 'write',
      rateLimit: 6,
    });
  });

  it('reads every field, and keeps the defaults for the rest', () => {
    expect(both('commands: {permission: triage, rate-limit: 20}')).toEqual({
      schema: true,
      meshguard: true,
      commands: { ...DEFAULT_COMMANDS, permission: 'triage', rateLimit: 20 },
    });
    expect(
      both('commands: {enabled: false, allow-author: false, rerun-permission: maintain}').commands,
    ).toEqual({
      ...DEFAULT_COMMANDS,
      enabled: false,
      allowAuthor: false,
      rerunPermission: 'maintain',
    });
  });

  it.each([
    'commands: {permission: owner}',
    'commands: {rate-limit: 0}',
    'commands: {rate-limit: 101}',
    'commands: {allow-author: yes please}',
    'commands: {permisson: write}',
    'commands: [write]',
  ])('rejects %s, as the schema does', (text) => {
    expect(both(text)).toMatchObject({ schema: false, meshguard: false });
  });

  it('names the field and the choices in the problem', () => {
    expect(parseConfig('commands:\n  permission: owner\n', 'm.yml').problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'commands.permission',
        message:
          '`commands.permission` must be one of read, triage, write, maintain, admin, not `owner`',
      }),
    ]);
  });

  it('docs/app.md shows the defaults, in a block both readers accept', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'app.md'), 'utf8');
    const block = /```yaml\n(commands:[\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(both(block)).toEqual({ schema: true, meshguard: true, commands: DEFAULT_COMMANDS });
  });
});
