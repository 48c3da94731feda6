// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MERMAID_BUDGET,
  MERMAID_LIMITS,
  diagramNote,
  planDiagram,
  renderMermaid,
} from '../../src/analysis/render/mermaid.js';
import type { MermaidBudget, MermaidDiagram } from '../../src/analysis/render/mermaid.js';
import { oneLine, truncate } from '../../src/analysis/render/escape.js';
import type { Report } from '../../src/analysis/report/types.js';
import { edge, generatedReport, makeReport, smallReport } from './fixtures.js';
import { hostileReport } from './fixtures-hostile.js';
import { parseFlowchart } from './mermaid-parser.js';
import type { ParsedFlowchart } from './mermaid-parser.js';

const GREEN = 'stroke:#2da44e';
const RED = 'stroke:#cf222e';
const AMBER = 'stroke:#bf8700';

/** Renders, checks Mermaid's hard limits, and parses with the real parser. */
async function drawn(report: Report, budget?: Partial<MermaidBudget>) {
  const diagram = renderMermaid(report, budget);
  expect(diagram.text, 'a diagram was drawn').not.toBeNull();
  const text = diagram.text ?? '';
  expect(text.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxTextSize);
  const parsed = await parseFlowchart(text);
  expect(parsed.edges.length).toBe(diagram.drawnEdges);
  expect(parsed.edges.length).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
  return { diagram, text, parsed };
}

function labelOf(parsed: ParsedFlowchart, id: string): string {
  return parsed.vertices.find((v) => v.id === id)?.text ?? `?${id}`;
}

/** `caller -> destination: label` for every arrow, with the colour and line it was drawn in. */
function arrows(parsed: ParsedFlowchart): string[] {
  return parsed.edges.map((e) => {
    const colour = e.style.includes(GREEN)
      ? 'green'
      : e.style.includes(RED)
        ? 'red'
        : e.style.includes(AMBER)
          ? 'amber'
          : 'none';
    return `${labelOf(parsed, e.start)} -> ${labelOf(parsed, e.end)}: ${e.text} [${e.stroke} ${colour}]`;
  });
}

describe('the diagram of a small change', () => {
  it('draws every changed edge once, coloured and styled by change', async () => {
    const { diagram, parsed } = await drawn(smallReport);
    expect(diagram.step).toBe('full');
    expect(arrows(parsed).sort()).toEqual([
      '(any mesh identity) -> ledger: 5432 -all [dotted red]',
      '(unauthenticated) -> checkout: 8080 +GET /admin [normal amber]',
      '* (3 workloads) -> ledger: 5432 mtls->plain [normal amber]',
      'frontend -> cart: 9090 -POST /cart/* and 1 more [normal amber]',
      'frontend -> checkout: 8080 +GET /api/* [thick green]',
    ]);
  });

  it('groups workloads by namespace and keeps pseudo-callers outside every subgraph', async () => {
    const { parsed } = await drawn(smallReport);
    const members = parsed.subgraphs.map(
      (s) =>
        `${s.title}: ${s.nodes
          .map((n) => labelOf(parsed, n))
          .sort()
          .join(', ')}`,
    );
    expect(members).toEqual([
      'db: ledger',
      'payments: * (3 workloads), cart, checkout',
      'web: frontend',
    ]);
    const pseudo = parsed.vertices.filter((v) => v.classes.includes('pseudo')).map((v) => v.text);
    expect(pseudo.sort()).toEqual(['(any mesh identity)', '(unauthenticated)']);
    expect(parsed.vertices.find((v) => v.text === '(unauthenticated)')?.type).toBe('stadium');
  });

  it('generates every id (never a user name) and marks the workload whose mTLS weakened', async () => {
    const { parsed } = await drawn(smallReport);
    expect(parsed.vertices.every((v) => /^n\d+$/.test(v.id))).toBe(true);
    expect(parsed.subgraphs.map((s) => s.id)).toEqual(['ns1', 'ns2', 'ns3']);
    expect(
      parsed.vertices.filter((v) => v.classes.includes('weakened')).map((v) => v.text),
    ).toEqual(['ledger']);
  });

  it('sets fill, stroke and text colour in every class and stroke and colour in every link style', async () => {
    const { parsed } = await drawn(smallReport);
    for (const [name, styles] of parsed.classes) {
      const keys = styles.map((s) => s.split(':')[0]);
      expect(keys, name).toEqual(expect.arrayContaining(['fill', 'stroke', 'color']));
    }
    for (const e of parsed.edges) {
      const keys = e.style.map((s) => s.split(':')[0]);
      expect(keys).toEqual(expect.arrayContaining(['stroke', 'color', 'fill']));
    }
  });

  it('describes itself for screen readers', async () => {
    const { parsed } = await drawn(smallReport);
    expect(parsed.accTitle).toBe('Mesh access changes');
    expect(parsed.accDescription).toBe(
      '5 changed edges (1 added, 1 removed, 1 widened, 1 narrowed, 1 transport), drawn one arrow per changed edge',
    );
  });

  it('prints the same bytes whatever order the edges arrive in', () => {
    const reversed = { ...smallReport, edges: [...smallReport.edges].reverse() };
    expect(renderMermaid(reversed).text).toBe(renderMermaid(smallReport).text);
  });

  it('draws nothing when no edge changed', () => {
    const diagram = renderMermaid(makeReport({}));
    expect(diagram).toMatchObject({ step: 'empty', text: null, drawnEdges: 0 });
    expect(diagramNote(diagram)).toBe('No edge changed, so there is no diagram.');
  });
});

