import { LF, SPACE, TAB, unsupported } from './fast-scanner.js';
import type { Scanner } from './fast-scanner.js';
import type { YamlScalar } from './types.js';

interface Header {
  readonly folded: boolean;
  /** '' (clip), '-' (strip) or '+' (keep). */
  readonly chomp: string;
  /** Explicit indentation indicator, 0 when absent. */
  readonly explicit: number;
}

/**
 * Parses the literal or folded block scalar whose header (`|` or `>`) is at `s.pos`.
 * `parentIndent` is the indentation of the enclosing block collection, -1 at the root. Which
 * lines belong to the scalar follows `yaml`'s lexer (`parseBlockScalar`), and the value follows
 * its composer (`resolveBlockScalar`); every case where either reports an error is left to the
 * reference. Leaves the cursor on the next content line.
 */
export function parseBlockScalar(s: Scanner, parentIndent: number): YamlScalar {
  const pos = s.at(s.pos);
  const header = parseHeader(s);
  const contentStart = s.pos;
  const end = contentEnd(s, contentStart, parentIndent + 1, header);
  const source = s.src.slice(contentStart, end);
  const scalarIndent = parentIndent < 0 ? 0 : parentIndent;
  const value = blockValue(source, header, scalarIndent, parentIndent < 0);
  s.advanceTo(contentStart, Math.min(end, s.len));
  s.nextContentLine();
  return { type: 'scalar', value, plain: false, pos };
}

/** `c-b-block-header`: at most one chomping and one indentation indicator, then a line end. */
function parseHeader(s: Scanner): Header {
  const src = s.src;
  const folded = src.charCodeAt(s.pos) === 62;
  let i = s.pos + 1;
  let chomp = '';
  let explicit = 0;
  for (;;) {
    const c = src.charCodeAt(i);
    if ((c === 45 || c === 43) && chomp === '') chomp = c === 45 ? '-' : '+';
    else if (c >= 49 && c <= 57 && explicit === 0) explicit = c - 48;
    else break;
    i++;
  }
  const c = src.charCodeAt(i);
  if (c !== SPACE && c !== LF && c === c) unsupported();
  s.pos = i;
  s.finishLine();
  return { folded, chomp, explicit };
}

/**
 * End offset (exclusive) of the scalar's lines, as `yaml`'s lexer decides it: lines indented at
 * least as much as the first non-empty one (or the explicit indentation), then, unless keeping,
 * trailing blank lines that are not more indented than that are given back.
 */
function contentEnd(s: Scanner, start: number, indentNext: number, header: Header): number {
  const src = s.src;
  let nl = start - 1;
  let indent = 0;
  let i = start;
  for (; ; i++) {
    const c = src.charCodeAt(i);
    if (c === SPACE) indent++;
    else if (c === LF) {
      nl = i;
      indent = 0;
    } else break;
  }
  if (indent >= indentNext) {
    if (header.explicit === 0) indentNext = indent;
    else indentNext = header.explicit - 1 + (indentNext === 0 ? 1 : indentNext);
    do {
      const cs = continueScalar(s, nl + 1, indentNext);
      if (cs === -1) break;
      nl = src.indexOf('\n', cs);
    } while (nl !== -1);
    if (nl === -1) nl = s.len;
  }
  // `yaml` folds insufficiently indented tabs after the scalar into it to report them.
  i = nl + 1;
  while (src.charCodeAt(i) === SPACE) i++;
  if (src.charCodeAt(i) === TAB) unsupported();
  if (header.chomp !== '+') {
    for (;;) {
      let j = nl - 1;
      const lastChar = j;
      while (src.charCodeAt(j) === SPACE) j--;
      if (src.charCodeAt(j) === LF && j >= start && j + 1 + indent > lastChar) nl = j;
      else break;
    }
  }
  return nl + 1;
}

function continueScalar(s: Scanner, offset: number, indentNext: number): number {
  const src = s.src;
  if (indentNext > 0) {
    let indent = 0;
    let c = src.charCodeAt(offset);
    while (c === SPACE) c = src.charCodeAt(++indent + offset);
    return c === LF || indent >= indentNext ? offset + indent : -1;
  }
  const c = src.charCodeAt(offset);
  if (
    (c === 45 || c === 46) &&
    src.charCodeAt(offset + 1) === c &&
    src.charCodeAt(offset + 2) === c
  ) {
    unsupported();
  }
  return offset;
}

/** `[indentation, content]` per line, split the way `yaml`'s `splitLines` does. */
function splitLines(source: string): [string, string][] {
  const split = source.split(/\n( *)/);
  const first = split[0] ?? '';
  const m = /^( *)/.exec(first)?.[1] ?? '';
  const lines: [string, string][] = [[m, first.slice(m.length)]];
  for (let i = 1; i < split.length; i += 2) lines.push([split[i] ?? '', split[i + 1] ?? '']);
  return lines;
}

/** Port of `resolveBlockScalar`'s value computation; its error cases give up instead. */
function blockValue(source: string, header: Header, scalarIndent: number, atRoot: boolean): string {
  const lines = source ? splitLines(source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    if ((lines[i] as [string, string])[1] === '') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    return header.chomp === '+' && lines.length > 0
      ? '\n'.repeat(Math.max(1, lines.length - 1))
      : '';
  }
  let trimIndent = scalarIndent + header.explicit;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content === '') {
      if (header.explicit === 0 && indent.length > trimIndent) trimIndent = indent.length;
      continue;
    }
    // "Block scalars with more-indented leading empty lines must use an explicit indentation
    // indicator" and "Block scalar values in collections must be indented".
    if (indent.length < trimIndent) unsupported();
    if (header.explicit === 0) trimIndent = indent.length;
    contentStart = i;
    if (trimIndent === 0 && !atRoot) unsupported();
    break;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if ((lines[i] as [string, string])[0].length > trimIndent) chompStart = i + 1;
  }
  let value = '';
  for (let i = 0; i < contentStart; ++i)
    value += (lines[i] as [string, string])[0].slice(trimIndent) + '\n';
  value += header.folded
    ? foldLines(lines, contentStart, chompStart, trimIndent)
    : literalLines(lines, contentStart, chompStart, trimIndent);
  if (header.chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i)
      value += '\n' + (lines[i] as [string, string])[0].slice(trimIndent);
    if (value[value.length - 1] !== '\n') value += '\n';
  } else if (header.chomp === '') value += '\n';
  return value;
}

function literalLines(
  lines: [string, string][],
  from: number,
  to: number,
  trimIndent: number,
): string {
  let value = '';
  let sep = '';
  for (let i = from; i < to; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content && indent.length < trimIndent) unsupported();
    value += sep + indent.slice(trimIndent) + content;
    sep = '\n';
  }
  return value;
}

function foldLines(
  lines: [string, string][],
  from: number,
  to: number,
  trimIndent: number,
): string {
  let value = '';
  let sep = '';
  let prevMoreIndented = false;
  for (let i = from; i < to; ++i) {
    const [indent, content] = lines[i] as [string, string];
    if (content && indent.length < trimIndent) unsupported();
    if (indent.length > trimIndent || content[0] === '\t') {
      // More-indented lines are kept as written, with the line breaks around them.
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      value += sep + indent.slice(trimIndent) + content;
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') value += '\n';
      else sep = '\n';
    } else {
      value += sep + content;
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  return value;
}
