import type { Severity } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import type { Source } from '../model/source.js';
import type { EdgeDelta, Report } from '../report/types.js';
import {
  callerName,
  describeState,
  formatCount,
  isRegression,
  mtlsDirection,
  plural,
  transportChange,
} from './change-words.js';
import {
  codeSpan,
  escapeInline,
  escapeMessage,
  markdownLink,
  tableRow,
  truncate,
} from './escape.js';
import { regressionsFirst, sortFindings, sortMtls, sortWorkloads } from './order.js';

/**
 * The long parts of the PR comment as row lists, so the budget in `markdown.ts` can cut any of
 * them in the middle without knowing what they hold.
 */

export interface Section {
  /** Heading and table header: always kept while the section is shown. */
  readonly before: readonly string[];
  readonly rows: readonly string[];
  readonly after: readonly string[];
  /** The line standing for `hidden` rows cut from the middle. */
  readonly more: (hidden: number) => string;
  /** The single line replacing the whole section when even its header does not fit. */
  readonly omitted: string;
}

export interface SectionContext {
  readonly linkToLine: (file: string, line: number) => string | null;
  /** "see the full report", linked when the caller has a URL for it. */
  readonly fullReport: string;
}

/** Long user text in a cell is cut: the full report keeps it whole. */
const CELL_TEXT_MAX = 200;
const CELL_LINES_MAX = 4;

export const FINDINGS_DOC_URL = 'https://github.com/meshguard/meshguard/blob/main/docs/findings.md';

/**
 * `file:line`, linked to the head commit. A base line is not linked: the links point into the
 * head, where that line number shows something else or nothing.
 */
function location(at: Source, context: SectionContext, side: 'base' | 'head' = 'head'): string {
  const where = `${at.file}:${at.line}`;
  return side === 'base'
    ? `${escapeInline(where)} (base)`
    : markdownLink(where, context.linkToLine(at.file, at.line));
}

function cellLines(lines: readonly string[], noun: string): string {
  const shown = lines.slice(0, CELL_LINES_MAX);
  const rest = lines.length - shown.length;
  return [...shown, ...(rest > 0 ? [escapeInline(`and ${plural(rest, noun)} more`)] : [])].join(
    '<br>',
  );
}

function requests(edge: EdgeDelta): string {
  const code = (sign: string, text: string) =>
    `${sign} ${codeSpan(truncate(text, CELL_TEXT_MAX), 'table')}`;
  const transport = transportChange(edge);
  return cellLines(
    [
      ...(transport === null ? [] : [escapeInline(`transport ${transport}`)]),
      ...edge.newlyAllowed.map((r) => code('+', r)),
      ...edge.newlyDenied.map((r) => code('\u2212', r)),
    ],
    'request set',
  );
}

function reasons(edge: EdgeDelta, context: SectionContext): string {
  return cellLines(
    edge.reasons.map((reason) => {
      const note =
        reason.note === ''
          ? ''
          : `: ${escapeMessage(truncate(reason.note, CELL_TEXT_MAX), 'table')}`;
      return `${escapeInline(truncate(reason.object, CELL_TEXT_MAX))}${note} (${location(reason.at, context, reason.side)})`;
    }),
    'reason',
  );
}

function tableSection(
  title: string,
  header: readonly string[],
  rows: readonly string[],
  context: SectionContext,
): Section {
  const marker = (hidden: number) =>
    tableRow([`\u2026 ${plural(hidden, 'more row')} (${context.fullReport})`]);
  return {
    before: [title, '', tableRow(header), tableRow(header.map(() => '---'))],
    rows,
    after: [],
    more: marker,
    omitted: `${title.replace(/^#+ /, '')}: ${plural(rows.length, 'row')} omitted to fit the comment (${context.fullReport}).`,
  };
}

