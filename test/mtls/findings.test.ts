import { describe, expect, it } from 'vitest';
import { mtlsFindings } from '../../src/analysis/mtls/index.js';
import {
  baseMesh,
  destinationRule as dr,
  docs,
  ns,
  peerAuthentication as pa,
  serviceEntry,
  workload,
} from './fixtures.js';
import { evaluate } from './support.js';

/**
 * One-side findings, each from the Istio rule it names. Expectations are `CODE file:line` plus the
 * message, so a finding must point at the line that causes it.
 */

function findings(extra: Record<string, string>, base = baseMesh()) {
  return mtlsFindings(evaluate({ ...base, ...extra })).map(
    (f) => `${f.code} ${f.at.file}:${f.at.line} ${f.message}`,
  );
}

const codes = (extra: Record<string, string>, base = baseMesh()) =>
  mtlsFindings(evaluate({ ...base, ...extra })).map((f) => f.code);

describe('mtlsFindings', () => {
  it('a clean mesh has none', () => {
    expect(
      findings({ 'p.yaml': pa({ ns: 'istio-system', name: 'default', mode: 'STRICT' }) }),
    ).toEqual([]);
  });

  it('MG107: a root-namespace policy with a selector is ignored (§1.1)', () => {
    expect(
      findings({
        'p.yaml': pa({
          ns: 'istio-system',
          name: 'sel',
          selector: { app: 'server' },
          mode: 'STRICT',
        }),
      }),
    ).toEqual([
      'MG107 p.yaml:7 PeerAuthentication `istio-system/sel` has a selector but is in the root namespace, so Istio ignores it',
    ]);
  });

  it('MG108: conflicting namespace policies; without timestamps the name decides (§1.3)', () => {
    const policies = docs(
      pa({ ns: 'shop', name: 'beta', mode: 'DISABLE' }),
      pa({ ns: 'shop', name: 'alpha', mode: 'STRICT' }),
    );
    expect(findings({ 'p.yaml': policies })).toEqual([
      'MG108 p.yaml:7 this namespace-wide PeerAuthentication is ignored: `shop/alpha` applies instead (no creationTimestamp tells them apart, so the name order decides)',
    ]);
  });

  it('MG108: two workload policies select the same workload; the older applies', () => {
    const policies = docs(
      pa({
        ns: 'shop',
        name: 'a-new',
        selector: { app: 'server' },
        mode: 'DISABLE',
        created: '2025-01-01T00:00:00Z',
      }),
      pa({
        ns: 'shop',
        name: 'z-old',
        selector: { app: 'server' },
        mode: 'STRICT',
        created: '2024-01-01T00:00:00Z',
      }),
    );
    expect(findings({ 'p.yaml': policies })).toEqual([
      'MG108 p.yaml:9 this workload (shop/server) PeerAuthentication is ignored: `shop/z-old` applies instead (it is older)',
    ]);
  });

  it('MG109: selectors that select nothing (PeerAuthentication and DestinationRule)', () => {
    expect(
      findings({
        'p.yaml': pa({ ns: 'shop', name: 'ghost', selector: { app: 'ghost' }, mode: 'STRICT' }),
        'd.yaml': dr({
          ns: 'shop',
          name: 'ghost',
          host: 'server',
          selector: { app: 'ghost' },
          tls: 'ISTIO_MUTUAL',
        }),
      }),
    ).toEqual([
      'MG109 d.yaml:8 this DestinationRule selects no workload in `shop`',
      'MG109 p.yaml:7 this PeerAuthentication selects no workload in `shop`',
    ]);
  });

  it('MG110: a port-level key that is the Service port, not the container port (§1.4)', () => {
    expect(
      findings({
        'p.yaml': pa({
          ns: 'shop',
          name: 'server',
          selector: { app: 'server' },
          mode: 'STRICT',
          portLevel: { 80: 'DISABLE' },
        }),
      }),
    ).toEqual([
      'MG110 p.yaml:10 port 80 is not a port of any workload this policy selects; it is the Service port of `shop/server`, whose target port is 8080',
    ]);
  });

  it('MG104: a DestinationRule DISABLE toward a STRICT port, pointing at the tls line (§2.7)', () => {
    expect(
      findings({
        'p.yaml': pa({ ns: 'shop', name: 'default', mode: 'STRICT' }),
        'd.yaml': dr({ ns: 'shop', name: 'server', host: 'server', tls: 'DISABLE' }),
      }),
    ).toEqual([
      'MG104 d.yaml:9 this DestinationRule makes clients send plaintext to the STRICT port `shop/server:8080`: those connections fail',
    ]);
  });

  it('MG104 and MG116: `tls: {}` is DISABLE (§2.1)', () => {
    expect(
      codes({
        'p.yaml': pa({ ns: 'istio-system', name: 'default', mode: 'STRICT' }),
        'd.yaml': dr({ ns: 'istio-system', name: 'all', host: '*.local', tls: {} }),
      }),
    ).toEqual(['MG104', 'MG116']);
  });

  it('MG105: ISTIO_MUTUAL toward a workload without a sidecar (§2.7, IST0115)', () => {
    expect(
      findings({
        'd.yaml': dr({ ns: 'legacy', name: 'ls', host: 'legacy-server', tls: 'ISTIO_MUTUAL' }),
      }),
    ).toEqual([
      'MG105 d.yaml:9 this DestinationRule makes clients send Istio mTLS to `legacy/legacy-server:8080`, which has no sidecar: those connections fail',
    ]);
  });

  it('MG106: credentialName without workloadSelector is ignored on sidecars (§2.1)', () => {
    expect(
      codes({
        'd.yaml': dr({
          ns: 'shop',
          name: 'server',
          host: 'server',
          tls: { mode: 'SIMPLE', credentialName: 'cert' },
        }),
      }),
    ).toEqual(['MG106']);
  });

  it('MG111: namespace DISABLE + workload STRICT under auto mTLS (istio/istio#56084)', () => {
    expect(
      findings({
        'p.yaml': docs(
          pa({ ns: 'shop', name: 'default', mode: 'DISABLE' }),
          pa({ ns: 'shop', name: 'server', selector: { app: 'server' }, mode: 'STRICT' }),
        ),
      }),
    ).toEqual([
      'MG111 p.yaml:16 clients send plaintext to `shop/server:8080` because `shop` is DISABLE at namespace or mesh level, but this policy makes it STRICT: those connections fail',
    ]);
  });

  it('MG112: PERMISSIVE left on where every client in the manifests uses mTLS', () => {
    // Without the legacy namespace's workloads, every caller has a sidecar.
    const noLegacyClient = { ...baseMesh(), 'legacy.yaml': '' };
    const policy = { 'p.yaml': pa({ ns: 'shop', name: 'default', mode: 'PERMISSIVE' }) };
    expect(findings(policy, noLegacyClient)).toEqual([
      'MG112 p.yaml:7 no workload in the manifests sends plaintext to the 2 port(s) this PERMISSIVE policy covers; STRICT would only reject callers outside the mesh',
    ]);
    // With legacy/legacy-client (no sidecar) calling in, PERMISSIVE is needed.
    expect(findings(policy)).toEqual([]);
  });

  it('MG113: a selector DestinationRule hides the service namespace rule from the rest of its namespace (§2.4)', () => {
    expect(
      findings({
        'other.yaml': docs(
          ns('other', { 'istio-injection': 'enabled' }),
          workload({ ns: 'other', name: 'caller' }),
          workload({ ns: 'other', name: 'special' }),
        ),
        'd.yaml': docs(
          dr({
            ns: 'other',
            name: 'special',
            host: 'server.shop.svc.cluster.local',
            selector: { app: 'special' },
            tls: 'ISTIO_MUTUAL',
          }),
          dr({ ns: 'shop', name: 'server', host: 'server', tls: 'ISTIO_MUTUAL' }),
        ),
      }),
    ).toEqual([
      'MG113 d.yaml:7 clients in `other` that this rule does not select get no DestinationRule for `server.shop.svc.cluster.local`: the rule hides `DestinationRule shop/server` from them',
    ]);
  });

  it('MG113 is not reported when the selector DestinationRule selects every workload of its namespace', () => {
    expect(
      findings({
        'other.yaml': docs(
          ns('other', { 'istio-injection': 'enabled' }),
          workload({ ns: 'other', name: 'special' }),
        ),
        'd.yaml': docs(
          dr({
            ns: 'other',
            name: 'special',
            host: 'server.shop.svc.cluster.local',
            selector: { app: 'special' },
            tls: 'ISTIO_MUTUAL',
          }),
          dr({ ns: 'shop', name: 'server', host: 'server', tls: 'ISTIO_MUTUAL' }),
        ),
      }),
    ).toEqual([]);
  });

  it('MG114: a namespace that is not in the manifests', () => {
    expect(findings({ 'x.yaml': workload({ ns: 'nowhere', name: 'w' }) })).toEqual([
      'MG114 x.yaml:1 namespace `nowhere` is not in the manifests; meshguard assumes it is labelled for sidecar injection',
    ]);
  });

  it('MG115: a subset with its own TLS, and ambient namespaces, are not modelled exactly', () => {
    const list = findings({
      'd.yaml': dr({
        ns: 'shop',
        name: 'server',
        host: 'server',
        subsets: [{ name: 'v1', labels: { app: 'server' }, tls: 'DISABLE' }],
      }),
      'amb.yaml': docs(
        ns('amb', { 'istio.io/dataplane-mode': 'ambient' }),
        workload({ ns: 'amb', name: 'w' }),
      ),
    });
    expect(list).toEqual([
      'MG115 amb.yaml:3 workloads in `amb` run in ambient mode: meshguard assumes sidecars and ztunnel exchange HBONE (ambient profile) and does not model waypoints',
      'MG115 d.yaml:9 subset `v1` sets another TLS mode; it applies when a VirtualService routes to it, which meshguard does not model: answers for `shop/server:8080` may differ',
    ]);
  });

  it('finding ids are stable: code and subject, no line numbers', () => {
    const side = evaluate({
      ...baseMesh(),
      'p.yaml': `# a comment\n\n${pa({ ns: 'istio-system', name: 'sel', selector: { app: 'x' }, mode: 'STRICT' })}`,
    });
    expect(mtlsFindings(side).map((f) => f.id)).toEqual([
      'MG107:PeerAuthentication/istio-system/sel',
    ]);
  });
});

