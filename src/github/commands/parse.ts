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
import { BlockScanner } from './visible-lines.js';

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

/**
 * Drops code (fenced, indented, `<pre>`, code spans), quotes (`>`, lazy continuation lines,
 * `<blockquote>`), footnotes and HTML comments the way CommonMark/GFM renders them; returns the
 * first line left that starts with `/mesh`. Block structure follows CommonMark's two-phase
 * algorithm (containers, then leaves; a non-blank line after a quoted paragraph continues it).
 * Wherever rendering depends on more than this scanner models (an unclosed code span, tag or
 * comment, raw HTML that leaves `<code>` open), lines are dropped: a command that is not run is
 * a nuisance; one run from someone's quoted text is not.
 */
function firstCommandLine(body: string): string | null {
  const lines = body.split(/\r\n?|\n/);
  const scanner = new BlockScanner(lines);
  for (const [index, raw] of lines.entries()) {
    if (scanner.visibleText(index)) {
      const trimmed = raw.trim();
      if (trimmed === '/mesh' || trimmed.startsWith('/mesh ') || trimmed.startsWith('/mesh\t'))
        return trimmed;
    }
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
