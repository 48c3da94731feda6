/**
 * The `/mesh` slash-command parser. Total: any string becomes "no command", a command, or a
 * usage error with help; it never throws. Only the first line that starts with `/mesh` outside
 * code blocks, quotes and HTML comments counts, so quoting someone's command never re-runs it.
 * Workload ids, ports, methods and paths follow the same grammar as `meshguard explain`.
 */
import {
  clip,
  methodProblem,
  parseCaller,
  parseDestination,
  pathProblem,
} from '../../analysis/explain/index.js';
import type { EdgeQuery } from '../../analysis/explain/index.js';
import { quote } from '../../analysis/findings/quote.js';

export type { EdgeQuery };

export type MeshCommand =
  | { readonly name: 'explain-edge'; readonly query: EdgeQuery }
  | { readonly name: 'explain-finding'; readonly finding: string }
  | { readonly name: 'rerun' }
  | { readonly name: 'help' };

export type ParseResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'command'; readonly command: MeshCommand; readonly line: string }
  | { readonly kind: 'usage-error'; readonly message: string; readonly line: string };

export const COMMAND_USAGE = [
  '/mesh explain <namespace>/<workload> -> <namespace>/<workload>[:port] [METHOD] [/path]',
  '/mesh explain <finding code or id>',
  '/mesh rerun',
  '/mesh help',
].join('\n');

/** Comments are at most 65,536 characters; anything beyond is not ours to read. */
const MAX_BODY = 65_536;
const MAX_LINE = 1_024;
/** Finding ids are `CODE:subject`; subjects may contain spaces (`AuthorizationPolicy shop/a`). */
const FINDING_START = /^MG\d{3}(:|$)/;
const FINDING = /^MG\d{3}(:[\x20-\x7e]{1,512})?$/;

export function parseCommentCommand(body: string): ParseResult {
  const line = firstCommandLine(typeof body === 'string' ? body.slice(0, MAX_BODY) : '');
  if (line === null) return { kind: 'none' };
  if (line.length > MAX_LINE)
    return { kind: 'usage-error', message: 'the command is too long', line: line.slice(0, 80) };
  const words = line.split(/\s+/).slice(1);
  const [verb, ...rest] = words;
  switch (verb) {
    case undefined:
    case 'help':
      return rest.length === 0
        ? command({ name: 'help' }, line)
        : usage('`/mesh help` takes no arguments', line);
    case 'rerun':
      return rest.length === 0
        ? command({ name: 'rerun' }, line)
        : usage('`/mesh rerun` takes no arguments', line);
    case 'explain':
      return parseExplain(rest, line);
    default:
      return usage(`unknown command ${quote(verb)}`, line);
  }
}

function command(command: MeshCommand, line: string): ParseResult {
  return { kind: 'command', command, line };
}

function usage(message: string, line: string): ParseResult {
  return { kind: 'usage-error', message, line };
}

/** Drops fenced and indented code, block quotes and HTML comments; returns the first `/mesh` line. */
function firstCommandLine(body: string): string | null {
  const text = body.replace(/<!--[\s\S]*?(-->|$)/g, '');
  let fence: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (fence !== null) {
      // CommonMark §4.5: only a run of the same character, at least as long, with nothing but
      // spaces after it, closes the block; "```js" inside a block is content.
      const closing = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw)?.[1];
      if (closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length)
        fence = null;
      continue;
    }
    // A backtick fence's info string may not contain a backtick (then it is inline code).
    const opening = /^ {0,3}(`{3,}(?!.*`)|~{3,})/.exec(raw)?.[1];
    if (opening !== undefined) {
      fence = opening;
      continue;
    }
    // Four spaces or a tab start an indented code block; `>` starts a quote.
    if (/^( {4}|\t)/.test(raw) || /^ {0,3}>/.test(raw)) continue;
    const trimmed = raw.trim();
    if (trimmed === '/mesh' || trimmed.startsWith('/mesh ') || trimmed.startsWith('/mesh\t'))
      return trimmed;
  }
  return null;
}

function parseExplain(args: readonly string[], line: string): ParseResult {
  if (args.length === 0)
    return usage('`/mesh explain` needs an edge (`from -> to`) or a finding', line);
  const text = args.join(' ');
  // Finding ids may themselves contain `->` and spaces, so they are recognised first: the rest
  // of the line is the id.
  if (FINDING_START.test(args[0] ?? '')) {
    return FINDING.test(text)
      ? command({ name: 'explain-finding', finding: text }, line)
      : usage(`${quote(clip(text))} is not a finding code or id such as \`MG301\``, line);
  }
  if (!/->|→/.test(text)) {
    return usage(
      `${quote(clip(text))} is neither an edge (\`from -> to\`) nor a finding code such as \`MG301\``,
      line,
    );
  }
  const sides = text.split(/\s*(?:->|→)\s*/);
  if (sides.length !== 2) return usage('an edge has exactly one `->`', line);
  const [fromText = '', rightText = ''] = sides;
  const from = parseCaller(fromText.trim());
  if (from === null) return usage(`${quote(clip(fromText))} is not \`namespace/workload\``, line);
  const [target = '', ...options] = rightText.trim().split(/\s+/);
  const destination = parseDestination(target);
  if ('error' in destination) return usage(destination.error, line);
  const request = parseRequest(options);
  if ('error' in request) return usage(request.error, line);
  return command({ name: 'explain-edge', query: { from, ...destination.value, ...request } }, line);
}

function parseRequest(
  options: readonly string[],
): { method: string | null; path: string | null } | { error: string } {
  let method: string | null = null;
  let path: string | null = null;
  for (const option of options) {
    if (option.startsWith('/') && path === null) {
      const problem = pathProblem(option);
      if (problem !== null) return { error: problem };
      path = option;
    } else if (method === null && path === null && methodProblem(option) === null) {
      method = option;
    } else {
      return { error: `unexpected ${quote(clip(option))}: give at most a METHOD then a /path` };
    }
  }
  return { method, path };
}
