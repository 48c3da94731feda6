import type { Report } from '../report/types.js';
import { formatCount, plural } from './change-words.js';
import { codeSpan, markdownLink, tableRow, truncate } from './escape.js';
import {
  edgeSection,
  findingSections,
  ignoredSection,
  mtlsSection,
  workloadSection,
} from './markdown-sections.js';
import type { Section, SectionContext } from './markdown-sections.js';
import { diagramNote, renderMermaid } from './mermaid.js';
import type { MermaidBudget, MermaidDiagram } from './mermaid.js';
import { summariseVerdict } from './verdict.js';

export interface MarkdownOptions {
  /** A link to a file line on the forge, when the caller knows the repository and commit. */
  readonly linkToLine?: (file: string, line: number) => string | null;
  /**
   * Longest output in UTF-16 code units (never fewer than GitHub's characters), default 60,000:
   * headroom under GitHub's 65,536-character comment limit for the marker the GitHub layer adds.
   * Values below 2,000 are raised to 2,000.
   */
  readonly maxLength?: number;
  /** Largest output in UTF-8 bytes, default 262,143: GitHub also rejects bodies of 262,144 bytes. */
  readonly maxBytes?: number;
  /** Where the untruncated report is (job summary, check run); linked from every cut. */
  readonly fullReportUrl?: string;
  /** The compared refs or SHAs, named in the footer. */
  readonly baseRef?: string;
  readonly headRef?: string;
  /** Diagram budget (arrows, characters, boxes); see `DEFAULT_MERMAID_BUDGET`. */
  readonly diagram?: Partial<MermaidBudget>;
}

export const MARKDOWN_DEFAULT_MAX_LENGTH = 60_000;
export const MARKDOWN_MIN_LENGTH = 2_000;
export const GITHUB_MAX_BODY_BYTES = 262_144;

/**
 * The sticky PR comment body, without the hidden marker (the GitHub layer adds it). Byte-stable:
 * no timestamps, run ids or anything not in the report and options.
 *
 * Layout: verdict line, counts table, diagram (outside `<details>`, github-notes §3.1), then edge,
 * mTLS and workload tables, findings by severity, ignored findings collapsed, footer.
 *
 * Size budget, applied in this order until the body fits `maxLength` and `maxBytes` (the
 * verdict, the counts and the diagram are never dropped):
 *   1. every table and finding list is cut in the middle to the same number of rows, the largest
 *      that fits, with a "… N more rows (see the full report)" line where rows were cut;
 *   2. the tables and lists are replaced by one line each, and the footer is left out;
 *   3. the diagram is redrawn under a smaller character budget, descending its own ladder
 *      (down to the one-sentence "diagram omitted").
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = Math.max(options.maxLength ?? MARKDOWN_DEFAULT_MAX_LENGTH, MARKDOWN_MIN_LENGTH);
  const maxBytes = Math.min(
    options.maxBytes ?? GITHUB_MAX_BODY_BYTES - 1,
    GITHUB_MAX_BODY_BYTES - 1,
  );
  const encoder = new TextEncoder();
  const fits = (text: string) =>
    text.length <= maxLength &&
    (text.length * 3 <= maxBytes || encoder.encode(text).length <= maxBytes);

  const context: SectionContext = {
    linkToLine: options.linkToLine ?? (() => null),
    fullReport: markdownLink('see the full report', options.fullReportUrl),
  };
  const sections = [
    edgeSection(report, context),
    mtlsSection(report, context),
    workloadSection(report, context),
    ...findingSections(report, context),
    ignoredSection(report, context),
  ].filter((section): section is Section => section !== null);
  const footer = footerLines(report, options);

  let diagram = renderMermaid(report, options.diagram);
  const build = (limit: number | 'drop') =>
    [
      ...header(report, diagram),
      ...body(sections, limit),
      ...(limit === 'drop' ? [] : footer),
    ].join('\n') + '\n';

  const longest = Math.max(0, ...sections.map((s) => s.rows.length));
  const whole = build(longest);
  if (fits(whole)) return whole;
  // Rows only grow the text, so the largest row count that fits is found by bisection.
  let low = -1;
  let high = longest;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(build(middle))) low = middle;
    else high = middle;
  }
  if (low >= 0) return build(low);
  let dropped = build('drop');
  // Each round lowers the diagram budget; at 0 nothing can be drawn, so this ends.
  for (let budget = diagram.text?.length ?? 0; !fits(dropped) && diagram.text !== null;) {
    budget = Math.max(0, budget - (dropped.length - maxLength) - 1_000);
    diagram = renderMermaid(report, { ...options.diagram, maxChars: budget });
    dropped = build('drop');
  }
  return dropped;
}

function header(report: Report, diagram: MermaidDiagram): string[] {
  const lines = [
    `### meshguard: ${verdictLine(report)}`,
    '',
    ...countsTable(report),
    '',
    diagramNote(diagram),
    '',
  ];
  if (diagram.text !== null) lines.push('```mermaid', diagram.text.trimEnd(), '```', '');
  return lines;
}

function body(sections: readonly Section[], limit: number | 'drop'): string[] {
  return sections.flatMap((section) => {
    if (limit === 'drop') return [section.omitted, ''];
    const { rows } = section;
    if (rows.length <= limit) return [...section.before, ...rows, ...section.after, ''];
    const head = Math.ceil(limit / 2);
    const tail = limit - head;
    return [
      ...section.before,
      ...rows.slice(0, head),
      section.more(rows.length - limit),
      ...rows.slice(rows.length - tail),
      ...section.after,
      '',
    ];
  });
}

/** "2 new paths, 1 mTLS downgrade — **regression**" or "no change in access — pass". */
export function verdictLine(report: Report): string {
  const verdict = summariseVerdict(report);
  const outcome =
    verdict.outcome === 'pass'
      ? 'pass'
      : verdict.outcome === 'regression'
        ? '**regression**'
        : `**fails** (${verdict.failing})`;
  return `${verdict.changes} \u2014 ${outcome}${verdict.caveat}`;
}

