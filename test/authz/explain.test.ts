import { describe, expect, it } from 'vitest';
import { explainAccess } from '../../src/analysis/authz/explain.js';
import { renderExplainJson, renderExplainText } from '../../src/analysis/render/explain.js';
import { yaml } from '../support/load.js';
import { documents, side, workload } from './support.js';

/** `explain`: the decision, the deciding rules with their lines, and the nearest ALLOW rule. */

const POLICIES = yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: allow-client, namespace: foo}
  spec:
    rules:
    - from:
      - source: {principals: [cluster.local/ns/bar/sa/client]}
      to:
      - operation: {methods: [GET], paths: [/api/*]}
    - from:
      - source: {namespaces: [foo]}
  ---
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: deny-admin, namespace: foo}
  spec:
    action: DENY
    rules:
    - to:
      - operation: {paths: [/api/admin*]}
  ---
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: audit-all, namespace: foo}
  spec: {action: AUDIT, rules: [{}]}
  ---
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: shadow, namespace: foo, annotations: {istio.io/dry-run: "true"}}
  spec: {rules: [{}]}
`;

const mesh = side({
  'apps.yaml': documents(
    workload('foo', 'server', { ports: { 8080: 'http', 9090: 'tcp' } }),
    workload('bar', 'client'),
  ),
  'policies.yaml': POLICIES,
});
const server = mesh.topology.workloadById.get('foo/server')!;
const client = mesh.peer('bar/client');

describe('explainAccess', () => {
  it('a partial answer lists the allowed requests and the deciding ALLOW and DENY rules', () => {
    const e = explainAccess(mesh.engine, server, 8080, client);
    expect(e.access).toBe('partial');
    expect(e.requests).toEqual(['GET /api/* except /api/admin*']);
    expect(e.allow.map((r) => [r.ref.policy.name, r.ref.rule, r.requests])).toEqual([
      ['allow-client', 0, ['GET /api/*']],
    ]);
    expect(
      e.deny.map((r) => [r.ref.policy.name, r.ref.rule, r.ref.at.file, r.ref.at.line]),
    ).toEqual([['deny-admin', 0, 'policies.yaml', 19]]);
    expect(e.audit.map((r) => r.ref.policy.name)).toEqual(['audit-all']);
    expect(e.notes.map((n) => n.note)).toEqual(['dry-run ALLOW policy: not enforced']);
  });

  it('a query narrows to one method and path; a denial names the nearest ALLOW rule and what it lacks', () => {
    const e = explainAccess(mesh.engine, server, 8080, client, { method: 'POST', path: '/api/x' });
    expect(e.access).toBe('deny');
    expect(e.summary).toBe(
      'denied: ALLOW policies apply and none of their rules matches `cluster.local/ns/bar/sa/client`',
    );
    expect(e.nearest?.ref.rule).toBe(0);
    expect(e.nearest?.missing.map((m) => [m.part, m.requires])).toEqual([
      ['to', 'methods: GET; paths: /api/*'],
    ]);
  });

  it('a DENY match decides a query', () => {
    const e = explainAccess(mesh.engine, server, 8080, mesh.peer('foo/any'), {
      method: 'GET',
      path: '/api/admin',
    });
    expect(e.access).toBe('deny');
    expect(e.summary).toBe('denied: DENY foo/deny-admin rule 0 matches');
  });

  it.each(['/api/admin?x=1', '/api/admin#top', '/api/public/../admin', '/./api/admin'])(
    'a query path %s is checked as Envoy normalizes it, so the DENY on /api/admin* still decides',
    (path) => {
      const e = explainAccess(mesh.engine, server, 8080, mesh.peer('foo/any'), {
        method: 'GET',
        path,
      });
      expect(e.access).toBe('deny');
      expect(e.query.path).toBe('/api/admin');
      expect(e.deny.map((r) => r.ref.policy.name)).toEqual(['deny-admin']);
      expect(e.notes.map((n) => n.note)).toContain(
        `the request path \`${path}\` is checked as \`/api/admin\`: Envoy drops the query and fragment and resolves \`.\` and \`..\` segments before authorization (default path normalization)`,
      );
    },
  );

  it('on a TCP port the dropped ALLOW rule and the widened DENY rule are explained', () => {
    const e = explainAccess(mesh.engine, server, 9090, mesh.peer('foo/any'));
    expect(e.access).toBe('deny');
    expect(e.notes.map((n) => n.note)).toEqual([
      'dry-run ALLOW policy: not enforced',
      'ALLOW rule 0 dropped on the TCP chain: it uses HTTP-only methods, paths',
      'DENY rule 0 on the TCP chain ignores HTTP-only paths, so it matches more',
    ]);
  });

  it('a plaintext caller misses the identity part', () => {
    const e = explainAccess(mesh.engine, server, 8080, null, { method: 'GET', path: '/api/x' });
    expect(e.nearest?.missing.map((m) => m.part)).toEqual(['from']);
  });
});

describe('rendering', () => {
  it('text shows the decision first, then the evidence with file:line', () => {
    const text = renderExplainText(explainAccess(mesh.engine, server, 8080, client));
    expect(text.split('\n').slice(0, 10)).toEqual([
      'foo/server port 8080 (http) from cluster.local/ns/bar/sa/client: partial',
      '  some requests allowed by foo/allow-client rule 0 except what DENY foo/deny-admin rule 0 matches',
      '',
      'Allowed requests:',
      '  GET /api/* except /api/admin*',
      '',
      'Decided by:',
      '  DENY   AuthorizationPolicy foo/deny-admin rule 0  policies.yaml:19:5',
      '         matches: /api/admin*',
      '  ALLOW  AuthorizationPolicy foo/allow-client rule 0  policies.yaml:6:5',
    ]);
  });

  it('JSON is stable, versioned and carries positions', () => {
    const json = JSON.parse(
      renderExplainJson(
        explainAccess(mesh.engine, server, 8080, null, { method: 'GET', path: '/api/x' }),
      ),
    ) as Record<string, unknown>;
    expect(json).toMatchObject({
      schemaVersion: 1,
      workload: 'foo/server',
      caller: null,
      access: 'deny',
      query: { method: 'GET', path: '/api/x' },
    });
    expect((json.nearest as { missing: unknown[] }).missing).toEqual([
      {
        part: 'from',
        requires: 'principals: cluster.local/ns/bar/sa/client',
        file: 'policies.yaml',
        line: 7,
        column: 15,
      },
    ]);
  });
});
