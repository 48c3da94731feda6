import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INPUT_NAMES, parseInputs } from '../../src/action/inputs.js';
import type { InputName } from '../../src/action/inputs.js';

const ROOT = join(import.meta.dirname, '..', '..');
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

function inputs(values: Partial<Record<InputName, string>> = {}) {
  return parseInputs((name) => values[name] ?? (name === 'github-token' ? 'token' : ''));
}

describe('action.yml', () => {
  it('declares exactly the inputs the Action reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...INPUT_NAMES].sort());
  });

  it('runs dist/index.js on node24 (github-notes.md §2.2)', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('leaves fail-on, comment and paths empty by default, so the configuration file can set them', () => {
    expect([
      action.inputs['fail-on']?.default,
      action.inputs['comment']?.default,
      action.inputs['paths']?.default,
    ]).toEqual(['', '', '']);
  });

  it('is documented in the README: every input and output appears in its tables', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toContain(`| \`${name}\` |`);
    }
  });
});

describe('parseInputs', () => {
  it('gives the defaults for unset inputs', () => {
    expect(inputs()).toEqual({
      githubToken: 'token',
      configPath: '.github/meshguard.yml',
      paths: null,
      failOn: null,
      comment: null,
      checkName: 'meshguard',
      mode: 'review',
      reportJson: null,
      directories: null,
      source: 'auto',
      fetch: false,
    });
  });

  it('reads paths one per line or comma-separated', () => {
    expect(inputs({ paths: 'k8s/**/*.yaml\n  !k8s/tmp/**, istio/*.yml\n' }).paths).toEqual([
      'k8s/**/*.yaml',
      '!k8s/tmp/**',
      'istio/*.yml',
    ]);
  });

  it.each([
    [{ 'fail-on': 'errors' }, 'input `fail-on` must be one of error, warning, never, not `errors`'],
    [{ comment: 'yes' }, 'input `comment` must be one of always, on-change, never, not `yes`'],
    [{ mode: 'post' }, 'input `mode` must be one of review, analyze, publish, not `post`'],
    [{ source: 'svn' }, 'input `source` must be one of auto, git, api, not `svn`'],
    [{ fetch: 'yes' }, 'input `fetch` must be true or false, not `yes`'],
    [{ paths: 'a/{b' }, 'input `paths`: `a/{b`: a `{` is never closed'],
    [
      { 'base-dir': 'examples/base' },
      'inputs `base-dir` and `head-dir` go together: set both or neither',
    ],
    [
      { mode: 'publish' },
      'mode: publish needs `report-json`: the path of the downloaded report file',
    ],
    [
      { 'github-token': '' },
      'input `github-token` is empty: leave it unset to use the workflow token',
    ],
  ] as const)('refuses %j', (values, message) => {
    expect(() => inputs(values)).toThrow(message);
  });

  it('reads the folder pair', () => {
    expect(
      inputs({ 'base-dir': 'examples/base', 'head-dir': 'examples/head' }).directories,
    ).toEqual({
      base: 'examples/base',
      head: 'examples/head',
    });
  });
});