describe('edge labels', () => {
  it.each([
    [edge({ from: 'a/x', to: 'b/y', port: 9090, change: 'added' }), '9090 +all'],
    [
      edge({
        from: 'a/x',
        to: 'b/y',
        port: 9090,
        change: 'added',
        head: { access: 'allow', transport: 'plaintext', requests: ['all requests'], exact: true },
      }),
      '9090 +all (plain)',
    ],
    [
      edge({
        from: 'a/x',
        to: 'b/y',
        port: 80,
        change: 'changed',
        newlyAllowed: ['GET /b'],
        newlyDenied: ['GET /a'],
      }),
      '80 +GET /b -GET /a',
    ],
    [
      edge({
        from: 'a/x',
        to: 'b/y',
        port: 80,
        change: 'widened',
        newlyAllowed: ['POST /very/long/path/that/goes/on/and/on'],
      }),
      '80 +POST /very/long/path/th...',
    ],
    // A connection that now fails says so, whatever authorization would have said about the
    // plaintext it no longer gets to send (the table shows "connection fails" for both).
    [
      edge({
        from: 'a/x',
        to: 'b/y',
        port: 8080,
        change: 'removed',
        head: { access: 'deny', transport: 'broken', requests: [], exact: true },
      }),
      '8080 -all mtls->broken',
    ],
    [
      edge({
        from: 'a/x',
        to: 'b/y',
        port: 8080,
        change: 'removed',
        head: { access: 'allow', transport: 'broken', requests: ['all requests'], exact: true },
      }),
      '8080 -all mtls->broken',
    ],
  ])('labels %#', async (change, label) => {
    const { parsed } = await drawn(makeReport({ edges: [change] }));
    expect(parsed.edges.map((e) => e.text)).toEqual([label]);
    expect(label.length).toBeLessThanOrEqual(30);
  });

  it('stays within 30 characters for hostile and generated reports', () => {
    for (const report of [hostileReport(), generatedReport(500, 40)]) {
      const labels = [...(renderMermaid(report).text ?? '').matchAll(/\|"([^"]*)"\|/g)].map(
        (m) => m[1] ?? '',
      );
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels)
        expect(label.replace(/#\w+;/g, '?').length, label).toBeLessThanOrEqual(30);
    }
  });
});

