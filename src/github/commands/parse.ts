/**
 * The `/mesh` slash-command parser. Total: any string becomes "no command", a command, or a
 * usage error with help; it never throws. Only the first line that starts with `/mesh` outside
 * code blocks, quotes and HTML comments counts, so quoting someone's command never re-runs it.
 */

export interface EdgeQuery {
  /** `namespace/workload`, or a pseudo-caller: `(unauthenticated)`, `(any mesh identity)`. */
  readonly from: string;
  readonly to: string;
  readonly port: number | null;
  readonly method: string | null;
  readonly path: string | null;
}

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
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const WORKLOAD = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;
const METHOD = /^[A-Z][A-Z-]{0,31}$/;
const PATH = /^\/[\x21-\x7e]{0,2047}$/;
const FINDING = /^MG\d{3}(:[\x21-\x7e]{1,512})?$/;
const PSEUDO: Readonly<Record<string, string>> = {
  '(unauthenticated)': '(unauthenticated)',
  unauthenticated: '(unauthenticated)',
  '(any mesh identity)': '(any mesh identity)',
  'any-mesh-identity': '(any mesh identity)',
};

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
      return usage(`unknown command \`${verb}\``, line);
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
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch?.[1] !== undefined) {
      const marker = fenceMatch[1];
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
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
  // Finding ids may themselves contain `->`, so they are recognised first.
  if (args.length === 1 && FINDING.test(args[0] ?? ''))
    return command({ name: 'explain-finding', finding: args[0] ?? '' }, line);
  if (!/->|→/.test(text)) {
    return usage(
      `\`${clip(text)}\` is neither an edge (\`from -> to\`) nor a finding code such as \`MG301\``,
      line,
    );
  }
  const sides = text.split(/\s*(?:->|→)\s*/);
  if (sides.length !== 2) return usage('an edge has exactly one `->`', line);
  const [fromText = '', rightText = ''] = sides;
  const from = parseCaller(fromText.trim());
  if (from === null) return usage(`\`${clip(fromText)}\` is not \`namespace/workload\``, line);
  const [target = '', ...options] = rightText.trim().split(/\s+/);
  const destination = parseDestination(target);
  if ('error' in destination) return usage(destination.error, line);
  const request = parseRequest(options);
  if ('error' in request) return usage(request.error, line);
  return command(
    {
      name: 'explain-edge',
      query: { from, to: destination.to, port: destination.port, ...request },
    },
    line,
  );
}

function parseCaller(text: string): string | null {
  const pseudo = PSEUDO[text];
  if (pseudo !== undefined) return pseudo;
  return isWorkloadId(text) ? text : null;
}

function isWorkloadId(text: string): boolean {
  const [namespace, name, extra] = text.split('/');
  return (
    extra === undefined &&
    namespace !== undefined &&
    name !== undefined &&
    NAMESPACE.test(namespace) &&
    WORKLOAD.test(name)
  );
}

function parseDestination(text: string): { to: string; port: number | null } | { error: string } {
  const [to = '', portText, extra] = text.split(':');
  if (!isWorkloadId(to) || extra !== undefined)
    return { error: `\`${clip(text)}\` is not \`namespace/workload[:port]\`` };
  if (portText === undefined) return { to, port: null };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= 1 && port <= 65535))
    return { error: `\`${clip(portText)}\` is not a port number (1-65535)` };
  return { to, port };
}

function parseRequest(
  options: readonly string[],
): { method: string | null; path: string | null } | { error: string } {
  let method: string | null = null;
  let path: string | null = null;
  for (const option of options) {
    if (option.startsWith('/') && path === null) {
      if (!PATH.test(option)) return { error: `\`${clip(option)}\` is not a request path` };
      path = option;
    } else if (method === null && path === null && METHOD.test(option)) {
      method = option;
    } else {
      return { error: `unexpected \`${clip(option)}\`: give at most a METHOD then a /path` };
    }
  }
  return { method, path };
}

/** Keeps echoed user input short in replies; the reply renderer escapes it. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
