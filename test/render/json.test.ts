import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/analysis/render/json.js';
import type { EdgeDelta, Report } from '../../src/analysis/report/types.js';
import { docExampleReport, edge, emptyReport, makeReport, smallReport, state } from './fixtures.js';

const DOC = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'report-schema.md'), 'utf8');

/** Every path in a JSON value: `edges`, `edges[].base`, `edges[].base.access`, … */
function paths(value: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown, path: string) => {
    if (path !== '') out.add(path);
    if (Array.isArray(node)) {
      for (const item of node)
        if (item !== null && typeof item === 'object') visit(item, `${path}[]`);
      if (node.length > 0 && typeof node[0] === 'object') out.delete(`${path}[]`);
    } else if (node !== null && typeof node === 'object')
      for (const [key, child] of Object.entries(node))
        visit(child, path === '' ? key : `${path}.${key}`);
  };
  visit(value, prefix);
  return out;
}

function documentedPaths(): Set<string> {
  return new Set([...DOC.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] ?? ''));
}

function examples(): unknown[] {
  return [...DOC.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => JSON.parse(m[1] ?? ''));
}

describe('the JSON report', () => {
  it('has the versioned shape of the issue: edges, mtls and findings with their named fields', () => {
    const json = JSON.parse(renderJson(smallReport));
    expect(json.schemaVersion).toBe(1);
    const added = json.edges.find((e: { change: string }) => e.change === 'added');
    expect(added).toMatchObject({
      from: 'web/frontend',
      to: 'payments/checkout',
      port: 8080,
      change: 'added',
      regression: true,
      base: { access: 'deny', transport: 'mtls' },
      head: { access: 'partial', transport: 'mtls', requests: ['GET /api/*'] },
      newlyAllowed: ['GET /api/*'],
      reasons: [
        {
          object: 'AuthorizationPolicy payments/allow-frontend',
          file: 'mesh/payments/authz.yaml',
          line: 14,
        },
      ],
    });
    expect(json.mtls).toEqual([
      {
        workload: 'db/ledger',
        port: 5432,
        base: 'STRICT',
        head: 'PERMISSIVE',
        change: 'weakened',
        file: 'mesh/db/peer-authentication.yaml',
        line: 11,
        side: 'head',
      },
      {
        workload: 'payments/checkout',
        port: null,
        base: 'PERMISSIVE',
        head: 'STRICT',
        change: 'strengthened',
        file: 'mesh/payments/peer-authentication.yaml',
        line: 7,
        side: 'head',
      },
    ]);
    expect(
      json.findings.map((f: { rule: string; severity: string; file: string; line: number }) => [
        f.rule,
        f.severity,
        f.file,
        f.line,
      ]),
    ).toEqual([
      ['MG011', 'error', 'mesh/payments/authz.yaml', 22],
      ['MG901', 'warning', 'mesh/db/policy.yaml', 3],
    ]);
    expect(json.ignored[0]).toMatchObject({
      rule: 'MG010',
      reason: 'tracked in PLAT-1234',
      object: null,
      edge: null,
    });
  });

  it('sorts edges by destination, port and caller, whatever order they arrive in', () => {
    const shuffled: Report = {
      ...smallReport,
      edges: [...smallReport.edges].reverse(),
      findings: [...smallReport.findings].reverse(),
    };
    expect(renderJson(shuffled)).toBe(renderJson(smallReport));
    const json = JSON.parse(renderJson(smallReport));
    expect(
      json.edges.map(
        (e: { to: string; port: number; from: string }) => `${e.to}:${e.port} ${e.from}`,
      ),
    ).toEqual([
      'db/ledger:5432 (any mesh identity)',
      'db/ledger:5432 payments/*',
      'payments/cart:9090 web/frontend',
      'payments/checkout:8080 (unauthenticated)',
      'payments/checkout:8080 web/frontend',
    ]);
  });

  it('a removed edge is no regression, even when its transport also lost mTLS', () => {
    // `tls: {}` makes callers plaintext and an identity ALLOW then denies them: nothing reaches
    // the server in plaintext, so nothing got looser (report-schema: "traffic that was mTLS and
    // is now plaintext").
    const lost = (head: EdgeDelta['head']) =>
      JSON.parse(
        renderJson(
          makeReport({
            edges: [
              edge({ from: 'shop/cart', to: 'shop/catalog', port: 8080, change: 'removed', head }),
            ],
          }),
        ),
      ).edges[0].regression;
    expect(lost(state('deny', 'plaintext'))).toBe(false);
    expect(lost(state('allow', 'plaintext'))).toBe(true);
  });

  it('escapes nothing itself: JSON.stringify carries any string, and it parses back equal', () => {
    const hostile = {
      ...smallReport,
      edges: smallReport.edges.map((e) => ({ ...e, to: `${e.to}"\u0000\u202e\n|<!--` })),
    };
    const json = JSON.parse(renderJson(hostile));
    expect(json.edges.every((e: { to: string }) => e.to.endsWith('"\u0000\u202e\n|<!--'))).toBe(
      true,
    );
  });
});

describe('docs/report-schema.md', () => {
  it('shows, in every example, exactly what the renderer prints', () => {
    expect(examples()).toEqual([
      JSON.parse(renderJson(docExampleReport)),
      JSON.parse(renderJson(emptyReport)),
    ]);
    const blocks = [...DOC.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    expect(blocks).toEqual([renderJson(docExampleReport), renderJson(emptyReport)]);
  });

  it('documents every field the renderer writes, and no other', () => {
    // Every optional value present at least once: an ignored finding on an edge, too.
    const [, onEdge] = smallReport.findings;
    const rich: Report = {
      ...smallReport,
      ignored: [
        ...smallReport.ignored,
        ...(onEdge ? [{ finding: onEdge, reason: 'accepted' }] : []),
      ],
    };
    const written = paths(JSON.parse(renderJson(rich)));
    expect([...documentedPaths()].sort()).toEqual([...written].sort());
  });
});
