import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setContains } from '../../../src/analysis/authz/point.js';
import { side } from '../support.js';
import { NCA, differences, fingerprint, readScheme } from './nca.js';

/**
 * IBM Network Config Analyzer's expected answers (`test/corpus/nca-istio`), compared only where
 * NCA's model matches Istio's (that README's caveats): every pod has a sidecar and presents its
 * identity, so only the manifests' identities are compared (no plaintext caller, no identity
 * from outside the manifests, both of which NCA's closed world lacks); NCA's root namespace is
 * `istio-config`. Each query whose answer differs from NCA's is listed in `DIFFERENT_FROM_NCA`
 * with Istio's reason, and in DISAGREEMENTS.md.
 */

const BOOKINFO_SERVICES = ['../../example_podlist/bookinfo_services.yaml'];

const SCHEMES: readonly [string, readonly string[]][] = [
  [
    'istio_testcases/example_policies/bookinfo-demo/bookinfo-test-equiv-scheme.yaml',
    BOOKINFO_SERVICES,
  ],
  [
    'istio_testcases/example_policies/bookinfo-demo/bookinfo-test-principals-scheme.yaml',
    BOOKINFO_SERVICES,
  ],
  ['istio_testcases/example_policies/testcase1/testcase1-istio-scheme.yaml', []],
  ['istio_testcases/example_policies/testcase2/testcase2-istio-scheme.yaml', []],
];

/** Queries where meshguard (following Istio) answers differently from NCA, and why. */
const DIFFERENT_FROM_NCA: Readonly<Record<string, string>> = {
  'equiv-diff-methods-3':
    'port 80 is not a port of details (9080): meshguard evaluates declared workload ports only',
  'equiv-diff-methods-4': 'ports 80 and 8080 are not ports of details (9080)',
  'equiv-diff-methods-details-viewer':
    'NCA knows only the 9 standard methods; Envoy also accepts other method tokens, which `notMethods: ["*T"]` allows and the method list does not',
  'equiv-diff-methods-reviews-viewer':
    'same: a custom method such as `PROPFIND` separates the two spellings',
  'equiv-diff-methods-ratings-viewer':
    'same: a custom method ending in T but not CT, such as `XT`, is allowed by `*T` minus `G*` and not by `POST, PUT, *CT`',
  'equiv-diff-methods-allow-all-methods':
    'same: `methods: ["*"]` allows custom methods, the list of standard methods does not',
  'equiv-diff-methods-allow-no-methods':
    'same: `methods: ["DUMMY"]` allows requests sent with method DUMMY; `notMethods: ["*"]` allows none',
  'istio-test-operation-regex-equiv2':
    'on an HTTP port `paths: ["*"]` (regex `.+`) matches every request, and allow-all only adds workloads no other policy selects, which are allowed anyway; NCA\'s own semanticDiff of the same pair reports no change',
};

describe("NCA equivalence queries, closed world of the manifests' identities", () => {
  const queries = SCHEMES.flatMap(([path, extra]) => {
    const scheme = readScheme(path, extra);
    return scheme.queries
      .filter((q) => q.equivalence)
      .map((q) => ({ scheme, name: q.name, entries: q.equivalence ?? [], expected: q.expected }));
  });

  it.each(queries)('$name', ({ scheme, name, entries, expected }) => {
    const prints = entries.map((e) => fingerprint(scheme, e, { closedWorld: true }));
    const first = prints[0]!;
    const different = prints.slice(1).filter((p) => differences(first, p).length > 0).length;
    const ncaEquivalent = expected === 0;
    const ours = different === 0;
    expect({ name, equivalent: ours }).toEqual({
      name,
      equivalent: name in DIFFERENT_FROM_NCA ? !ncaEquivalent : ncaEquivalent,
    });
  });

  it('the open world tells `principals` from `when: source.principal` where NCA cannot: plaintext and outside callers', () => {
    const scheme = readScheme(SCHEMES[1]![0], BOOKINFO_SERVICES);
    const a = fingerprint(scheme, 'istio-test-principals-basic-2', { closedWorld: false });
    const b = fingerprint(scheme, 'bookinfo-policy-equiv-principals-by-condition-2', {
      closedWorld: false,
    });
    // `notPrincipals` + `namespaces: [default]` needs an identity; `source.principal notValues` does not (§5).
    expect(differences(a, b)).toEqual([
      'default/details-v1:9080 <- plaintext',
      'default/details-v1:9080 <- outside',
    ]);
  });
});