describe('MG106 toward hosts outside the manifests', () => {
  it('fires for a ServiceEntry host that a sidecar client would use; not for a gateway-only namespace', () => {
    const external = docs(
      serviceEntry({
        ns: 'shop',
        name: 'cards',
        hosts: ['api.cards.example'],
        ports: [{ number: 443, protocol: 'TLS' }],
        resolution: 'DNS',
      }),
      dr({
        ns: 'shop',
        name: 'cards',
        host: 'api.cards.example',
        tls: { mode: 'SIMPLE', credentialName: 'cards-client' },
      }),
    );
    expect(findings({ 'e.yaml': external })).toEqual([
      'MG106 e.yaml:18 `credentialName` is ignored on sidecars when the DestinationRule has no `workloadSelector`: `shop/client` sends plaintext to `api.cards.example`',
    ]);
    const privateToGateways = docs(
      ns('egress', { 'istio-injection': 'enabled' }),
      workload({
        ns: 'egress',
        name: 'egressgateway',
        annotations: { 'inject.istio.io/templates': 'gateway' },
      }),
      serviceEntry({
        ns: 'egress',
        name: 'cards',
        hosts: ['api.cards.example'],
        ports: [{ number: 443, protocol: 'TLS' }],
        resolution: 'DNS',
      }),
      dr({
        ns: 'egress',
        name: 'cards',
        host: 'api.cards.example',
        exportTo: ['.'],
        tls: { mode: 'SIMPLE', credentialName: 'cards-client' },
      }),
    );
    expect(findings({ 'e.yaml': privateToGateways })).toEqual([]);
  });
});
