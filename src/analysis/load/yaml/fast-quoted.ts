import {
  BACKSLASH,
  DASH,
  DOT,
  DQUOTE,
  LF,
  SPACE,
  SQUOTE,
  TAB,
  unsupported,
} from './fast-scanner.js';
import type { Scanner } from './fast-scanner.js';

/**
 * Scans the quoted scalar starting at `s.pos` (on its opening quote) and returns its value,
 * leaving the cursor just after the closing quote. `parentIndent` is the indentation of the
 * enclosing block collection (-1 at the root): `yaml`'s lexer requires every non-blank
 * continuation line to be indented more than it (`continueScalar`).
 */
export function scanQuoted(s: Scanner, parentIndent: number): string {
  const src = s.src;
  const start = s.pos;
  const quote = src.charCodeAt(start);
  let i = start + 1;
  let escapes = false;
  let lines = false;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c === quote) {
      if (quote === SQUOTE && src.charCodeAt(i + 1) === SQUOTE) {
        escapes = true;
        i += 2;
        continue;
      }
      break;
    }
    if (c === LF) {
      lines = true;
      continuationLine(s, i, parentIndent);
      i++;
      continue;
    }
    if (c === BACKSLASH && quote === DQUOTE) {
      escapes = true;
      if (src.charCodeAt(i + 1) === LF) {
        lines = true;
        continuationLine(s, i + 1, parentIndent);
      }
      i += 2;
      continue;
    }
    // Unterminated (NaN) and control characters are the reference's business.
    if (c < SPACE && c !== TAB) unsupported();
    if (c !== c) unsupported();
    i++;
  }
  s.pos = i + 1;
  if (quote === SQUOTE) {
    const body = lines ? unfoldLines(src.slice(start + 1, i)) : src.slice(start + 1, i);
    return escapes ? body.replace(/''/g, "'") : body;
  }
  if (lines) return doubleQuotedValue(src.slice(start, i + 1));
  return escapes ? unescapeLine(src, start + 1, i) : src.slice(start + 1, i);
}

/** Records the line break at `nl` and checks the indentation of the line after it. */
function continuationLine(s: Scanner, nl: number, parentIndent: number): void {
  const src = s.src;
  let i = nl + 1;
  while (src.charCodeAt(i) === SPACE) i++;
  const c = src.charCodeAt(i);
  if (c !== LF) {
    if (i - nl - 1 <= parentIndent) unsupported();
    if (i === nl + 1 && (c === DASH || c === DOT)) {
      // A document marker inside quotes ends the document in `yaml`'s lexer.
      if (src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c) unsupported();
    }
  }
  s.line++;
  s.lineStart = nl + 1;
}

/**
 * Line folding of plain and single-quoted scalars, ported from `yaml`'s resolve-flow-scalar.ts
 * (`unfoldLines`): the first line loses trailing white space, inner lines lose both, the last
 * loses leading white space; one line break becomes a space, n + 1 breaks become n newlines.
 */
export function unfoldLines(source: string): string {
  const lines = source.split('\n');
  if (lines.length === 1) return source;
  let res = trimEnd(lines[0] ?? '');
  let sep = ' ';
  for (let i = 1; i < lines.length - 1; i++) {
    const lm = trimEnd(trimStart(lines[i] ?? ''));
    if (lm === '') {
      if (sep === '\n') res += sep;
      else sep = '\n';
    } else {
      res += sep + lm;
      sep = ' ';
    }
  }
  return res + sep + trimStart(lines[lines.length - 1] ?? '');
}

function trimStart(text: string): string {
  let i = 0;
  let c = text.charCodeAt(0);
  while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
  return i === 0 ? text : text.slice(i);
}

function trimEnd(text: string): string {
  let i = text.length;
  let c = text.charCodeAt(i - 1);
  while (c === SPACE || c === TAB) c = text.charCodeAt(--i - 1);
  return i === text.length ? text : text.slice(0, i);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/**
 * Double-quoted scalar value (source includes both quotes), ported from `yaml`'s
 * `doubleQuotedValue`: escapes, escaped line breaks, and folding that trims white space around
 * line breaks. Where `yaml` would report an invalid escape, this gives up instead.
 */
function doubleQuotedValue(source: string): string {
  let res = '';
  const last = source.length - 1;
  for (let i = 1; i < last; ++i) {
    const ch = source[i] as string;
    if (ch === '\n') {
      let fold = '';
      let next = source[i + 1];
      while (next === ' ' || next === '\t' || next === '\n') {
        if (next === '\n') fold += '\n';
        next = source[++i + 1];
      }
      res += fold || ' ';
    } else if (ch === '\\') {
      const next = source[++i] as string;
      const escaped = ESCAPES[next];
      if (escaped !== undefined) res += escaped;
      else if (next === '\n') {
        // An escaped line break joins the lines; the next line's indentation is still dropped.
        let after = source[i + 1];
        while (after === ' ' || after === '\t') after = source[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        res += charCode(source.substr(i + 1, length), length);
        i += length;
      } else unsupported();
    } else if (ch === ' ' || ch === '\t') {
      // White space before a line break is dropped; elsewhere it is kept as written.
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n') res += source.slice(wsStart, i + 1);
    } else res += ch;
  }
  return res;
}

/**
 * The escapes of a one-line double-quoted scalar (`src[from, to)`, without the quotes): the same
 * result as `doubleQuotedValue`, which only differs on line breaks, but copying the runs between
 * escapes instead of one character at a time (JSON dumps carry long escaped annotations).
 */
function unescapeLine(src: string, from: number, to: number): string {
  let res = '';
  let run = from;
  for (let i = src.indexOf('\\', from); i !== -1 && i < to; i = src.indexOf('\\', run)) {
    res += src.slice(run, i);
    const next = src[i + 1] as string;
    const escaped = ESCAPES[next];
    if (escaped !== undefined) {
      res += escaped;
      run = i + 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      res += charCode(src.substr(i + 2, length), length);
      run = i + 2 + length;
    } else unsupported();
  }
  return res + src.slice(run, to);
}

function charCode(hex: string, length: number): string {
  if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) unsupported();
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) unsupported();
  return String.fromCodePoint(code);
}
