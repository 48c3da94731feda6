import { describe, expect, it } from 'vitest';
import { HTTP, REQUEST_AUTHENTICATION, TCP, scene } from './fixture.js';

/** Every `to.operation` field and every `when` key through the public API (§3.4, §3.5, §4). */

const to = (operation: Record<string, unknown>, action = 'ALLOW') => ({
  action,
  rules: [{ to: [{ operation }] }],
});
const when = (condition: Record<string, unknown>, action = 'ALLOW') => ({
  action,
  rules: [{ when: [condition] }],
});

describe('methods / notMethods: case-sensitive `:method` (HeaderMatcher)', () => {
  it.each([
    [['GET'], 'GET', true],
    [['GET'], 'get', false],
    [['G*'], 'GOT', true],
    [['*T'], 'POST', true],
    [['*'], 'PROPFIND', true],
  ])('%j vs %s', (methods, method, expected) => {
    expect(scene([to({ methods })]).allows(HTTP, 'bar/x', { method })).toBe(expected);
  });

  it('notMethods allows everything else, custom methods included', () => {
    const s = scene([to({ notMethods: ['PUT'] })]);
    expect(s.allows(HTTP, 'bar/x', { method: 'PUT' })).toBe(false);
    expect(s.allows(HTTP, 'bar/x', { method: 'PROPFIND' })).toBe(true);
    expect(s.access(HTTP, 'bar/x').requests).toEqual(['any method except PUT']);
  });
});

describe('paths / notPaths: exact, prefix, suffix, presence, templates (§3.5)', () => {
  it.each([
    ['/api', '/api', true],
    ['/api', '/api/', false],
    ['/api/*', '/api/v1/x', true],
    ['/api/*', '/api', false],
    ['*/health', '/a/b/health', true],
    ['*', '/', true],
    ['/foo/{*}', '/foo/bar', true],
    ['/foo/{*}', '/foo/bar/baz', false],
    ['/foo/{*}', '/foo/', false],
    ['/foo/{**}/', '/foo/bar/', true],
    ['/foo/{**}/', '/foo//', true],
    ['/foo/{**}', '/foo/a/b/c', true],
    ['/foo/{**}', '/foo', false],
    ['/{*}/x/{**}', '/a/x/b/c', true],
  ])('%s vs %s', (pattern, path, expected) => {
    expect(scene([to({ paths: [pattern] })]).allows(HTTP, 'bar/x', { path })).toBe(expected);
  });

  it('templates and prefixes combine exactly in descriptions', () => {
    const s = scene([to({ paths: ['/api/*'], notPaths: ['/api/{*}/admin'] })]);
    expect(s.access(HTTP, 'bar/x').requests).toEqual(['/api/* except /api/{*}/admin']);
    expect(s.allows(HTTP, 'bar/x', { path: '/api/v1/admin' })).toBe(false);
    expect(s.allows(HTTP, 'bar/x', { path: '/api/v1/x/admin' })).toBe(true);
  });
});

describe('hosts / notHosts: `:authority`, case-insensitive, with the port (§3.4)', () => {
  it('exact host without port does not match a Host header with a port', () => {
    const s = scene([to({ hosts: ['Server.Foo'] })]);
    expect(s.allows(HTTP, 'bar/x', { host: 'server.foo' })).toBe(true);
    expect(s.allows(HTTP, 'bar/x', { host: 'SERVER.FOO' })).toBe(true);
    expect(s.allows(HTTP, 'bar/x', { host: 'server.foo:8080' })).toBe(false);
  });

  it('prefix and notHosts', () => {
    const s = scene([to({ hosts: ['server.foo*'], notHosts: ['*:9999'] })]);
    expect(s.allows(HTTP, 'bar/x', { host: 'server.foo:8080' })).toBe(true);
    expect(s.allows(HTTP, 'bar/x', { host: 'server.foo:9999' })).toBe(false);
    expect(s.access(HTTP, 'bar/x').requests).toEqual(['host server.foo* except *:9999']);
  });
});

