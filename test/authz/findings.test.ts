import { describe, expect, it } from 'vitest';
import { authzFindings } from '../../src/analysis/authz/findings.js';
import type { AuthzSide } from '../../src/analysis/authz/findings.js';
import type { Dataplane } from '../../src/analysis/mtls/types.js';
import { authzSideOf, evaluateSide } from '../../src/analysis/graph/side.js';
import { buildTopology } from '../../src/analysis/topology/index.js';
import { load, yaml } from '../support/load.js';
import { documents, workload } from './support.js';

/**
 * MG2xx findings for one side. Each case: a short scene, the code expected, and the line it
 * points at (`file:line`). Plaintext is accepted unless the scene says the port is STRICT.
 */

function findings(
  policies: string,
  options: { strict?: boolean; dataplane?: Dataplane; mesh?: Record<string, unknown> } = {},
) {
  const result = load(
    {
      'apps.yaml': documents(
        workload('foo', 'server', { ports: { 8080: 'http', 9090: 'tcp' } }),
        workload('bar', 'client'),
      ),
      'policies.yaml': policies,
    },
    options.mesh ? { meshSettings: options.mesh } : {},
  );
  const side: AuthzSide = {
    side: 'head',
    mesh: result.mesh,
    topology: buildTopology(result.mesh),
    peerOf: (caller) =>
      caller.kind === 'unauthenticated' ? (options.strict ? 'rejected' : null) : null,
    ...(options.dataplane ? { dataplaneOf: () => options.dataplane! } : {}),
  };
  return authzFindings(side).map((f) => `${f.code} ${f.at.file}:${f.at.line} ${f.message}`);
}

const ap = (name: string, spec: string) => yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: ${name}, namespace: foo}
  spec:
  ${spec}
