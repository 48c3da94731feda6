// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callerName } from '../../src/analysis/render/change-words.js';
import { oneLine, truncate } from '../../src/analysis/render/escape.js';
import { renderMarkdown } from '../../src/analysis/render/markdown.js';
import { FINDINGS_DOC_URL } from '../../src/analysis/render/markdown-sections.js';
import { renderMermaid } from '../../src/analysis/render/mermaid.js';
import { regressionsFirst } from '../../src/analysis/render/order.js';
import { HOSTILE, hostileReport } from './fixtures-hostile.js';
import { BARE_URL, ISSUE_REF, MENTION, proseText, renderGfm } from './gfm.js';
import { mermaidBlocks, parseFlowchart } from './mermaid-parser.js';

/**
 * Laws of escaping: whatever strings a manifest puts in workload, namespace and policy names,
 * request paths and messages, the comment keeps its table columns, carries no HTML, mention,
 * issue reference, autolink or comment marker of the author's, and its diagram still parses.
 */

const SPECIAL = [...'|`*_[](){}<>!-#@&;:"\'\\\n\r\t%$~^=+./ '];
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...HOSTILE),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...SPECIAL),
        fc.constantFrom('a', 'end', 'www', 'http', '12', 'GH', '!--', '-->'),
      ),
      { maxLength: 25 },
    )
    .map((parts) => parts.join('')),
);
const names = fc.array(hostileString, { minLength: 1, maxLength: 6 });

const ALLOWED_ELEMENTS = new Set([
  'H3',
  'H4',
  'P',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'TH',
  'TD',
  'CODE',
  'PRE',
  'A',
  'BR',
  'STRONG',
  'UL',
  'LI',
  'DETAILS',
  'SUMMARY',
  'SUB',
  'HR',
]);
const link = (file: string, line: number) =>
  `https://github.com/acme/mesh/blob/0123abc/${file}#L${line}`;
const seenAs = (text: string) =>
  text
    .replace(/\u200B/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** A diagram box shows a blank name as `""` (Mermaid rejects empty labels). */
const boxed = (name: string) =>
  seenAs(truncate(oneLine(name).trim() === '' ? `"${oneLine(name)}"` : oneLine(name), 40));

describe('escaping laws', () => {
  it('the Markdown keeps its structure and no author-controlled markup survives', async () => {
    await fc.assert(
      fc.asyncProperty(names, async (input) => {
        const report = hostileReport(input);
        const markdown = renderMarkdown(report, {
          linkToLine: link,
          baseRef: input[0] ?? '',
          headRef: input.at(-1) ?? '',
        });
        // No comment can open, so none can close; our own solid arrows (`n1 -->|`) are the only
        // `-->` in the source, and they sit in the diagram.
        expect(markdown).not.toContain('<!--');
        expect(markdown.replace(/^ {2}n\d+ -->\|/gm, '')).not.toMatch(/-->|--!>/);

        const doc = renderGfm(markdown);
        const elements = [...doc.body.querySelectorAll('*')].map((e) => e.tagName);
        expect(elements.filter((tag) => !ALLOWED_ELEMENTS.has(tag))).toEqual([]);
        expect(doc.querySelectorAll('details').length).toBe(1);
        expect(doc.querySelectorAll('sub').length).toBe(1);
        for (const a of doc.querySelectorAll('a')) {
          const href = a.getAttribute('href') ?? '';
          expect(
            href.startsWith('https://github.com/acme/mesh/blob/0123abc/') ||
              href.startsWith(FINDINGS_DOC_URL),
            href,
          ).toBe(true);
        }
        for (const text of proseText(doc.body)) {
          expect(text).not.toMatch(MENTION);
          expect(text).not.toMatch(ISSUE_REF);
          expect(text).not.toMatch(BARE_URL);
        }

        const table = doc.querySelectorAll('table')[1];
        const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
        const edges = regressionsFirst(report.edges);
        expect(rows.length).toBe(edges.length);
        rows.forEach((row, i) => {
          const edge = edges[i];
          const cells = [...row.querySelectorAll('td')].map((td) => seenAs(td.textContent ?? ''));
          expect(cells.length).toBe(8);
          expect(cells[1]).toBe(seenAs(truncate(oneLine(edge ? callerName(edge) : ''), 200)));
          expect(cells[2]).toBe(seenAs(truncate(oneLine(edge?.to ?? ''), 200)));
          expect(cells[3]).toBe(seenAs(truncate(oneLine(`${edge?.port}/${edge?.protocol}`), 40)));
        });

        const blocks = mermaidBlocks(markdown);
        expect(blocks.length).toBe(1);
        expect(doc.querySelectorAll('pre').length).toBe(1);
        await parseFlowchart(blocks[0] ?? '');
      }),
      { numRuns: 60 },
    );
  });

  it('the Mermaid parses and every box reads as the name given', async () => {
    await fc.assert(
      fc.asyncProperty(names, async (input) => {
        const report = hostileReport(input);
        const diagram = renderMermaid(report);
        expect(diagram.text).not.toBeNull();
        const parsed = await parseFlowchart(diagram.text ?? '');
        expect(parsed.edges.length).toBe(report.edges.length);
        expect(parsed.vertices.every((v) => /^n\d+$/.test(v.id))).toBe(true);
        const shown = new Set(
          [...parsed.vertices.map((v) => v.text), ...parsed.subgraphs.map((s) => s.title)].map(
            seenAs,
          ),
        );
        for (const e of report.edges) {
          const slash = e.to.indexOf('/');
          expect(shown.has(boxed(e.to.slice(slash + 1))), e.to).toBe(true);
          expect(shown.has(boxed(e.to.slice(0, slash))), e.to).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
