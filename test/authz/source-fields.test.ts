import { describe, expect, it } from 'vitest';
import { AUTO, HTTP, REQUEST_AUTHENTICATION, TCP, scene } from './fixture.js';

/**
 * Every `from.source` field through the public API, on HTTP and TCP ports, with identified and
 * plaintext callers. Rules cited from `istio-semantics.md` (§) and upstream files.
 */

const allow = (source: Record<string, unknown>) => ({ rules: [{ from: [{ source }] }] });
const deny = (source: Record<string, unknown>) => ({
  action: 'DENY',
  rules: [{ from: [{ source }] }],
});

describe('principals / notPrincipals (§3.4, §3.6, §5)', () => {
  it.each([
    ['exact', 'cluster.local/ns/bar/sa/client', 'bar/client', true],
    ['exact, other caller', 'cluster.local/ns/bar/sa/client', 'bar/other', false],
    ['prefix', 'cluster.local/ns/bar/*', 'bar/anything', true],
    ['prefix, other namespace', 'cluster.local/ns/bar/*', 'baz/client', false],
    ['suffix', '*/sa/client', 'baz/client', true],
    ['presence matches any identity', '*', 'baz/client', true],
    [
      '`spiffe://` is added by Istio, so a value with it never matches',
      'spiffe://cluster.local/ns/bar/sa/client',
      'bar/client',
      false,
    ],
    ['a value without trust domain never matches', 'ns/bar/sa/client', 'bar/client', false],
  ])('%s', (_, value, caller, expected) => {
    const s = scene([allow({ principals: [value] })]);
    expect(s.allows(HTTP, caller)).toBe(expected);
    expect(s.allows(TCP, caller)).toBe(expected);
  });

  it('a plaintext caller has no identity: even `*` fails', () => {
    const s = scene([allow({ principals: ['*'] })]);
    expect(s.allows(HTTP, null)).toBe(false);
    expect(s.allows(TCP, null)).toBe(false);
  });

  it('notPrincipals matches a plaintext caller (no identity is "none of")', () => {
    const s = scene([allow({ notPrincipals: ['cluster.local/ns/bar/sa/client'] })]);
    expect(s.allows(HTTP, null)).toBe(true);
    expect(s.allows(HTTP, 'bar/client')).toBe(false);
    expect(s.allows(HTTP, 'bar/other')).toBe(true);
  });

  it('a DENY on principals does not stop plaintext (the bypass of §5)', () => {
    const s = scene([deny({ principals: ['cluster.local/ns/bar/sa/client'] })]);
    expect(s.allows(HTTP, 'bar/client')).toBe(false);
    expect(s.allows(HTTP, null)).toBe(true);
  });

  it('cluster.local is rewritten to the mesh trust domain and its aliases (bundle.go)', () => {
    const s = scene([allow({ principals: ['cluster.local/ns/bar/sa/client'] })], {
      mesh: { trustDomain: 'prod.example', trustDomainAliases: ['old.example'] },
    });
    expect(s.allows(HTTP, 'bar/client')).toBe(true);
    expect(s.peer('bar/client').principal).toBe('prod.example/ns/bar/sa/client');
  });

  it('a foreign trust domain is left as written and matches nothing local', () => {
    const s = scene([allow({ principals: ['other.example/ns/bar/sa/client'] })], {
      mesh: { trustDomain: 'prod.example' },
    });
    expect(s.allows(HTTP, 'bar/client')).toBe(false);
  });

  it('an alias trust domain in a policy stands for the local one', () => {
    const s = scene([allow({ principals: ['old.example/ns/bar/sa/client'] })], {
      mesh: { trustDomain: 'prod.example', trustDomainAliases: ['old.example'] },
    });
    expect(s.allows(HTTP, 'bar/client')).toBe(true);
  });
});

