// @vitest-environment happy-dom
import type { Element } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/analysis/render/markdown.js';
import type { MarkdownOptions } from '../../src/analysis/render/markdown.js';
import { MERMAID_LIMITS } from '../../src/analysis/render/mermaid.js';
import type { Report } from '../../src/analysis/report/types.js';
import {
  at,
  edge,
  emptyReport,
  finding,
  generatedReport,
  makeReport,
  smallReport,
} from './fixtures.js';
import { renderGfm } from './gfm.js';
import { mermaidBlocks, parseFlowchart } from './mermaid-parser.js';

const link = (file: string, line: number) =>
  `https://github.com/acme/mesh/blob/0123abc/${file}#L${line}`;
const options: MarkdownOptions = { linkToLine: link, baseRef: 'main', headRef: '0123abc' };

function cells(row: Element): string[] {
  return [...row.querySelectorAll('td, th')].map((c) =>
    (c.textContent ?? '').replace(/\u200B/g, ''),
  );
}

/** Every Mermaid block parsed with the real parser; returns how many there were. */
async function parseAllMermaid(markdown: string): Promise<number> {
  const blocks = mermaidBlocks(markdown);
  for (const block of blocks) {
    expect(block.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxTextSize);
    const parsed = await parseFlowchart(block);
    expect(parsed.edges.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
  }
  return blocks.length;
}

describe('the PR comment for a small change', () => {
  const markdown = renderMarkdown(smallReport, options);
  const doc = renderGfm(markdown);

  it('opens with the verdict line, then counts, diagram, tables, findings, ignored, footer', () => {
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(
      '### meshguard: 1 new path, 1 widened path, 1 removed path, 1 narrowed path, 1 transport change, 1 mTLS downgrade, 1 mTLS upgrade \u2014 **regression**',
    );
    const order = [
      '| new paths |',
      'Diagram: 5 edge changes, one arrow each.',
      '```mermaid',
      '#### Edge changes (5)',
      '#### mTLS changes (2)',
      '#### Workloads added or removed (2)',
      '**Errors (1)**',
      '**Warnings (1)**',
      '<details><summary>Ignored findings (1)</summary>',
      '<sub>Compared base `main`',
    ].map((start) => lines.findIndex((line) => line.startsWith(start)));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('counts every kind of change', () => {
    const table = doc.querySelector('table');
    expect(cells(table?.querySelector('tbody tr') ?? doc.body)).toEqual([
      '1',
      '1',
      '1',
      '1',
      '0',
      '1',
      '1',
      '1',
      '1 / 1',
      '1 error, 1 warning',
    ]);
  });

  it('puts the diagram outside <details>, fenced by blank lines, and it parses', async () => {
    const lines = markdown.split('\n');
    const open = lines.indexOf('```mermaid');
    const close = lines.indexOf('```', open);
    expect(lines[open - 1]).toBe('');
    expect(lines[close + 1]).toBe('');
    expect(doc.querySelector('details pre')).toBeNull();
    expect(doc.querySelector('pre > code.language-mermaid')).not.toBeNull();
    expect(await parseAllMermaid(markdown)).toBe(1);
  });

  it('lists edge changes regressions first, with requests and the deciding policy line', () => {
    const table = doc.querySelectorAll('table')[1];
    expect(cells(table?.querySelector('thead tr') ?? doc.body)).toEqual([
      'change',
      'caller',
      'destination',
      'port/protocol',
      'before',
      'after',
      'what changed (requests)',
      'why (policy, file:line)',
    ]);
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map(cells);
    expect(rows.map((r) => r.slice(0, 4).join(' '))).toEqual([
      'transport payments/* (3 workloads) db/ledger 5432/tcp',
      'widened (unauthenticated) payments/checkout 8080/http',
      'added web/frontend payments/checkout 8080/http',
      'removed (any mesh identity) db/ledger 5432/tcp',
      'narrowed web/frontend payments/cart 9090/http',
    ]);
    expect(rows[1]?.slice(4)).toEqual([
      'partial, plaintext',
      'partial, plaintext',
      '+ GET /admin',
      'AuthorizationPolicy payments/public-health: rule 1 has no from (mesh/payments/authz.yaml:41)',
    ]);
    expect(rows[0]?.[6]).toBe('transport mtls \u2192 plaintext');
    const why = table?.querySelectorAll('tbody tr')[1]?.querySelector('a');
    expect(why?.getAttribute('href')).toBe(link('mesh/payments/authz.yaml', 41));
  });

  it('tables mTLS changes and workloads added or removed', () => {
    const [, , mtls, workloads] = doc.querySelectorAll('table');
    expect([...(mtls?.querySelectorAll('tbody tr') ?? [])].map(cells)).toEqual([
      [
        'db/ledger',
        '5432',
        'STRICT',
        'PERMISSIVE',
        'weakened',
        'mesh/db/peer-authentication.yaml:11',
      ],
      [
        'payments/checkout',
        'all ports',
        'PERMISSIVE',
        'STRICT',
        'strengthened',
        'mesh/payments/peer-authentication.yaml:7',
      ],
    ]);
    expect([...(workloads?.querySelectorAll('tbody tr') ?? [])].map(cells)).toEqual([
      ['added', 'web/new-ui', 'apps/web/new-ui.yaml:1'],
      ['removed', 'legacy/old-api', 'apps/legacy/old-api.yaml:1 (base)'],
    ]);
    // Links point into the head commit: a removed workload's line is only in the base.
    const where = [...(workloads?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      row.querySelector('a')?.getAttribute('href'),
    );
    expect(where).toEqual([link('apps/web/new-ui.yaml', 1), undefined]);
  });

  it('lists findings by severity with links to their lines, and ignored ones collapsed with reasons', () => {
    const items = [...doc.querySelectorAll('body > ul > li')];
    expect(items.map((li) => li.textContent)).toEqual([
      'MG011 action is ALOW, which is not one of ALLOW, DENY, AUDIT, CUSTOM \u2014 mesh/payments/authz.yaml:22',
      'MG901 more than 64 principals in db/deny-all; the rest were summarised \u2014 mesh/db/policy.yaml:3',
    ]);
    expect(items[0]?.querySelectorAll('a')[1]?.getAttribute('href')).toBe(
      link('mesh/payments/authz.yaml', 22),
    );
    const ignored = doc.querySelector('details');
    expect(ignored?.querySelector('summary')?.textContent).toBe('Ignored findings (1)');
    expect(ignored?.querySelector('li')?.textContent).toBe(
      'MG010 spec.outboundTrafficPolicy is not a field of Sidecar; it is ignored \u2014 mesh/web/sidecar.yaml:5 \u2014 ignored: tracked in PLAT-1234',
    );
  });

  it('names the compared refs and how to ask for an explanation', () => {
    expect(doc.querySelector('sub')?.textContent).toBe(
      'Compared base main (3 files, 12 objects, 6 workloads) with head 0123abc (3 files, 12 objects, 7 workloads). For the evidence behind a row, comment /mesh explain <caller> -> <namespace>/<workload>:<port>.',
    );
  });

  it('prints file:line without a link when the caller has none', () => {
    const plain = renderGfm(renderMarkdown(smallReport, { linkToLine: () => null }));
    expect(
      [...plain.querySelectorAll('a')].every((a) =>
        a.getAttribute('href')?.includes('docs/findings.md'),
      ),
    ).toBe(true);
    expect(plain.body.textContent).toContain('mesh/payments/authz.yaml:22');
  });

  it('is byte-stable: same report in any order, same text', () => {
    const shuffled: Report = {
      ...smallReport,
      edges: [...smallReport.edges].reverse(),
      mtls: [...smallReport.mtls].reverse(),
      findings: [...smallReport.findings].reverse(),
    };
    expect(renderMarkdown(shuffled, options)).toBe(markdown);
  });
});

describe('verdict lines', () => {
  it.each<[string, Report, string]>([
    ['nothing changed', emptyReport, 'no change in access \u2014 pass'],
    [
      'a rejected manifest without access changes',
      makeReport({ findings: [finding('MG018', at('a.yaml', 1), { detail: 'x' })] }),
      'no change in access \u2014 **fails** (1 error)',
    ],
    [
      'a new path the configuration does not fail on',
      makeReport({
        edges: [edge({ from: 'a/x', to: 'b/y', port: 80, change: 'added' })],
        failOn: 'never',
      }),
      '1 new path \u2014 pass',
    ],
    [
      'partial input and no change: the claim is limited to what was read',
      makeReport({ partial: true }),
      'no change in access found in the files that could be read \u2014 pass',
    ],
    [
      'partial input with changes',
      makeReport({
        partial: true,
        edges: [edge({ from: 'a/x', to: 'b/y', port: 80, change: 'added' })],
        failOn: 'never',
      }),
      '1 new path \u2014 pass (partial input: some files could not be read)',
    ],
  ])('%s', (_, report, line) => {
    expect(renderMarkdown(report).split('\n')[0]).toBe(`### meshguard: ${line}`);
  });

  it('says there is no diagram when no edge changed', () => {
    expect(renderMarkdown(emptyReport)).toContain('\nNo edge changed, so there is no diagram.\n');
    expect(renderMarkdown(emptyReport)).not.toContain('```mermaid');
  });
});

describe('the size budget', () => {
  const bytes = (text: string) => new TextEncoder().encode(text).length;

  it.each([
    [5, 3, 'full', false],
    [500, 40, 'namespace-hybrid', true],
    [5000, 40, 'namespace', true],
  ] as const)(
    '%i changes: fits 60,000 characters, keeps verdict, counts and diagram (%s)',
    async (count, namespaces, step, cut) => {
      const report = generatedReport(count, namespaces);
      const markdown = renderMarkdown(report, { ...options, maxLength: 60_000 });
      expect(markdown.length).toBeLessThanOrEqual(60_000);
      expect(bytes(markdown)).toBeLessThan(262_144);
      expect(markdown.startsWith('### meshguard: ')).toBe(true);
      expect(markdown).toContain('| new paths |');
      expect(await parseAllMermaid(markdown)).toBe(1);
      const { diagramNote, planDiagram } = await import('../../src/analysis/render/mermaid.js');
      expect(planDiagram(report).diagram.step).toBe(step);
      expect(markdown).toContain(diagramNote(planDiagram(report).diagram));
      const marker = markdown.match(/^\| \u2026 ([\d,]+) more rows? \(see the full report\) \|$/m);
      expect(marker !== null).toBe(cut);
      if (marker) {
        // Shown rows plus the hidden count add up to every change.
        const table = renderGfm(markdown).querySelectorAll('table')[1];
        const shown = (table?.querySelectorAll('tbody tr').length ?? 0) - 1;
        expect(shown + Number(marker[1]?.replace(/,/g, ''))).toBe(count);
      }
    },
  );

  it('links every cut to the full report when given', () => {
    const markdown = renderMarkdown(generatedReport(5000, 40), {
      fullReportUrl: 'https://github.com/acme/mesh/actions/runs/1',
    });
    expect(markdown).toMatch(
      /\| \u2026 [\d,]+ more rows \(\[see the full report\]\(https:\/\/github\.com\/acme\/mesh\/actions\/runs\/1\)\) \|/,
    );
  });

  it('drops the tables, then shrinks the diagram, but never the verdict or counts', async () => {
    const markdown = renderMarkdown(generatedReport(5000, 40), { maxLength: 5_000 });
    expect(markdown.length).toBeLessThanOrEqual(5_000);
    expect(markdown).toContain(
      'Edge changes (5,000): 5,000 rows omitted to fit the comment (see the full report).',
    );
    expect(markdown).toContain('| 500 | 1,500 | 0 | 1,500 | 0 | 1,500 |');
    expect(markdown).toContain('only the 500 regressions are drawn, per namespace');
    expect(await parseAllMermaid(markdown)).toBe(1);
  });

  it('raises a tiny maxLength to the 2,000 minimum and still says what happened', () => {
    const markdown = renderMarkdown(generatedReport(5000, 40), { maxLength: 10 });
    expect(markdown.length).toBeLessThanOrEqual(2_000);
    expect(markdown).toContain('diagram omitted');
    expect(markdown.split('\n')[0]).toContain('500 new paths');
  });

  it('keeps UTF-8 bytes under 262,144 when multibyte names would pass it first', () => {
    // Each CJK character is 1 UTF-16 unit but 3 UTF-8 bytes: 200,000 units can be 600,000 bytes.
    const wide = '\u6f22'.repeat(150);
    const report = makeReport({
      edges: Array.from({ length: 2_000 }, (_, i) =>
        edge({
          from: `${wide}/caller-${i}`,
          to: `${wide}/service-${i}`,
          port: 80,
          change: 'removed',
        }),
      ),
    });
    const markdown = renderMarkdown(report, { maxLength: 1_000_000 });
    expect(markdown.length).toBeLessThan(1_000_000);
    expect(bytes(markdown)).toBeLessThan(262_144);
    expect(bytes(markdown)).toBeGreaterThan(200_000);
    expect(markdown).toMatch(/more rows/);
  });
});