describe('the degrade ladder', () => {
  it.each([
    [5, 3, 'full'],
    [500, 40, 'namespace-hybrid'],
    [5000, 40, 'namespace'],
  ] as const)(
    'draws %i changes over %i namespaces at step %s, inside every hard limit',
    async (count, namespaces, step) => {
      const report = generatedReport(count, namespaces);
      const { diagram, text } = await drawn(report);
      expect(diagram.step).toBe(step);
      expect(diagram.drawnEdges).toBeLessThanOrEqual(DEFAULT_MERMAID_BUDGET.maxEdges);
      expect(diagram.drawnNodes).toBeLessThanOrEqual(DEFAULT_MERMAID_BUDGET.maxNodes);
      expect(text.length).toBeLessThanOrEqual(DEFAULT_MERMAID_BUDGET.maxChars);
    },
  );

  it('says why each skipped step did not fit', () => {
    // 500 changes are 250 caller-destination pairs on two ports: 500 arrows, 250 once merged,
    // each over the 150-arrow budget; per namespace with the 50 regressions kept per workload fits.
    const { attempts } = planDiagram(generatedReport(500, 40));
    expect(attempts.map((a) => [a.step, a.edges, a.fits])).toEqual([
      ['full', 500, false],
      ['merged', 250, false],
      ['namespace-hybrid', 133, true],
    ]);
  });

  it.each<[Partial<MermaidBudget>, string]>([
    [{ maxNodes: 250 }, 'merged'],
    [{ maxEdges: 60 }, 'regressions'],
    [{ maxEdges: 60, maxNodes: 40 }, 'regressions-namespace'],
  ])('reaches %j -> %s under a tighter budget', async (budget, step) => {
    const report = generatedReport(step === 'merged' ? 200 : 500, 40);
    const { diagram, parsed } = await drawn(report, budget);
    expect(diagram.step).toBe(step);
    expect(parsed.edges.length).toBeLessThanOrEqual(budget.maxEdges ?? 150);
    if (step !== 'merged') expect(parsed.edges.every((e) => e.style.includes(GREEN))).toBe(true);
  });

  it('omits the diagram, with one sentence, when not even regressions fit', () => {
    const diagram = renderMermaid(generatedReport(500, 40), { maxEdges: 5 });
    expect(diagram).toMatchObject({ step: 'omitted', text: null, changes: 500, namespaces: 40 });
    expect(diagramNote(diagram)).toBe(
      '500 edge changes across 40 namespaces: too many to draw, diagram omitted. The tables list every change.',
    );
  });

  it('never exceeds Mermaid limits, even when asked to', async () => {
    const diagram: MermaidDiagram = renderMermaid(generatedReport(5000, 40), {
      maxEdges: 100_000,
      maxChars: 10_000_000,
      maxNodes: 100_000,
    });
    expect(diagram.drawnEdges).toBeLessThanOrEqual(MERMAID_LIMITS.maxEdges);
    expect((diagram.text ?? '').length).toBeLessThanOrEqual(MERMAID_LIMITS.maxTextSize);
    await parseFlowchart(diagram.text ?? '');
  });

  it('draws namespace-level arrows with counts', async () => {
    const { parsed } = await drawn(generatedReport(5000, 40));
    const first = arrows(parsed)[0];
    expect(first).toMatch(/^team-\d\d -> team-\d\d: \d+ (new|removed|narrowed|plain->mtls) \[/);
  });
});

describe('hostile names', () => {
  it('parse, and every box shows the name as written (one line, cut at 40)', async () => {
    const report = hostileReport();
    const { parsed, text } = await drawn(report);
    // Printable ASCII only: everything else is a Mermaid entity code.
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    const names = new Set(
      report.edges
        .flatMap((e) => [e.from, e.to])
        .flatMap((id) => {
          const slash = id.indexOf('/');
          return id.startsWith('(') || slash < 0 ? [id] : [id.slice(slash + 1), id.slice(0, slash)];
        }),
    );
    // oneLine and truncate are specified in escape.test.ts; here: the parser shows exactly that.
    // HTML collapses and trims whitespace (and Mermaid trims labels), so compare collapsed.
    const collapse = (text: string) => text.replace(/ +/g, ' ').trim();
    const expected = (name: string) => collapse(truncate(oneLine(name), 40));
    const visible = new Set(
      [...parsed.vertices.map((v) => v.text), ...parsed.subgraphs.map((s) => s.title)].map(
        collapse,
      ),
    );
    for (const name of names) {
      if (name === '*') continue;
      expect(visible.has(expected(name)), JSON.stringify(name)).toBe(true);
    }
  });
});
