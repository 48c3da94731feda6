import type { Explanation, RuleEvidence } from '../authz/index.js';
import type {
  ChangeExplanation,
  EdgeExplanation,
  EdgeResult,
  PortAnswer,
  PortChange,
} from '../explain/index.js';
import { problemMessage } from '../explain/index.js';
import { formatRef } from '../model/source.js';
import type { Source } from '../model/source.js';
import type { EdgeTransport, Evidence } from '../mtls/index.js';
import {
  codeSpan,
  escapeInline,
  escapeMessage,
  markdownLink,
  tableRow,
  truncate,
} from './escape.js';
import {
  accessWords,
  CHANGE_WORDS,
  choiceWords,
  decisionWords,
  transportWords,
} from './explain-words.js';

export type ExplainSideName = 'base' | 'head';

export interface ExplainMarkdownOptions {
  /** A link to a file line at the side's commit, when the caller knows the repository. */
  readonly linkToLine?: (side: ExplainSideName, file: string, line: number) => string | null;
  /** How each side is named in headings, e.g. its short SHA. */
  readonly labels?: Readonly<Record<ExplainSideName, string>>;
}

const LONG = 300;

/**
 * The `/mesh explain` answer: the decision per port on both sides, what changed (access,
 * transport, the AuthorizationPolicies of the destination), then each side's reasons with links
 * to the deciding lines. Every user-controlled value goes through `escape.ts`.
 */
export function renderChangeMarkdown(
  c: ChangeExplanation,
  options: ExplainMarkdownOptions = {},
): string {
  const link = options.linkToLine ?? (() => null);
  const label = (side: ExplainSideName) =>
    options.labels === undefined ? side : `${side} ${codeSpan(options.labels[side], 'table')}`;
  const lines: string[] = [
    `**${codeSpan(c.query.from)} \u2192 ${codeSpan(c.query.to)}**${queryWords(c)}`,
    '',
  ];
  const asked = askedAs(c);
  if (asked !== '') lines.push(asked, '');
  lines.push(
    tableRow(['port', label('base'), label('head')]),
    tableRow(['---', '---', '---']),
    ...c.ports.map((p) => tableRow([String(p.port), cell(p.base), cell(p.head)])),
    '',
  );
  const changes = changeLines(c, link);
  lines.push(
    changes.length === 0 ? '**Nothing changed** for this question.' : '**What changed**',
    ...changes,
  );
  for (const side of ['base', 'head'] as const) {
    const result = c[side];
    lines.push('', `#### On the ${side}`, '');
    lines.push(...sideLines(result, (file, line) => link(side, file, line)));
  }
  return `${lines.join('\n')}\n`;
}

function queryWords(c: ChangeExplanation): string {
  const parts = [
    c.query.port === null ? 'every port' : `port ${c.query.port}`,
    c.query.method === null ? '' : codeSpan(c.query.method),
    c.query.path === null ? '' : codeSpan(c.query.path),
  ].filter((p) => p !== '');
  return `, ${parts.join(' ')}`;
}

function askedAs(c: ChangeExplanation): string {
  const answers = c.ports.flatMap((p) => [p.head, p.base]).filter((a) => a !== null);
  const via = answers.find((a) => a.choice.as === 'service-port');
  if (via === undefined) return '';
  return `${escapeInline(`Port ${c.query.port ?? ''} is ${choiceWords(via.choice)}`)}; it reaches workload port ${via.port}.`;
}

function cell(answer: PortAnswer | null): string {
  if (answer === null) return 'no such port';
  const decision = `**${escapeInline(truncate(decisionWords(answer), 200))}**`;
  const transport =
    answer.transport.transport === 'broken'
      ? ''
      : ` (${transportWords(answer.transport.transport)})`;
  return `${decision}${transport}${answer.exact ? '' : ' (approximate)'}`;
}

function changeLines(
  c: ChangeExplanation,
  link: (side: ExplainSideName, file: string, line: number) => string | null,
): string[] {
  const lines: string[] = [];
  for (const p of c.ports) lines.push(...portChangeLines(p));
  for (const p of c.policies)
    lines.push(
      `- ${escapeInline(formatRef(p.policy))} ${CHANGE_WORDS[p.change]}: ${escapeMessage(truncate(p.note, LONG))} (${location(p.at, (f, l) => link(p.side, f, l))})`,
    );
  return lines;
}

function portChangeLines(p: PortChange): string[] {
  const words = (answer: PortAnswer | null) =>
    answer === null ? 'no such port' : decisionWords(answer);
  const out: string[] = [];
  if (p.accessChanged)
    out.push(
      `- port ${p.port}: ${escapeInline(truncate(words(p.base), 200))} \u2192 **${escapeInline(truncate(words(p.head), 200))}**`,
    );
  if (p.transportChanged && p.base !== null && p.head !== null)
    out.push(
      `- port ${p.port} transport: ${transportWords(p.base.transport.transport)} \u2192 **${transportWords(p.head.transport.transport)}**`,
    );
  if (p.reasonsChanged && !p.accessChanged)
    out.push(`- port ${p.port}: same decision, decided by different rules (see below)`);
  return out;
}