export function edgeSection(report: Report, context: SectionContext): Section | null {
  if (report.edges.length === 0) return null;
  const rows = regressionsFirst(report.edges).map((edge) =>
    tableRow([
      isRegression(edge) ? `**${edge.change}**` : edge.change,
      escapeInline(truncate(callerName(edge), CELL_TEXT_MAX)),
      escapeInline(truncate(edge.to, CELL_TEXT_MAX)),
      escapeInline(truncate(`${edge.port}/${edge.protocol}`, 40)),
      escapeInline(describeState(edge.base)),
      escapeInline(describeState(edge.head)),
      requests(edge),
      reasons(edge, context),
    ]),
  );
  return tableSection(
    `#### Edge changes (${formatCount(rows.length)})`,
    [
      'change',
      'caller',
      'destination',
      'port/protocol',
      'before',
      'after',
      'what changed (requests)',
      'why (policy, file:line)',
    ],
    rows,
    context,
  );
}

export function mtlsSection(report: Report, context: SectionContext): Section | null {
  if (report.mtls.length === 0) return null;
  const rows = sortMtls(report.mtls).map((delta) =>
    tableRow([
      escapeInline(truncate(delta.workload, CELL_TEXT_MAX)),
      delta.port === null ? 'all ports' : String(delta.port),
      delta.base,
      delta.head,
      mtlsDirection(delta) === 'weakened' ? '**weakened**' : mtlsDirection(delta),
      delta.at === null ? '' : location(delta.at, context, delta.side),
    ]),
  );
  return tableSection(
    `#### mTLS changes (${formatCount(rows.length)})`,
    ['workload', 'port', 'before', 'after', 'change', 'where'],
    rows,
    context,
  );
}

export function workloadSection(report: Report, context: SectionContext): Section | null {
  const { added, removed } = report.workloads;
  if (added.length + removed.length === 0) return null;
  const row = (change: string, side: 'base' | 'head') => (w: { workload: string; at: Source }) =>
    tableRow([
      change,
      escapeInline(truncate(w.workload, CELL_TEXT_MAX)),
      location(w.at, context, side),
    ]);
  const rows = [
    ...sortWorkloads(added).map(row('added', 'head')),
    ...sortWorkloads(removed).map(row('removed', 'base')),
  ];
  return tableSection(
    `#### Workloads added or removed (${formatCount(rows.length)})`,
    ['change', 'workload', 'where'],
    rows,
    context,
  );
}

function findingLine(finding: Finding, context: SectionContext): string {
  const code = `[**${finding.code}**](${FINDINGS_DOC_URL}#${finding.code.toLowerCase()})`;
  return `- ${code} ${escapeMessage(truncate(finding.message, 1000))} \u2014 ${location(finding.at, context, finding.side)}`;
}

function listSection(
  title: string,
  rows: readonly string[],
  context: SectionContext,
  wrap?: readonly [string, string],
): Section {
  return {
    before: [...(wrap ? [wrap[0], ''] : [title, ''])],
    rows,
    after: wrap ? ['', wrap[1]] : [],
    more: (hidden) => `- \u2026 ${plural(hidden, 'more finding')} (${context.fullReport})`,
    omitted: `${title.replace(/\*/g, '')}: omitted to fit the comment (${context.fullReport}).`,
  };
}

const SEVERITY_TITLE: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  notice: 'Notices',
};

/** One list per severity, most severe first. */
export function findingSections(report: Report, context: SectionContext): Section[] {
  const sorted = sortFindings(report.findings);
  return (['error', 'warning', 'notice'] as const).flatMap((severity) => {
    const rows = sorted.filter((f) => f.severity === severity).map((f) => findingLine(f, context));
    if (rows.length === 0) return [];
    return [
      listSection(`**${SEVERITY_TITLE[severity]} (${formatCount(rows.length)})**`, rows, context),
    ];
  });
}

/** Suppressed findings with their reasons, collapsed: visible on demand, never hidden. */
export function ignoredSection(report: Report, context: SectionContext): Section | null {
  if (report.ignored.length === 0) return null;
  const rows = sortFindings(report.ignored).map(
    ({ finding, reason }) =>
      `${findingLine(finding, context)} \u2014 ignored: ${escapeInline(truncate(reason, CELL_TEXT_MAX))}`,
  );
  const title = `Ignored findings (${formatCount(rows.length)})`;
  return listSection(title, rows, context, [`<details><summary>${title}</summary>`, '</details>']);
}
