import { catalogue } from '../findings/catalogue.js';
import type { CatalogueEntry, Code } from '../findings/catalogue.js';
import type { Finding } from '../findings/finding.js';
import {
  codeBlock,
  codeSpan,
  escapeInline,
  escapeMessage,
  markdownLink,
  truncate,
  yamlQuoted,
} from './escape.js';

export interface FindingMatch {
  readonly finding: Finding;
  /** Why it is not reported (an ignore rule's reason, "already present before this change"). */
  readonly ignored: string | null;
}

export interface FindingQuestion {
  /** What was asked: a code (`MG101`) or a finding id (`MG101:...`). */
  readonly asked: string;
  readonly code: Code;
  /** The findings of this change the question names, reported first. */
  readonly matches: readonly FindingMatch[];
}

export interface FindingMarkdownOptions {
  readonly linkToLine?: (side: 'base' | 'head', file: string, line: number) => string | null;
  /** Where suppressions go: `.github/meshguard.yml`. */
  readonly configPath: string;
}

const SHOWN = 10;

/**
 * `/mesh explain <finding>`: what the code means and the Istio rule behind it, where this pull
 * request has it, how to fix it, and how to accept it on purpose (an `ignore` entry with a
 * reason, on the default branch, where the gate is read).
 */
export function renderFindingMarkdown(q: FindingQuestion, options: FindingMarkdownOptions): string {
  const entry: CatalogueEntry = catalogue[q.code];
  const link = options.linkToLine ?? (() => null);
  const lines = [
    `**${q.code} ${escapeInline(entry.title)}** (${entry.severity})${entry.retired === true ? ', retired' : ''}`,
    '',
    escapeMessage(entry.description),
    '',
  ];
  if (q.matches.length === 0) {
    lines.push(
      q.asked === q.code
        ? `This pull request has no ${q.code} finding.`
        : `This pull request has no finding ${codeSpan(q.asked)}; here is what ${q.code} means.`,
    );
  } else {
    lines.push('**In this pull request**');
    for (const match of q.matches.slice(0, SHOWN)) {
      const f = match.finding;
      const where = markdownLink(`${f.at.file}:${f.at.line}`, link(f.side, f.at.file, f.at.line));
      lines.push(
        `- ${escapeMessage(truncate(f.message, 500))} (${where}, ${f.side})${match.ignored === null ? '' : ` \u2014 not reported: ${escapeMessage(truncate(match.ignored, 300))}`}`,
        `  - id: ${codeSpan(f.id)}`,
      );
    }
    if (q.matches.length > SHOWN) lines.push(`- and ${q.matches.length - SHOWN} more`);
  }
  lines.push('', `**How to fix it**: ${escapeMessage(entry.help)}`, '');
  const id = q.matches.length === 1 ? (q.matches[0]?.finding.id ?? null) : null;
  lines.push(
    `**How to accept it on purpose**: add an entry to ${codeSpan(options.configPath)} on the default branch (a pull request cannot relax its own gate). The reason is required; \`expires\` makes it lapse.`,
    '',
    codeBlock(
      [
        'ignore:',
        `  - code: ${q.code}`,
        ...(id === null ? [] : [`    id: ${yamlQuoted(id)}`]),
        '    reason: "why this is acceptable"',
        '    expires: "2030-01-31"',
      ].join('\n'),
      'yaml',
    ),
  );
  return `${lines.join('\n')}\n`;
}
