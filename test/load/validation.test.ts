import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/analysis/findings/quote.js';
import { codesAt, load } from '../support/load.js';

const policy = (spec: string, kind = 'AuthorizationPolicy') =>
  `apiVersion: security.istio.io/v1\nkind: ${kind}\nmetadata: {name: p, namespace: foo}\nspec:\n${spec}`;

/** Each case: what Istio's validation says about the spec, and where meshguard points. */
describe('Istio validation as diagnostics', () => {
  it.each([
    ['an unknown action', '  action: ALOW\n', 'MG011 mesh.yaml:5:11'],
    [
      'an unknown mTLS mode',
      '  mtls: {mode: STRIKT}\n',
      'MG011 mesh.yaml:5:16',
      'PeerAuthentication',
    ],
    [
      'a wildcard in a selector',
      '  selector: {matchLabels: {app: "web-*"}}\n',
      'MG016 mesh.yaml:5:28',
    ],
    ['an empty selector key', '  selector: {matchLabels: {"": x}}\n', 'MG016 mesh.yaml:5:28'],
    [
      'port-level mTLS without a selector',
      '  mtls: {mode: STRICT}\n  portLevelMtls: {8080: {mode: DISABLE}}\n',
      'MG014 mesh.yaml:6:3',
      'PeerAuthentication',
    ],
    [
      'port-level mTLS on port 0',
      '  selector: {matchLabels: {app: x}}\n  portLevelMtls: {0: {mode: DISABLE}}\n',
      'MG016 mesh.yaml:6:19',
      'PeerAuthentication',
    ],
    [
      'an empty portLevelMtls',
      '  selector: {matchLabels: {app: x}}\n  portLevelMtls: {}\n',
      'MG019 mesh.yaml:6:18',
      'PeerAuthentication',
    ],
    ['DENY without rules', '  action: DENY\n', 'MG015 mesh.yaml:5:11'],
    ['CUSTOM without a provider', '  action: CUSTOM\n  rules: [{}]\n', 'MG018 mesh.yaml:5:3'],
    [
      'a provider on an ALLOW policy',
      '  provider: {name: opa}\n  rules: [{}]\n',
      'MG018 mesh.yaml:5:13',
    ],
    [
      'principals on a CUSTOM policy',
      '  action: CUSTOM\n  provider: {name: opa}\n  rules: [{from: [{source: {principals: [a]}}]}]\n',
      'MG018 mesh.yaml:7:29',
    ],
    [
      'an empty principal',
      '  rules: [{from: [{source: {principals: [""]}}]}]\n',
      'MG016 mesh.yaml:5:42',
    ],
    [
      'a bad CIDR',
      '  rules: [{from: [{source: {ipBlocks: [10.0.0.0/33]}}]}]\n',
      'MG016 mesh.yaml:5:40',
    ],
    [
      'a bad IP',
      '  rules: [{from: [{source: {notIpBlocks: [10.0.0.256]}}]}]\n',
      'MG016 mesh.yaml:5:43',
    ],
    [
      'a non-numeric port',
      '  rules: [{to: [{operation: {ports: [http]}}]}]\n',
      'MG016 mesh.yaml:5:38',
    ],
    [
      'a number where a port string is required',
      '  rules: [{to: [{operation: {ports: [8080]}}]}]\n',
      'MG009 mesh.yaml:5:38',
    ],
    [
      '{**} before another operator',
      '  rules: [{to: [{operation: {paths: ["/a/{**}/{*}"]}}]}]\n',
      'MG016 mesh.yaml:5:38',
    ],
    [
      'a template operator inside a segment',
      '  rules: [{to: [{operation: {paths: ["/a/{*}.txt"]}}]}]\n',
      'MG016 mesh.yaml:5:38',
    ],
    [
      'serviceAccounts with principals',
      '  rules: [{from: [{source: {serviceAccounts: [a], principals: [b]}}]}]\n',
      'MG016 mesh.yaml:5:28',
    ],
    [
      'a wildcard serviceAccount',
      '  rules: [{from: [{source: {serviceAccounts: ["ns/*"]}}]}]\n',
      'MG016 mesh.yaml:5:47',
    ],
    [
      'a trust domain with a slash',
      '  rules: [{from: [{source: {trustDomains: [a/b]}}]}]\n',
      'MG016 mesh.yaml:5:44',
    ],
    [
      'an unknown when key',
      '  rules: [{when: [{key: source.name, values: [x]}]}]\n',
      'MG017 mesh.yaml:5:25',
    ],
    [
      'the removed destination.labels key',
      '  rules: [{when: [{key: "destination.labels[app]", values: [x]}]}]\n',
      'MG017 mesh.yaml:5:25',
    ],
    [
      'a header key without a name',
      '  rules: [{when: [{key: "request.headers[]", values: [x]}]}]\n',
      'MG017 mesh.yaml:5:25',
    ],
    [
      'a when condition without values',
      '  rules: [{when: [{key: source.ip}]}]\n',
      'MG019 mesh.yaml:5:19',
    ],
    [
      'a bad source.ip value',
      '  rules: [{when: [{key: source.ip, values: [nope]}]}]\n',
      'MG016 mesh.yaml:5:45',
    ],
    ['from: []', '  rules: [{from: []}]\n', 'MG019 mesh.yaml:5:12'],
    ['to: []', '  rules: [{to: []}]\n', 'MG019 mesh.yaml:5:12'],
    ['an empty source', '  rules: [{from: [{source: {}}]}]\n', 'MG019 mesh.yaml:5:28'],
    ['a null operation', '  rules: [{to: [{operation: }]}]\n', 'MG019 mesh.yaml:5:17'],
    [
      'selector and targetRefs together',
      '  selector: {matchLabels: {app: a}}\n  targetRefs: [{kind: Service, name: a}]\n',
      'MG020 mesh.yaml:5:13',
    ],
  ])('rejects %s', (_, spec, expected, kind = 'AuthorizationPolicy') => {
    const result = load(policy(spec, kind));
    expect(codesAt(result)).toEqual([expected]);
    expect(result.diagnostics[0]?.severity).toBe('error');
    expect(result.diagnostics[0]?.ref).toEqual({ kind, namespace: 'foo', name: 'p' });
    // Istio would never accept the object, so the analysis must not see it either.
    expect([...result.mesh.authorizationPolicies, ...result.mesh.peerAuthentications]).toEqual([]);
    expect(result.stats.rejected).toBe(1);
  });

  it.each([
    [
      'a misspelt field',
      '  rules: [{from: [{source: {principal: [a], namespaces: [b]}}]}]\n',
      'MG010 mesh.yaml:5:29',
      '`spec.rules[0].from[0].source.principal` is not a field of AuthorizationPolicy; it is ignored',
    ],
    [
      'a field one level too deep',
      '  rules:\n  - to:\n    - operation: {methods: [GET]}\n      paths: [/x]\n',
      'MG010 mesh.yaml:8:7',
      '`spec.rules[0].to[0].paths` is not a field of AuthorizationPolicy; it is ignored',
    ],
    [
      'a DestinationRule tls typo',
      '  host: x\n  trafficPolicy: {tls: {mod: DISABLE}}\n',
      'MG010 mesh.yaml:6:25',
      '`spec.trafficPolicy.tls.mod` is not a field of DestinationRule; it is ignored',
      'DestinationRule',
    ],
  ])(
    'warns about %s and keeps the object without it',
    (_, spec, expected, message, kind = 'AuthorizationPolicy') => {
      const apiVersion =
        kind === 'DestinationRule' ? 'networking.istio.io/v1' : 'security.istio.io/v1';
      const result = load(policy(spec, kind).replace('security.istio.io/v1', apiVersion));
      expect(codesAt(result)).toEqual([expected]);
      expect(result.diagnostics[0]?.message).toBe(message);
      expect(result.diagnostics[0]?.severity).toBe('warning');
      expect(result.stats.rejected).toBe(0);
    },
  );

  it('quotes a value holding backticks whole, rather than changing it', () => {
    const result = load(policy('  rules: [{to: [{operation: {paths: ["/{*}/a`b"]}}]}]\n'));
    expect(codesAt(result)).toEqual(['MG016 mesh.yaml:5:38']);
    const quoted = parseMessage(result.diagnostics[0]?.message ?? '').filter((p) => p.code);
    expect(quoted.map((p) => p.text)).toEqual([
      'spec.rules[0].to[0].operation.paths[0]',
      '/{*}/a`b',
      'a`b',
    ]);
  });

  it('reads matchExpressions as Istio does, by dropping them, and says the selector got wider', () => {
    const result = load(
      policy(
        '  selector: {matchExpressions: [{key: app, operator: In, values: [a]}]}\n  rules: [{}]\n',
      ),
    );
    expect(codesAt(result)).toEqual(['MG013 mesh.yaml:5:14']);
    expect(result.mesh.authorizationPolicies[0]?.selector?.matchLabels).toEqual({});
  });

  it('rejects an invalid DestinationRule TLS mode', () => {
    const result = load(
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: d}\nspec:\n  host: x\n  trafficPolicy: {tls: {mode: MUTUAL_ISTIO}}\n',
    );
    expect(codesAt(result)).toEqual(['MG011 mesh.yaml:6:31']);
    expect(result.mesh.destinationRules).toEqual([]);
  });

  it('accepts values Istio accepts: IPv6 CIDRs, ports 0 and 65535, path templates, header keys', () => {
    const result = load(
      policy(
        '  rules:\n  - from: [{source: {ipBlocks: ["fd00::/8", "::ffff:10.0.0.1"]}}]\n' +
          '    to: [{operation: {ports: ["0", "65535"], paths: ["/foo/{*}", "/foo/{**}/", "/a*"]}}]\n' +
          '    when: [{key: "request.auth.claims[groups]", values: [admin]}, {key: "experimental.envoy.filters.a.b[c]", values: [x]}]\n',
      ),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.mesh.authorizationPolicies).toHaveLength(1);
  });

  it('rejects an object without a name, naming the kind', () => {
    const result = load(
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {namespace: foo}\nspec: {}\n',
    );
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      'MG008 `AuthorizationPolicy` has no `metadata.name`',
    ]);
  });

  it('reads `key: null` as an absent field, as the API server prunes nulls', () => {
    const result = load(
      policy('  rules:\n  - from: null\n    to: [{operation: {methods: [GET], paths: ~}}]\n'),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.mesh.authorizationPolicies[0]?.rules?.[0]?.from).toBeNull();
    expect(result.mesh.authorizationPolicies[0]?.rules?.[0]?.to?.[0]?.paths).toBeUndefined();
  });
});
