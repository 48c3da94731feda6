import type { Finding } from '../findings/finding.js';
import type { Report } from '../report/types.js';
import {
  callerName,
  describeState,
  isRegression,
  mtlsDirection,
  plural,
  transportChange,
} from './change-words.js';
import { terminalText } from './escape.js';
import { regressionsFirst, sortFindings, sortMtls, sortWorkloads } from './order.js';
import { summariseVerdict } from './verdict.js';

export interface TextOptions {
  /** ANSI colours (the CLI passes true only for a TTY without `NO_COLOR`). Default: none. */
  readonly color?: boolean;
  readonly baseRef?: string;
  readonly headRef?: string;
}

type Paint = 'green' | 'red' | 'yellow' | 'bold';
const ANSI: Readonly<Record<Paint, string>> = { green: '32', red: '31', yellow: '33', bold: '1' };

/**
 * The report for a terminal: verdict, aligned tables with the requests and reasons under each
 * edge, and findings as `file:line:column: severity CODE message` (the form editors link).
 * Every user string goes through `terminalText`, so a manifest cannot send escape sequences.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = (colour: Paint, text: string) =>
    options.color ? `\u001b[${ANSI[colour]}m${text}\u001b[0m` : text;
  const lines = [verdict(report, paint), ''];
  lines.push(...edgeLines(report, paint), ...mtlsLines(report), ...workloadLines(report));
  lines.push(...findingLines(report), ...ignoredLines(report), footer(report, options));
  return `${lines.join('\n')}\n`;
}

function verdict(report: Report, paint: (colour: Paint, text: string) => string): string {
  const summary = summariseVerdict(report);
  const outcome =
    summary.outcome === 'pass'
      ? paint('green', 'pass')
      : summary.outcome === 'regression'
        ? paint('red', paint('bold', 'REGRESSION'))
        : paint('red', paint('bold', `FAIL (${summary.failing})`));
  return `meshguard: ${summary.changes} \u2014 ${outcome}${summary.caveat}`;
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) =>
          i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length),
        )
        .join('  ')
        .trimEnd(),
  );
}

function edgeLines(report: Report, paint: (colour: Paint, text: string) => string): string[] {
  if (report.edges.length === 0) return [];
  const edges = regressionsFirst(report.edges);
  const header = ['CHANGE', 'CALLER', 'DESTINATION', 'PORT', 'BEFORE', 'AFTER'];
  const rows = edges.map((edge) => [
    edge.change,
    terminalText(callerName(edge)),
    terminalText(edge.to),
    terminalText(`${edge.port}/${edge.protocol}`),
    describeState(edge.base),
    describeState(edge.head),
  ]);
  const [head, ...body] = table([header, ...rows]);
  const indent = ' '.repeat(4);
  const out = [`Edge changes (${edges.length})`, head ?? ''];
  edges.forEach((edge, i) => {
    const line = body[i] ?? '';
    const colour = edge.change === 'added' ? 'green' : edge.change === 'removed' ? 'red' : 'yellow';
    out.push(isRegression(edge) ? paint(colour, paint('bold', line)) : paint(colour, line));
    const transport = transportChange(edge);
    if (transport !== null) out.push(`${indent}transport ${transport}`);
    for (const request of edge.newlyAllowed) out.push(`${indent}+ ${terminalText(request)}`);
    for (const request of edge.newlyDenied) out.push(`${indent}- ${terminalText(request)}`);
    for (const reason of edge.reasons)
      out.push(
        `${indent}why: ${terminalText(reason.object)}${reason.note ? `: ${terminalText(reason.note)}` : ''} (${terminalText(reason.at.file)}:${reason.at.line}${baseMark(reason.side)})`,
      );
  });
  return [...out, ''];
}

function mtlsLines(report: Report): string[] {
  if (report.mtls.length === 0) return [];
  const rows = sortMtls(report.mtls).map((delta) => [
    terminalText(delta.workload),
    delta.port === null ? 'all ports' : String(delta.port),
    delta.base,
    delta.head,
    mtlsDirection(delta),
    delta.at ? `${terminalText(delta.at.file)}:${delta.at.line}${baseMark(delta.side)}` : '',
  ]);
  return [
    `mTLS changes (${rows.length})`,
    ...table([['WORKLOAD', 'PORT', 'BEFORE', 'AFTER', 'CHANGE', 'WHERE'], ...rows]),
    '',
  ];
}

function workloadLines(report: Report): string[] {
  const { added, removed } = report.workloads;
  if (added.length + removed.length === 0) return [];
  const row = (change: string) => (w: { workload: string; at: { file: string; line: number } }) => [
    change,
    terminalText(w.workload),
    `${terminalText(w.at.file)}:${w.at.line}`,
  ];
  const rows = [
    ...sortWorkloads(added).map(row('added')),
    ...sortWorkloads(removed).map(row('removed')),
  ];
  return [`Workloads added or removed (${rows.length})`, ...table(rows), ''];
}

function findingLine(finding: Finding): string {
  const where = `${terminalText(finding.at.file)}:${finding.at.line}:${finding.at.column}`;
  return `  ${where}: ${finding.severity} ${finding.code} ${terminalText(finding.message)}${baseMark(finding.side)}`;
}

function findingLines(report: Report): string[] {
  if (report.findings.length === 0) return [];
  return [
    `Findings (${report.findings.length})`,
    ...sortFindings(report.findings).map(findingLine),
    '',
  ];
}

function ignoredLines(report: Report): string[] {
  if (report.ignored.length === 0) return [];
  return [
    `Ignored findings (${report.ignored.length})`,
    ...sortFindings(report.ignored).map(
      ({ finding, reason }) => `${findingLine(finding)} (ignored: ${terminalText(reason)})`,
    ),
    '',
  ];
}

function footer(report: Report, options: TextOptions): string {
  const ref = (value: string | undefined, side: string) =>
    value === undefined ? side : `${side} ${terminalText(value)}`;
  const side = (s: Report['inputs']['base']) =>
    `${plural(s.files, 'file')}, ${plural(s.objects, 'object')}, ${plural(s.workloads, 'workload')}`;
  return `Compared ${ref(options.baseRef, 'base')} (${side(report.inputs.base)}) with ${ref(options.headRef, 'head')} (${side(report.inputs.head)}).`;
}

/** Marks a line of the base commit, which the working tree of the head no longer shows. */
function baseMark(side: 'base' | 'head' | undefined): string {
  return side === 'base' ? ' (base)' : '';
}
