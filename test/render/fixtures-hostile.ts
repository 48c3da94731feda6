import type { EdgeChange } from '../../src/analysis/report/types.js';
import type { Report } from '../../src/analysis/report/types.js';
import { at, edge, finding, makeReport, reason, state } from './fixtures.js';

/** Names, paths and messages an attacker would write to break out of a table, a diagram or a marker. */
export const HOSTILE = [
  'a"b\'c',
  'end',
  'x|y|z',
  '``double`` `tick`',
  '@octocat please @github/security',
  'fixes #123 and GH-45',
  '<details><summary>x</summary>',
  '<!-- meshguard:sticky -->',
  '--> closed',
  '<img src=x onerror=alert(1)>',
  '[link](javascript:alert(1))',
  '**bold** _it_ ~~gone~~ $x^2$',
  'line1\nline2\r\n| injected | row |',
  '%%{init: {"securityLevel": "loose"}}%%',
  'n1 --> n2; click n1 "https://evil.example"',
  '#quot; #35; &amp; &lt;b&gt;',
  'trailing backslash\\',
  '\\|escaped pipe',
  'https://evil.example/phish www.evil.example',
  '\u202eevil\u202c reversed',
  'emoji \u{1F600} and lone \uD800 surrogate',
  'ctrl \u0000\u001b[31m red',
  '   leading and trailing   ',
  '- list',
  '1. ordered',
  '# heading',
  '> quote',
  '```mermaid',
];

/** One change of each kind whose every user-controlled string is hostile. */
export function hostileReport(names: readonly string[] = HOSTILE): Report {
  const pick = (i: number) => names[i % names.length] ?? '';
  const changes: readonly EdgeChange[] = [
    'added',
    'removed',
    'widened',
    'narrowed',
    'changed',
    'transport',
  ];
  const edges = names.map((name, i) =>
    edge({
      from: i % 5 === 0 ? `(${name})` : i % 5 === 1 ? `${pick(i + 1)}/*` : `${pick(i + 1)}/${name}`,
      callers: i % 5 === 1 ? 2 : 1,
      to: `${pick(i + 2)}/${pick(i + 3)}`,
      port: 1000 + i,
      protocol: pick(i + 4),
      change: changes[i % changes.length] ?? 'added',
      head: state('partial', 'mtls', [name, pick(i + 5)]),
      newlyAllowed: [name],
      newlyDenied: [pick(i + 6)],
      reasons: [
        reason(
          `AuthorizationPolicy ${pick(i + 7)}`,
          pick(i + 8),
          `mesh/${pick(i + 9)}.yaml`,
          i + 1,
        ),
      ],
    }),
  );
  return makeReport({
    edges,
    mtls: names.map((name, i) => ({
      workload: `${pick(i + 1)}/${name}`,
      port: i % 2 ? null : 80 + i,
      base: 'STRICT',
      head: 'DISABLE',
      at: at(`mesh/${name}.yaml`, i + 1),
    })),
    added: names.map((name, i) => ({
      workload: `${pick(i + 3)}/${name}`,
      at: at(`apps/${name}.yaml`, 1),
    })),
    removed: names.slice(0, 3).map((name) => ({ workload: name, at: at(name, 2) })),
    findings: names.map((name, i) =>
      finding(i % 2 ? 'MG901' : 'MG018', at(`mesh/${name}.yaml`, i + 1), {
        detail: `${name} \`${pick(i + 1)}\``,
      }),
    ),
    ignored: names.slice(0, 4).map((name, i) => ({
      finding: finding('MG901', at(name, i + 1), { detail: name }),
      reason: pick(i + 5),
    })),
  });
}