describe('namespaces / notNamespaces (§3.5: every `*` is `.*` in `.*/ns/<value>/.*`)', () => {
  it.each([
    ['bar', 'bar/x', true],
    ['bar', 'baz/x', false],
    ['ba*', 'baz/x', true],
    ['*', 'anything/x', true],
    ['b*r', 'bazar/x', true],
    ['*az', 'baz/x', true],
    ['*az', 'bar/x', false],
    // The regex can run into the `/sa/` segment: `*a` matches every identity.
    ['*a', 'zzz/x', true],
    // `/ns/ns/sa/…` contains `/ns/sa/`: an exact `sa` also matches a namespace named `ns`.
    ['sa', 'ns/x', true],
  ])('`%s` for %s → %s', (value, caller, expected) => {
    expect(scene([allow({ namespaces: [value] })]).allows(HTTP, caller)).toBe(expected);
  });

  it('notNamespaces lets plaintext through; adding `namespaces: ["*"]` closes it (§5 fix)', () => {
    expect(scene([allow({ notNamespaces: ['bar'] })]).allows(HTTP, null)).toBe(true);
    const fixed = scene([allow({ notNamespaces: ['bar'], namespaces: ['*'] })]);
    expect(fixed.allows(HTTP, null)).toBe(false);
    expect(fixed.allows(HTTP, 'baz/x')).toBe(true);
    expect(fixed.allows(HTTP, 'bar/x')).toBe(false);
  });
});

describe('serviceAccounts / notServiceAccounts (§3.4)', () => {
  it('`ns/sa` or `sa` in the policy namespace, any trust domain', () => {
    const s = scene([allow({ serviceAccounts: ['bar/client', 'local'] })], {
      mesh: { trustDomain: 'prod.example' },
    });
    expect(s.allows(HTTP, 'bar/client')).toBe(true);
    expect(s.allows(HTTP, 'foo/local')).toBe(true);
    expect(s.allows(HTTP, 'bar/local')).toBe(false);
    expect(s.allows(TCP, 'bar/client')).toBe(true);
    expect(s.allows(HTTP, null)).toBe(false);
  });

  it('notServiceAccounts', () => {
    const s = scene([allow({ notServiceAccounts: ['bar/client'] })]);
    expect(s.allows(HTTP, 'bar/client')).toBe(false);
    expect(s.allows(HTTP, 'bar/other')).toBe(true);
    expect(s.allows(HTTP, null)).toBe(true);
  });
});

describe('trustDomains / notTrustDomains (§3.4, ExpandTrustDomainAliases)', () => {
  it('matches the trust domain of the identity, expanded with aliases', () => {
    const s = scene([allow({ trustDomains: ['old.example'] })], {
      mesh: { trustDomain: 'prod.example', trustDomainAliases: ['old.example'] },
    });
    expect(s.allows(HTTP, 'bar/x')).toBe(true);
    expect(s.allows(HTTP, null)).toBe(false);
  });

  it('notTrustDomains, with a prefix pattern', () => {
    const s = scene([allow({ notTrustDomains: ['bad*'] })]);
    expect(s.allows(HTTP, 'bar/x')).toBe(true);
    expect(scene([allow({ notTrustDomains: ['cluster*'] })]).allows(HTTP, 'bar/x')).toBe(false);
  });
});

describe('requestPrincipals / notRequestPrincipals (HTTP-only, need a token, §3.4, §5)', () => {
  const token = (iss: string, sub?: string) => ({
    jwt: { iss, ...(sub === undefined ? {} : { sub }) },
  });

  it('iss/sub split at the last `/`; wildcards apply to each side', () => {
    const s = scene([allow({ requestPrincipals: ['https://issuer.example/*'] })], {
      extra: [REQUEST_AUTHENTICATION],
    });
    expect(s.allows(HTTP, 'bar/x', token('https://issuer.example', 'alice'))).toBe(true);
    expect(s.allows(HTTP, 'bar/x', token('https://other.example', 'alice'))).toBe(false);
    expect(s.allows(HTTP, 'bar/x', token('https://issuer.example'))).toBe(false);
    expect(s.allows(HTTP, 'bar/x', { jwt: null })).toBe(false);
    expect(s.access(HTTP, 'bar/x').requests).toEqual([
      'any request (JWT principal https://issuer.example/*)',
    ]);
  });

  it('without a RequestAuthentication no token is validated: the rule matches nothing', () => {
    const s = scene([allow({ requestPrincipals: ['*'] })]);
    expect(s.access(HTTP, 'bar/x').access).toBe('deny');
  });

  it('notRequestPrincipals `*` in a DENY requires a token', () => {
    const s = scene(
      [{ action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }] }] }],
      { extra: [REQUEST_AUTHENTICATION] },
    );
    expect(s.allows(HTTP, 'bar/x', token('https://issuer.example', 'alice'))).toBe(true);
    expect(s.allows(HTTP, 'bar/x', { jwt: null })).toBe(false);
  });

  it('on TCP: an ALLOW rule using it is dropped, a DENY rule loses it and denies everything (§4.3)', () => {
    expect(
      scene([allow({ requestPrincipals: ['*'], namespaces: ['bar'] })], {
        extra: [REQUEST_AUTHENTICATION],
      }).access(TCP, 'bar/x').access,
    ).toBe('deny');
    const denying = scene([deny({ requestPrincipals: ['*'] })], {
      extra: [REQUEST_AUTHENTICATION],
    });
    expect(denying.access(TCP, 'bar/x').access).toBe('deny');
    expect(denying.allows(HTTP, 'bar/x', { jwt: null })).toBe(true);
  });
});