describe('ports / notPorts: the workload (container) port', () => {
  it('ports pick the port; notPorts exclude it; both work on TCP', () => {
    const s = scene([to({ ports: [String(TCP)] }), to({ notPorts: [String(TCP), String(HTTP)] })]);
    expect(s.access(TCP, 'bar/x').access).toBe('allow');
    expect(s.access(HTTP, 'bar/x').access).toBe('deny');
  });
});

describe('HTTP-only operation fields on a TCP port (§4.3)', () => {
  it('ALLOW rule dropped: allow-nothing on TCP', () => {
    const s = scene([to({ methods: ['GET'], ports: [String(TCP)] })]);
    expect(s.access(TCP, 'bar/x').access).toBe('deny');
  });

  it('DENY rule keeps its port and loses the method: every connection on that port is denied', () => {
    const s = scene([to({ methods: ['GET'], ports: [String(TCP)] }, 'DENY')]);
    expect(s.access(TCP, 'bar/x').access).toBe('deny');
    expect(s.access(HTTP, 'bar/x').access).toBe('allow');
  });
});

describe('when conditions (§3.4 condition keys)', () => {
  it('request.headers: values, notValues, presence, header names case-insensitive', () => {
    const s = scene([when({ key: 'request.headers[X-User]', values: ['admin*'] })]);
    expect(s.allows(HTTP, 'bar/x', { headers: { 'x-user': 'admin-1' } })).toBe(true);
    expect(s.allows(HTTP, 'bar/x', { headers: {} })).toBe(false);
    const present = scene([when({ key: 'request.headers[x-user]', values: ['*'] })]);
    expect(present.allows(HTTP, 'bar/x', { headers: { 'x-user': '' } })).toBe(true);
    const not = scene([when({ key: 'request.headers[x-user]', notValues: ['guest'] })]);
    expect(not.allows(HTTP, 'bar/x', { headers: {} })).toBe(true);
    expect(not.allows(HTTP, 'bar/x', { headers: { 'x-user': 'guest' } })).toBe(false);
    expect(not.access(HTTP, 'bar/x').requests).toEqual([
      'any request (header x-user any except guest)',
    ]);
  });

  it('source.ip, remote.ip, destination.ip', () => {
    const s = scene([
      {
        rules: [
          {
            when: [
              { key: 'source.ip', values: ['10.0.0.0/8'] },
              { key: 'remote.ip', notValues: ['1.2.3.4'] },
              { key: 'destination.ip', values: ['172.16.0.1'] },
            ],
          },
        ],
      },
    ]);
    expect(
      s.allows(TCP, null, {
        sourceIp: '10.9.9.9',
        remoteIp: '5.6.7.8',
        destinationIp: '172.16.0.1',
      }),
    ).toBe(true);
    expect(
      s.allows(TCP, null, {
        sourceIp: '10.9.9.9',
        remoteIp: '1.2.3.4',
        destinationIp: '172.16.0.1',
      }),
    ).toBe(false);
    expect(
      s.allows(TCP, null, {
        sourceIp: '11.0.0.1',
        remoteIp: '5.6.7.8',
        destinationIp: '172.16.0.1',
      }),
    ).toBe(false);
  });

  it('source.namespace, source.principal, source.serviceAccount, source.trustDomain need an identity', () => {
    for (const [key, values] of [
      ['source.namespace', ['bar']],
      ['source.principal', ['cluster.local/ns/bar/sa/client']],
      ['source.serviceAccount', ['bar/client']],
      ['source.trustDomain', ['cluster.local']],
    ] as const) {
      const s = scene([when({ key, values })]);
      expect({
        key,
        identified: s.allows(TCP, 'bar/client'),
        plaintext: s.allows(TCP, null),
      }).toEqual({ key, identified: true, plaintext: false });
      const not = scene([when({ key, notValues: values })]);
      expect({
        key,
        identified: not.allows(TCP, 'bar/client'),
        plaintext: not.allows(TCP, null),
      }).toEqual({ key, identified: false, plaintext: true });
    }
  });

  it('destination.port resolves against the port', () => {
    const s = scene([when({ key: 'destination.port', values: [String(TCP)] })]);
    expect(s.access(TCP, 'bar/x').access).toBe('allow');
    expect(s.access(HTTP, 'bar/x').access).toBe('deny');
  });

  it('connection.sni: `*` needs a non-empty SNI', () => {
    const s = scene([when({ key: 'connection.sni', values: ['*.foo.svc.cluster.local'] })]);
    expect(s.allows(TCP, 'bar/x', { sni: 'outbound_.8080_._.server.foo.svc.cluster.local' })).toBe(
      true,
    );
    expect(s.allows(TCP, 'bar/x', { sni: null })).toBe(false);
  });

  it('request.auth.principal, audiences, presenter and claims read the token', () => {
    const s = scene(
      [
        {
          rules: [
            {
              when: [
                { key: 'request.auth.principal', values: ['https://issuer.example/*'] },
                { key: 'request.auth.audiences', values: ['api'] },
                { key: 'request.auth.presenter', values: ['web'] },
                { key: 'request.auth.claims[groups]', values: ['admin'] },
              ],
            },
          ],
        },
      ],
      { extra: [REQUEST_AUTHENTICATION] },
    );
    const jwt = {
      iss: 'https://issuer.example',
      sub: 'alice',
      aud: 'api',
      azp: 'web',
      claims: { groups: 'admin' },
    };
    expect(s.allows(HTTP, 'bar/x', { jwt })).toBe(true);
    expect(s.allows(HTTP, 'bar/x', { jwt: { ...jwt, azp: 'cli' } })).toBe(false);
    expect(s.allows(HTTP, 'bar/x', { jwt: null })).toBe(false);
    expect(s.access(HTTP, 'bar/x').exact).toBe(true);
  });

  it('list-valued claims outside a plain ALLOW match are approximated fail-safe', () => {
    const deny = scene([when({ key: 'request.auth.claims[groups]', values: ['banned'] }, 'DENY')], {
      extra: [REQUEST_AUTHENTICATION],
    });
    const result = deny.access(HTTP, 'bar/x');
    expect(result.exact).toBe(false);
    expect(result.access).toBe('deny');
  });

  it('experimental keys cannot be modelled: an ALLOW condition never holds, a DENY one always does', () => {
    const key = 'experimental.envoy.filters.network.mysql_proxy[db.table]';
    const allowed = scene([when({ key, values: ['[update]'] })]).access(TCP, 'bar/x');
    expect({ access: allowed.access, exact: allowed.exact }).toEqual({
      access: 'deny',
      exact: false,
    });
    const denied = scene([when({ key, values: ['[update]'] }, 'DENY')]).access(TCP, 'bar/x');
    expect({ access: denied.access, exact: denied.exact }).toEqual({
      access: 'deny',
      exact: false,
    });
  });

  it('an approximation that cannot change the answer keeps it exact', () => {
    const key = 'experimental.envoy.filters.network.mysql_proxy[db.table]';
    const s = scene([
      { rules: [{ from: [{ source: { namespaces: ['bar'] } }], when: [{ key, values: ['x'] }] }] },
    ]);
    expect(s.access(TCP, 'baz/x').exact).toBe(true);
    expect(s.access(TCP, 'bar/x').exact).toBe(false);
  });

  it('HTTP-only keys on TCP: dropped from ALLOW (rule gone), ignored in DENY (matches more)', () => {
    expect(
      scene([when({ key: 'request.headers[x-a]', values: ['1'] })]).access(TCP, 'bar/x').access,
    ).toBe('deny');
    expect(
      scene([when({ key: 'request.headers[x-a]', values: ['1'] }, 'DENY')]).access(TCP, 'bar/x')
        .access,
    ).toBe('deny');
    expect(
      scene([when({ key: 'request.headers[x-a]', values: ['1'] }, 'DENY')]).access(HTTP, 'bar/x')
        .requests,
    ).toEqual(['any request (header x-a any except 1)']);
  });
});