// ---- Online Boutique connectivity map ---------------------------------------------------------

const OB = 'istio_testcases/example_policies/online_boutique/new_online_boutique_manifests_istio';

interface Expected {
  readonly ports: readonly number[] | null;
  readonly methods: readonly string[] | null;
  readonly paths: readonly string[] | null;
}

/** The TCP section of NCA's txt connectivity map: `(source, destination) → allowed cube`. */
function connectivityMap(
  text: string,
  podsOf: (namespaces: string[], pods: string) => string[],
): Map<string, Expected> {
  const section = text.split('For connections of type non-TCP')[0] ?? '';
  const out = new Map<string, Expected>();
  for (const line of section.split('\n')) {
    const m =
      /^(?:src: (0\.0\.0\.0\/0)|src_ns: \[([^\]]*)\] src_pods: \[([^\]]*)\]) dst_ns: \[([^\]]*)\] dst_pods: \[([^\]]*)\] conn: (.*)$/.exec(
        line,
      );
    if (m === null) continue;
    const sources = m[1] ? ['plaintext'] : podsOf(m[2]!.split(','), m[3]!);
    const destinations = podsOf(m[4]!.split(','), m[5]!);
    const conn = m[6]!;
    const field = (name: string): string[] | null => {
      const f = new RegExp(`${name}:(.*?)(?:,[a-z_]+:|\\}$)`).exec(conn);
      return f ? f[1]!.split(',').map((v) => v.trim()) : null;
    };
    const expected: Expected =
      conn === 'All connections'
        ? { ports: null, methods: null, paths: null }
        : {
            ports: field('dst_ports')?.map(Number) ?? null,
            methods: field('methods'),
            paths: field('paths'),
          };
    for (const s of sources) for (const d of destinations) out.set(`${s} -> ${d}`, expected);
  }
  return out;
}

describe('NCA Online Boutique connectivity map (HTTP requests, where NCA reads every port as HTTP)', () => {
  it('allows exactly the listed pairs, ports, methods and paths', () => {
    const dir = join(NCA, OB);
    const s = side(
      {
        'deployments.yaml': readFileSync(join(dir, 'all_deployments.yaml'), 'utf8'),
        'policies.yaml': readFileSync(join(dir, 'all_auth_policies.yaml'), 'utf8'),
      },
      { meshSettings: { rootNamespace: 'istio-config' } },
    );
    const workloads = s.topology.workloads;
    const podsOf = (namespaces: string[], pods: string): string[] => {
      const names =
        pods === '*' ? null : pods.startsWith('app in (') ? pods.slice(8, -1).split(',') : [pods];
      return workloads
        .filter(
          (w) => namespaces.includes(w.namespace) && (names === null || names.includes(w.name)),
        )
        .map((w) => w.id);
    };
    const text = readFileSync(
      join(NCA, 'istio_testcases/expected_output/new_online_boutique_connectivity_map.txt'),
      'utf8',
    );
    const expected = connectivityMap(text, podsOf);
    const paths = [...new Set([...expected.values()].flatMap((e) => e.paths ?? []))];
    let checked = 0;
    for (const source of ['plaintext', ...workloads.map((w) => w.id)]) {
      const caller = workloads.find((w) => w.id === source);
      const peer =
        caller === undefined
          ? null
          : s.peer(`${caller.namespace}/${caller.workload.serviceAccountName.value}`);
      for (const destination of workloads)
        for (const port of destination.ports) {
          const rule = expected.get(`${source} -> ${destination.id}`);
          const allowed = s.access(destination.id, port.port, peer).allowed;
          for (const method of ['GET', 'POST', 'PUT'])
            for (const path of ['/other', ...paths]) {
              const nca =
                rule !== undefined &&
                (rule.ports === null || rule.ports.includes(port.port)) &&
                (rule.methods === null || rule.methods.includes(method)) &&
                (rule.paths === null || rule.paths.includes(path));
              const ours = setContains(allowed, {
                traffic: 'http',
                method,
                path,
                host: `${destination.name}:${port.port}`,
              });
              expect({
                source,
                destination: destination.id,
                port: port.port,
                method,
                path,
                allowed: ours,
              }).toEqual({
                source,
                destination: destination.id,
                port: port.port,
                method,
                path,
                allowed: nca,
              });
              checked++;
            }
        }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