`;

describe('authzFindings', () => {
  it('MG201/MG202: principals that can never match', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - from:
      - source:
          principals:
          - spiffe://cluster.local/ns/bar/sa/client
          - ns/bar/sa/client`,
      ),
    );
    expect(out).toEqual([
      'MG201 policies.yaml:9 principal `spiffe://cluster.local/ns/bar/sa/client` starts with `spiffe://`, which Istio adds itself, so it never matches; the rule allows less than written',
      'MG202 policies.yaml:10 principal `ns/bar/sa/client` is not `<trust-domain>/ns/<namespace>/sa/<service-account>`, so it never matches; the rule allows less than written',
    ]);
  });

  it('MG203: ALLOW rule with HTTP-only fields on a TCP port', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - to:
      - operation: {methods: [GET]}`,
      ),
    );
    expect(out).toEqual([
      'MG203 policies.yaml:7 this ALLOW rule uses HTTP-only `methods` but applies to TCP port `9090` of `foo/server`; Istio drops the rule there, so it allows nothing on those ports',
    ]);
  });

  it('MG204: DENY rule with HTTP-only fields on a TCP port', () => {
    const out = findings(
      ap(
        'p',
        `  action: DENY
    rules:
    - to:
      - operation: {paths: [/admin]}`,
      ),
    );
    expect(out).toEqual([
      'MG204 policies.yaml:8 this DENY rule uses HTTP-only `paths`, which Istio ignores on TCP port `9090` of `foo/server`; there it matches every connection its other conditions allow',
    ]);
  });

  it('MG205: DENY on identities under PERMISSIVE; not reported on a STRICT port', () => {
    const policy = ap(
      'p',
      `  action: DENY
    rules:
    - from:
      - source: {namespaces: [bar]}`,
    );
    expect(findings(policy).map((f) => f.slice(0, 30))).toEqual(['MG205 policies.yaml:8 this DEN']);
    expect(findings(policy)[0]).toContain(
      'port `8080` of `foo/server` and 1 more accepts plaintext',
    );
    expect(findings(policy, { strict: true })).toEqual([]);
  });

  it('MG206: ALLOW with only negative identity lets plaintext through', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - from:
      - source: {notNamespaces: [bar]}`,
      ),
    );
    expect(out.map((f) => f.split(' ')[0])).toEqual(['MG206']);
    const fixed = findings(
      ap(
        'p',
        `  rules:
    - from:
      - source: {notNamespaces: [bar], namespaces: ["*"]}`,
      ),
    );
    expect(fixed).toEqual([]);
  });

  it('MG207: a selector that matches no workload', () => {
    expect(
      findings(ap('p', `  selector: {matchLabels: {app: nothing}}`)).map((f) =>
        f.split(' ').slice(0, 2).join(' '),
      ),
    ).toEqual(['MG207 policies.yaml:5']);
  });

  it('MG207 is not reported for a selector on a label the injector adds, as evaluated sides see it', () => {
    const files = {
      'apps.yaml': documents(workload('foo', 'server', { ports: { 8080: 'http' } })),
      'policies.yaml': ap('p', `  selector: {matchLabels: {security.istio.io/tlsMode: istio}}`),
    };
    const side = evaluateSide(
      Object.entries(files).map(([path, text]) => ({ path, text })),
      {},
    );
    expect(authzFindings(authzSideOf(side, 'head')).map((f) => f.code)).not.toContain('MG207');
  });

  it('MG208: targetRefs are ignored by sidecars', () => {
    const out = findings(ap('p', `  targetRefs: [{kind: Service, group: "", name: server}]`));
    expect(out).toEqual([
      'MG208 policies.yaml:5 this policy targets Service server; sidecars and ztunnel ignore policies with `targetRefs`, so it is enforced only by waypoints or gateways',
    ]);
  });

  it('MG209/MG210: CUSTOM provider missing, several providers', () => {
    const custom = (name: string, provider: string) =>
      ap(
        name,
        `  action: CUSTOM
    provider: {name: ${provider}}
    rules: [{to: [{operation: {paths: [/x]}}]}]`,
      );
    expect(
      findings(custom('p', 'missing'), { mesh: { extensionProviders: ['opa'] } }).map(
        (f) => f.split(' ')[0],
      ),
    ).toEqual(['MG209', 'MG204']);
    expect(
      findings(documents(custom('a', 'opa'), custom('b', 'other')), {
        mesh: { extensionProviders: ['opa', 'other'] },
      }).map((f) => f.split(' ')[0]),
    ).toEqual(['MG210', 'MG204', 'MG204']);
  });

  it('MG211: dry-run', () => {
    const out = findings(yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: p, namespace: foo, annotations: {istio.io/dry-run: "true"}}
      spec: {action: DENY, rules: [{}]}
    `);
    // At the annotation (line 3), where a reviewer would remove it, not at the object.
    expect(out).toEqual([
      'MG211 policies.yaml:3 this DENY policy is annotated `istio.io/dry-run` and is not enforced',
    ]);
  });

  it('MG212: an empty ALLOW rule allows everything', () => {
    expect(findings(ap('p', `  rules: [{}]`))).toEqual([
      'MG212 policies.yaml:5 this empty ALLOW rule allows every request to every workload in namespace foo; every other ALLOW policy there becomes irrelevant',
    ]);
  });

  it('MG213/MG214: unknown method, host without port', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - to:
      - operation:
          methods: [get]
          hosts: [server.foo]
          ports: ["8080"]`,
      ),
    );
    expect(out.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'MG213 policies.yaml:8',
      'MG214 policies.yaml:9',
    ]);
  });

  it('MG214 stays quiet when the same field also matches the host with a port', () => {
    // `hosts: [h, "h:*"]` (or a prefix `h*`) already covers `Host: h:<port>` (§3.4): nothing to add.
    const out = findings(
      ap(
        'p',
        `  rules:
    - to:
      - operation:
          hosts: [server.foo, "server.foo:*", api.foo, "api.*", www.foo]
          ports: ["8080"]`,
      ),
    );
    expect(out.map((f) => f.split(' ').slice(0, 3).join(' '))).toEqual([
      'MG214 policies.yaml:8 host',
    ]);
    expect(out[0]).toContain('`www.foo`');
  });

  it('MG215: a condition the engine cannot model', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - when:
      - key: experimental.envoy.filters.network.mysql_proxy[db.table]
        values: ["[update]"]`,
      ),
    );
    expect(out.map((f) => f.split(' ')[0])).toEqual(['MG215']);
  });

  it('MG216: ambient workloads are not evaluated', () => {
    expect(
      findings(ap('p', `  rules: [{from: [{source: {namespaces: [bar]}}]}]`), {
        dataplane: 'AMBIENT',
      }).map((f) => f.split(' ')[0]),
    ).toEqual(['MG216']);
  });

  it('MG217: JWT fields without RequestAuthentication', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - from:
      - source: {requestPrincipals: ["*"]}
      to:
      - operation: {ports: ["8080"]}`,
      ),
    );
    expect(out).toEqual([
      'MG217 policies.yaml:7 `requestPrincipals` needs a validated token, but no RequestAuthentication applies to `foo/server`; it never matches',
    ]);
  });

  it('MG218: a namespace pattern that runs into the service-account segment', () => {
    const out = findings(
      ap(
        'p',
        `  rules:
    - from:
      - source: {namespaces: ["*a"]}`,
      ),
    );
    expect(out.map((f) => f.split(' ')[0])).toEqual(['MG218']);
  });

  it('findings have stable ids without line numbers', () => {
    const result = load({
      'apps.yaml': workload('foo', 'server'),
      'p.yaml': ap('p', `  rules: [{}]`),
    });
    const side: AuthzSide = {
      side: 'base',
      mesh: result.mesh,
      topology: buildTopology(result.mesh),
      peerOf: () => null,
    };
    expect(authzFindings(side).map((f) => [f.id, f.side])).toEqual([
      ['MG212:AuthorizationPolicy/foo/p:rules[0]', 'base'],
    ]);
  });
});
