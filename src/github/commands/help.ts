import type { CommandsConfig } from '../../analysis/config/index.js';
import { codeSpan, escapeMessage, tableRow } from '../../analysis/render/escape.js';
import { COMMAND_USAGE } from './parse.js';

const WHAT: readonly string[] = [
  'decision, transport and deciding policy lines for one caller and workload, on the base and the head, and what changed',
  "a finding's reasoning, where this pull request has it, and how to fix or accept it",
  'run the review again (check run and comment)',
  'this list',
];

/** `/mesh help`, and the tail of every usage error. */
export function helpMarkdown(commands: CommandsConfig, configPath: string): string {
  const usages = COMMAND_USAGE.split('\n');
  const explainWho = `${commands.allowAuthor ? "the pull request's author, and " : ''}anyone with the ${codeSpan(commands.permission)} role or higher`;
  return [
    '**meshguard commands** (one per comment, on a line of its own)',
    '',
    tableRow(['command', 'what it does']),
    tableRow(['---', '---']),
    ...usages.map((usage, i) =>
      tableRow([codeSpan(usage, 'table'), escapeMessage(WHAT[i] ?? '', 'table')]),
    ),
    '',
    `Who may run them: \`explain\` and \`help\`: ${explainWho}; \`rerun\`: the ${codeSpan(commands.rerunPermission)} role or higher. Set under \`commands:\` in ${codeSpan(configPath)} on the default branch.`,
    '',
    'Examples: `/mesh explain shop/frontend -> shop/cart:8080 GET /cart/items`, `/mesh explain (unauthenticated) -> legacy/inventory`, `/mesh explain MG101`.',
    '',
  ].join('\n');
}
