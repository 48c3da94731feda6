import { catalogue } from '../src/analysis/findings/catalogue.js';
import type { CatalogueEntry } from '../src/analysis/findings/catalogue.js';

const RANGES: [string, string][] = [
  ['MG0', 'Loading and validation'],
  ['MG1', 'mTLS'],
  ['MG2', 'Authorization'],
  ['MG3', 'Access changes'],
  ['MG9', 'Limits'],
];

/** docs/findings.md, generated from the catalogue so the two never disagree. */
export function renderFindingsDoc(): string {
  const entries = Object.entries(catalogue) as [string, CatalogueEntry][];
  const out: string[] = [
    '# meshguard findings',
    '',
    '<!-- Generated from src/analysis/findings/catalogue.ts by `npm run docs:gen`. Do not edit. -->',
    '',
    'Every diagnostic and finding has a stable code. Severities are defaults; `.github/meshguard.yml`',
    'can change them per code.',
    '',
    '| Code | Name | Severity | Title |',
    '|---|---|---|---|',
    ...entries.map(
      ([code, e]) =>
        `| [${code}](#${code.toLowerCase()}) | \`${e.name}\` | ${e.severity} | ${e.title}${e.retired ? ' (retired)' : ''} |`,
    ),
    '',
  ];
  for (const [prefix, heading] of RANGES) {
    const inRange = entries.filter(([code]) => code.startsWith(prefix));
    if (inRange.length === 0) continue;
    out.push(`## ${heading}`, '');
    for (const [code, e] of inRange) {
      out.push(
        `### ${code}`,
        '',
        `**${e.title}** (\`${e.name}\`, default severity: ${e.severity})`,
        '',
        e.description,
        '',
        `*What to do:* ${e.help}`,
        '',
      );
    }
  }
  return out.join('\n');
}