type LineLink = (file: string, line: number) => string | null;

function location(at: Source, link: LineLink): string {
  return markdownLink(`${at.file}:${at.line}`, link(at.file, at.line));
}

function sideLines(result: EdgeResult, link: LineLink): string[] {
  if (result.kind === 'problem') return [escapeMessage(problemMessage(result.problem))];
  return edgeLines(result.explanation, link);
}

function edgeLines(e: EdgeExplanation, link: LineLink): string[] {
  const lines: string[] = [];
  if (e.partialInput)
    lines.push('Some manifests could not be read: the answer may be partial.', '');
  for (const answer of e.ports) lines.push(...portLines(answer, link));
  for (const miss of e.selectorMisses)
    lines.push(
      `- ${escapeInline(formatRef(miss.policy))} selects no workload: it wants ${miss.wants.map((w) => codeSpan(w)).join(', ')}, this workload has ${miss.has.map((w) => codeSpan(w)).join(', ')} (${location(miss.at, link)})`,
    );
  return lines;
}

function portLines(answer: PortAnswer, link: LineLink): string[] {
  const lines = [
    `- **port ${answer.port}: ${escapeInline(accessWords(answer.access))}**${answer.exact ? '' : ' (approximate)'}: ${escapeMessage(truncate(withoutVerdict(answer.summary), LONG))}`,
    ...transportLines('transport', answer.transport, link),
  ];
  for (const other of answer.otherPaths)
    lines.push(
      ...transportLines(
        `through ${escapeInline(other.via === null ? 'the pod IP' : formatRef(other.via))}`,
        other,
        link,
      ),
    );
  if (answer.authorization !== null) lines.push(...authorizationLines(answer.authorization, link));
  else if (answer.ifConnected !== null) {
    lines.push(
      `  - if it connected over mTLS it would be ${escapeInline(accessWords(answer.ifConnected.access))}: ${escapeMessage(truncate(answer.ifConnected.summary, LONG))}`,
      ...authorizationLines(answer.ifConnected, link),
    );
  }
  return lines;
}

/** Authorization summaries open with the verdict the line already shows in bold. */
function withoutVerdict(summary: string): string {
  return summary.replace(/^(allowed|denied): /, '');
}

function transportLines(title: string, t: EdgeTransport, link: LineLink): string[] {
  const peer = t.peer === null ? 'no peer identity' : `peer ${codeSpan(t.peer.principal)}`;
  return [
    `  - ${title}: **${transportWords(t.transport)}**, ${peer}${t.exact ? '' : ' (approximate)'}: ${escapeMessage(truncate(t.reason, LONG))}`,
    ...[...t.client.evidence, ...t.server.evidence].map((e) => `    - ${evidenceLine(e, link)}`),
  ];
}

function evidenceLine(e: Evidence, link: LineLink): string {
  const what = escapeMessage(
    truncate(e.ref === null ? e.note : `${formatRef(e.ref)}: ${e.note}`, LONG),
  );
  return e.at === null ? what : `${what} (${location(e.at, link)})`;
}

function authorizationLines(e: Explanation, link: LineLink): string[] {
  const lines: string[] = [];
  const decided = [...e.custom, ...e.deny, ...e.allow];
  for (const rule of decided) lines.push(`  - decided by ${ruleLine(rule, link)}`);
  if (e.access === 'deny' && e.allow.length === 0)
    for (const p of e.allowPolicies)
      lines.push(
        `  - ALLOW policy ${escapeInline(formatRef(p.policy))} matched nothing (${location(p.at, link)})`,
      );
  for (const note of e.notes)
    lines.push(
      `  - note: ${escapeInline(formatRef(note.policy))}: ${escapeMessage(truncate(note.note, LONG))} (${location(note.at, link)})`,
    );
  if (e.nearest !== null) {
    const ref = e.nearest.ref;
    lines.push(
      `  - nearest ALLOW rule: ${escapeInline(`${formatRef(ref.policy)} rule ${ref.rule ?? '-'}`)} (${location(ref.at, link)}); it still requires:`,
      ...e.nearest.missing.map(
        (m) =>
          `    - ${codeSpan(m.part)}: ${codeSpan(truncate(m.requires, LONG))} (${location(m.at, link)})`,
      ),
    );
  }
  return lines;
}

function ruleLine(rule: RuleEvidence, link: LineLink): string {
  const ref = rule.ref;
  const name = `${ref.action} ${formatRef(ref.policy)}${ref.rule === null ? '' : ` rule ${ref.rule}`}`;
  const matches = rule.requests.slice(0, 5).map((r) => codeSpan(truncate(r, 120)));
  return `${escapeInline(name)}${rule.chain === 'tcp' ? ' (TCP chain)' : ''} (${location(ref.at, link)})${
    matches.length === 0
      ? ''
      : `: matches ${matches.join(', ')}${rule.requests.length > 5 ? ', ...' : ''}`
  }`;
}
