import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setContains } from '../../../src/analysis/authz/point.js';
import type { ConcreteRequest } from '../../../src/analysis/authz/request.js';
import { side } from '../support.js';

/**
 * The istio.io authorization tasks, whose answers were recorded on real clusters
 * (`test/corpus/istio-docs-tasks`, README "authz-tcp" and "authz-deny"): `sleep` in `foo` calls
 * `tcp-echo` and `httpbin` in `foo`, both with sidecars, so the server sees the identity
 * `cluster.local/ns/foo/sa/sleep`. The manifests are applied with `-n foo`.
 */

const DIR = join(import.meta.dirname, '..', '..', 'corpus', 'istio-docs-tasks');
const read = (path: string): string => readFileSync(join(DIR, path), 'utf8');

function tasks(...policies: string[]) {
  const files: Record<string, string> = {
    'workloads/sleep.yaml': read('workloads/sleep.yaml'),
    'workloads/tcp-echo.yaml': read('workloads/tcp-echo.yaml'),
    'workloads/httpbin.yaml': read('workloads/httpbin-port80.yaml'),
  };
  for (const p of policies) files[p] = read(p);
  const s = side(files, { defaultNamespace: 'foo' });
  return { s, sleep: s.peer('foo/sleep') };
}

describe('authz-tcp: TCP ports and HTTP-only fields (§4.3)', () => {
  /** Each step: the connection on each port either succeeds (`allow`) or is rejected (`deny`). */
  it.each([
    {
      step: '00 no policy',
      policies: [],
      expected: { 9000: 'allow', 9001: 'allow', 9002: 'allow' },
    },
    {
      step: '01 ALLOW ports 9000, 9001',
      policies: ['authz-tcp/01-allow-ports-9000-9001.yaml'],
      expected: { 9000: 'allow', 9001: 'allow', 9002: 'deny' },
    },
    {
      step: '02 ALLOW GET on 9000: the rule is dropped on TCP, leaving allow-nothing',
      policies: ['authz-tcp/02-allow-get-port-9000.yaml'],
      expected: { 9000: 'deny', 9001: 'deny' },
    },
    {
      step: '03 DENY GET: the method is ignored on TCP, so every connection is denied',
      policies: ['authz-tcp/03-deny-get.yaml'],
      expected: { 9000: 'deny', 9001: 'deny' },
    },
    {
      step: '04 DENY GET on 9000: only 9000 is denied',
      policies: ['authz-tcp/04-deny-get-port-9000.yaml'],
      expected: { 9000: 'deny', 9001: 'allow' },
    },
  ])('$step', ({ policies, expected }) => {
    const { s, sleep } = tasks(...policies);
    for (const [port, access] of Object.entries(expected)) {
      const result = s.access('foo/tcp-echo', Number(port), sleep);
      const tcp: ConcreteRequest = { traffic: 'tcp' };
      expect({ port, access: setContains(result.allowed, tcp) ? 'allow' : 'deny' }).toEqual({
        port,
        access,
      });
      expect(result.exact).toBe(true);
    }
  });

  it('port 9002 is not declared, so it is auto-detected and keeps HTTP semantics for HTTP traffic', () => {
    const { s, sleep } = tasks('authz-tcp/01-allow-ports-9000-9001.yaml');
    const result = s.access('foo/tcp-echo', 9002, sleep);
    expect(result.access).toBe('deny');
  });
});

describe('authz-deny: DENY before ALLOW, headers (§3.2)', () => {
  const get = (path: string, token?: string): ConcreteRequest => ({
    traffic: 'http',
    method: 'GET',
    path,
    host: 'httpbin.foo:8000',
    headers: token === undefined ? {} : { 'x-token': token },
  });
  const post: ConcreteRequest = {
    traffic: 'http',
    method: 'POST',
    path: '/post',
    host: 'httpbin.foo:8000',
  };

  it.each([
    {
      step: '01 DENY GET',
      policies: ['authz-deny/01-deny-method-get.yaml'],
      requests: [
        { request: get('/get'), allowed: false },
        { request: post, allowed: true },
      ],
    },
    {
      step: '02 DENY GET unless x-token is admin',
      policies: ['authz-deny/02-deny-get-unless-admin-token.yaml'],
      requests: [
        { request: get('/get', 'admin'), allowed: true },
        { request: get('/get', 'guest'), allowed: false },
      ],
    },
    {
      step: '03 plus ALLOW /ip: DENY still wins, and /get matches no ALLOW rule',
      policies: [
        'authz-deny/02-deny-get-unless-admin-token.yaml',
        'authz-deny/03-allow-path-ip.yaml',
      ],
      requests: [
        { request: get('/ip', 'guest'), allowed: false },
        { request: get('/ip', 'admin'), allowed: true },
        { request: get('/get', 'admin'), allowed: false },
      ],
    },
  ])('$step', ({ policies, requests }) => {
    const { s, sleep } = tasks(...policies);
    const result = s.access('foo/httpbin', 80, sleep);
    for (const { request, allowed } of requests)
      expect({ request, allowed: setContains(result.allowed, request) }).toEqual({
        request,
        allowed,
      });
  });

  it('describes step 03 as the one request shape that is allowed', () => {
    const { s, sleep } = tasks(
      'authz-deny/02-deny-get-unless-admin-token.yaml',
      'authz-deny/03-allow-path-ip.yaml',
    );
    const result = s.access('foo/httpbin', 80, sleep);
    expect(result.access).toBe('partial');
    expect(result.requests).toEqual([
      '(any method except GET) /ip',
      'GET /ip (header x-token admin)',
    ]);
  });
});