function countsTable(report: Report): string[] {
  const { summary } = report;
  const findings = (['error', 'warning', 'notice'] as const)
    .filter((severity) => summary.findings[severity] > 0)
    .map((severity) => plural(summary.findings[severity], severity))
    .join(', ');
  const cells: readonly (readonly [string, string])[] = [
    ['new paths', formatCount(summary.edges.added)],
    ['removed paths', formatCount(summary.edges.removed)],
    ['widened', formatCount(summary.edges.widened)],
    ['narrowed', formatCount(summary.edges.narrowed)],
    ['changed', formatCount(summary.edges.changed)],
    ['transport', formatCount(summary.edges.transport)],
    ['mTLS weakened', formatCount(summary.mtlsWeakened)],
    ['mTLS strengthened', formatCount(summary.mtlsStrengthened)],
    [
      'workloads added / removed',
      `${formatCount(summary.workloadsAdded)} / ${formatCount(summary.workloadsRemoved)}`,
    ],
    ['findings', findings === '' ? 'none' : findings],
  ];
  return [
    tableRow(cells.map(([title]) => title)),
    tableRow(cells.map(() => '---:')),
    tableRow(cells.map(([, value]) => value)),
  ];
}

function footerLines(report: Report, options: MarkdownOptions): string[] {
  const ref = (value: string | undefined, side: string) =>
    value === undefined ? side : `${side} ${codeSpan(truncate(value, 80))}`;
  const side = (s: Report['inputs']['base']) =>
    `${plural(s.files, 'file')}, ${plural(s.objects, 'object')}, ${plural(s.workloads, 'workload')}`;
  return [
    '---',
    '',
    `<sub>Compared ${ref(options.baseRef, 'base')} (${side(report.inputs.base)}) with ${ref(options.headRef, 'head')} (${side(report.inputs.head)}). ` +
      `For the evidence behind a row, comment ${codeSpan('/mesh explain <caller> -> <namespace>/<workload>:<port>')}.</sub>`,
  ];
}