describe('ipBlocks / notIpBlocks / remoteIpBlocks / notRemoteIpBlocks (§3.4)', () => {
  it('ipBlocks read the connection peer address, on HTTP and TCP, for plaintext too', () => {
    const s = scene([allow({ ipBlocks: ['10.1.0.0/16'] })]);
    for (const port of [HTTP, TCP]) {
      expect(s.allows(port, null, { sourceIp: '10.1.2.3' })).toBe(true);
      expect(s.allows(port, null, { sourceIp: '10.2.0.1' })).toBe(false);
    }
    expect(s.access(TCP, null).requests).toEqual(['any request (source.ip 10.1.0.0/16)']);
  });

  it('notIpBlocks and the remote (X-Forwarded-For) address', () => {
    const s = scene([allow({ notIpBlocks: ['10.0.0.0/8'], remoteIpBlocks: ['192.168.0.1'] })]);
    expect(s.allows(HTTP, null, { sourceIp: '172.16.0.1', remoteIp: '192.168.0.1' })).toBe(true);
    expect(s.allows(HTTP, null, { sourceIp: '10.0.0.1', remoteIp: '192.168.0.1' })).toBe(false);
    expect(s.allows(HTTP, null, { sourceIp: '172.16.0.1', remoteIp: '192.168.0.2' })).toBe(false);
    const not = scene([allow({ notRemoteIpBlocks: ['192.168.0.0/24'] })]);
    expect(not.allows(TCP, null, { remoteIp: '192.168.0.9' })).toBe(false);
    expect(not.allows(TCP, null, { remoteIp: '192.168.1.9' })).toBe(true);
  });

  it('IPv4 ranges never match IPv6 addresses', () => {
    const s = scene([allow({ ipBlocks: ['0.0.0.0/0'] })]);
    expect(s.allows(HTTP, null, { sourceIp: '::1' })).toBe(false);
  });
});

describe('auto-detected ports answer for both HTTP and non-HTTP traffic', () => {
  it('an ALLOW with methods applies to HTTP requests; raw TCP gets nothing', () => {
    const s = scene([{ rules: [{ to: [{ operation: { methods: ['GET'] } }] }] }]);
    expect(s.allows(AUTO, 'bar/x', { traffic: 'http', method: 'GET' })).toBe(true);
    expect(s.allows(AUTO, 'bar/x', { traffic: 'tcp' })).toBe(false);
    expect(s.access(AUTO, 'bar/x').requests).toEqual(['GET']);
  });

  it('an identity-only ALLOW covers both', () => {
    const s = scene([allow({ namespaces: ['bar'] })]);
    expect(s.access(AUTO, 'bar/x').access).toBe('allow');
    expect(s.access(AUTO, 'baz/x').access).toBe('deny');
  });

  it('lines say which traffic they are about when both kinds are allowed', () => {
    const s = scene([
      {
        rules: [
          { from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] },
          { to: [{ operation: { methods: ['GET'] } }] },
        ],
      },
    ]);
    expect(s.access(AUTO, 'bar/x').requests).toEqual([
      'any method except GET (source.ip 10.0.0.0/8)',
      'GET',
      'non-HTTP connections (source.ip 10.0.0.0/8)',
    ]);
    // Both kinds allowed alike: one line (no token is validated on this port, so HTTP requests
    // differ from connections in nothing the rule reads).
    const ips = scene([allow({ ipBlocks: ['10.0.0.0/8'] })]);
    expect(ips.access(AUTO, 'bar/x').requests).toEqual(['any request (source.ip 10.0.0.0/8)']);
  });

  it('a DENY on paths denies every non-HTTP connection', () => {
    const s = scene([{ action: 'DENY', rules: [{ to: [{ operation: { paths: ['/admin'] } }] }] }]);
    expect(s.access(AUTO, 'bar/x').requests).toEqual(['any path except /admin']);
  });
});
