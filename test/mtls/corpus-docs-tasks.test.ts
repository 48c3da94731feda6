import { describe, expect, it } from 'vitest';
import { corpusFile, edge, evaluate, inNamespace, namespace } from './support.js';

/**
 * test/corpus/istio-docs-tasks: matrices recorded in real clusters by the istio.io docs harness.
 * sleep and httpbin run in foo and bar with sidecars and in legacy without; `curl
 * http://httpbin.<ns>:8000/ip` reaches container port 80. 200 means the call went through, 000
 * (exit code 56) that the server reset it. No DestinationRules: auto mTLS decides.
 */

const HTTPBIN = corpusFile('istio-docs-tasks/workloads/httpbin-port80.yaml');
const SLEEP = corpusFile('istio-docs-tasks/workloads/sleep.yaml');

function topology(
  namespaces: readonly string[],
  withHttpbin: readonly string[],
): Record<string, string> {
  const files: Record<string, string> = {
    'namespaces.yaml': [
      namespace('foo', { 'istio-injection': 'enabled' }),
      namespace('bar', { 'istio-injection': 'enabled' }),
      namespace('legacy'),
      namespace('istio-system'),
    ].join('---\n'),
  };
  for (const ns of namespaces) {
    files[`${ns}/sleep.yaml`] = inNamespace(SLEEP, ns);
    if (withHttpbin.includes(ns)) files[`${ns}/httpbin.yaml`] = inNamespace(HTTPBIN, ns);
  }
  return files;
}

/** `sleep.foo to httpbin.bar: 200` → [['foo', 'bar', 200]]; the `command terminated` lines are noise. */
function matrix(path: string): [string, string, number][] {
  return corpusFile(path)
    .split('\n')
    .flatMap((line) => {
      const m = /^sleep\.(\w+) to httpbin\.(\w+): (\d+)$/.exec(line);
      return m ? [[m[1] ?? '', m[2] ?? '', Number(m[3])] as [string, string, number]] : [];
    });
}

function observed(files: Record<string, string>, expected: [string, string, number][]) {
  const side = evaluate(files);
  return expected.map(([from, to]) => {
    const transport = edge(side, `${from}/sleep`, `${to}/httpbin`, 80).transport;
    return [from, to, transport === 'broken' ? 0 : 200];
  });
}

const policy = (path: string) => corpusFile(`istio-docs-tasks/${path}`);
const ALL = ['foo', 'bar', 'legacy'];

describe('istio.io authn-policy task (PeerAuthentication precedence, §1.2)', () => {
  it.each([
    ['00-baseline', {}],
    ['01-mesh-strict', { 'istio-system/pa.yaml': policy('authn-policy/01-mesh-strict.yaml') }],
    [
      '02-namespace-foo-strict',
      { 'foo/pa.yaml': policy('authn-policy/02-namespace-foo-strict.yaml') },
    ],
    [
      '03-workload-bar-httpbin-strict',
      {
        'foo/pa.yaml': policy('authn-policy/02-namespace-foo-strict.yaml'),
        'bar/pa.yaml': policy('authn-policy/03-workload-bar-httpbin-strict.yaml'),
      },
    ],
    [
      // Step 04 replaces step 03's policy: STRICT with portLevelMtls 80 (the container port) DISABLE.
      '04-workload-bar-httpbin-strict-port80-disable',
      {
        'foo/pa.yaml': policy('authn-policy/02-namespace-foo-strict.yaml'),
        'bar/pa.yaml': policy('authn-policy/04-workload-bar-httpbin-strict-port80-disable.yaml'),
      },
    ],
    [
      // A workload DISABLE beats the namespace STRICT in foo.
      '05-precedence-foo-httpbin-disable',
      {
        'foo/pa.yaml': policy('authn-policy/02-namespace-foo-strict.yaml'),
        'bar/pa.yaml': policy('authn-policy/04-workload-bar-httpbin-strict-port80-disable.yaml'),
        'foo/overwrite.yaml': policy('authn-policy/05-precedence-foo-httpbin-disable.yaml'),
      },
    ],
  ])('step %s reproduces the recorded matrix', (step, policies) => {
    const expected = matrix(`istio-docs-tasks/authn-policy/${step}-expected.txt`);
    expect(expected.length).toBeGreaterThan(0);
    expect(observed({ ...topology(ALL, ALL), ...policies }, expected)).toEqual(expected);
  });
});

describe('istio.io mtls-migration task', () => {
  const files = topology(ALL, ['foo', 'bar']);

  it.each([
    ['00-baseline', {}],
    [
      '01-namespace-foo-strict',
      { 'foo/pa.yaml': policy('mtls-migration/01-namespace-foo-strict.yaml') },
    ],
  ])('step %s reproduces the recorded matrix', (step, policies) => {
    const expected = matrix(`istio-docs-tasks/mtls-migration/${step}-expected.txt`);
    expect(observed({ ...files, ...policies }, expected)).toEqual(expected);
  });

  it('step 02 (mesh STRICT, no recorded output): only the sidecar-less client is cut off', () => {
    // Expected by §1.5: plaintext to a STRICT port is rejected; sidecar clients use auto mTLS.
    const side = evaluate({
      ...files,
      'foo/pa.yaml': policy('mtls-migration/01-namespace-foo-strict.yaml'),
      'istio-system/pa.yaml': policy('mtls-migration/02-mesh-strict.yaml'),
    });
    const result = ALL.flatMap((from) =>
      ['foo', 'bar'].map(
        (to) => `${from}->${to}: ${edge(side, `${from}/sleep`, `${to}/httpbin`, 80).transport}`,
      ),
    );
    expect(result).toEqual([
      'foo->foo: mtls',
      'foo->bar: mtls',
      'bar->foo: mtls',
      'bar->bar: mtls',
      'legacy->foo: broken',
      'legacy->bar: broken',
    ]);
  });
});
