import { keyString, resolvePlain } from './fast-core-schema.js';
import { PairList, itemsFinish, itemsStart, pushItem } from './fast-pairs.js';
import { isPlainStart, scanPlainLine } from './fast-plain.js';
import { scanQuoted } from './fast-quoted.js';
import {
  COLON,
  COMMA,
  DASH,
  DOT,
  DQUOTE,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  MAX_DEPTH,
  RBRACE,
  RBRACKET,
  SPACE,
  SQUOTE,
  STOP_EOL,
  TAB,
  isBlankOrEnd,
  unsupported,
} from './fast-scanner.js';
import type { Scanner } from './fast-scanner.js';
import type { YamlMap, YamlNode, YamlScalar, YamlSeq } from './types.js';

/**
 * Flow collections (`[a, b]`, `{a: 1}`), including JSON. `parentIndent` is the indentation of
 * the enclosing block collection (-1 at the root): `yaml`'s lexer requires continuation lines to
 * be indented more than it, except a closing bracket of the outermost collection, which may sit
 * at exactly that indentation. Implicit pairs inside sequences (`[a: 1]`), keys without values
 * (`{a}`), multi-line keys and multi-line plain scalars are left to the reference.
 */
export function parseFlowCollection(
  s: Scanner,
  parentIndent: number,
  depth: number,
): YamlMap | YamlSeq {
  if (depth > MAX_DEPTH) unsupported();
  return s.code(s.pos) === LBRACKET
    ? parseFlowSeq(s, parentIndent, depth)
    : parseFlowMap(s, parentIndent, depth);
}

function parseFlowSeq(s: Scanner, parentIndent: number, depth: number): YamlSeq {
  const pos = s.at(s.pos);
  s.pos++;
  const base = itemsStart();
  for (;;) {
    skipFlowSpace(s, parentIndent, depth);
    if (s.code(s.pos) === RBRACKET) break;
    pushItem(parseFlowNode(s, parentIndent, depth));
    skipFlowSpace(s, parentIndent, depth);
    const c = s.code(s.pos);
    if (c === COMMA) s.pos++;
    else if (c === RBRACKET) break;
    else unsupported();
  }
  s.pos++;
  return { type: 'seq', pos, items: itemsFinish(base) };
}

function parseFlowMap(s: Scanner, parentIndent: number, depth: number): YamlMap {
  const src = s.src;
  const pos = s.at(s.pos);
  s.pos++;
  const pairs = new PairList();
  for (;;) {
    skipFlowSpace(s, parentIndent, depth);
    const c = s.code(s.pos);
    if (c === RBRACE) break;
    const keyPos = s.at(s.pos);
    let key: string;
    if (c === DQUOTE || c === SQUOTE) {
      const line = s.line;
      key = scanQuoted(s, parentIndent);
      if (s.line !== line) unsupported();
    } else if (isPlainStart(c, s.code(s.pos + 1), true)) {
      const start = s.pos;
      const end = scanPlainLine(s, true);
      if (s.stop === STOP_EOL) unsupported();
      key = plainKey(src.slice(start, end));
      // After a plain key `:` is only an indicator when white space follows it.
      if (s.code(s.pos) === COLON && !isBlankOrEnd(s.code(s.pos + 1))) unsupported();
    } else unsupported();
    s.skipInlineSpace();
    if (s.code(s.pos) !== COLON) unsupported();
    s.pos++;
    s.skipInlineSpace();
    const emptyPos = s.at(s.pos);
    skipFlowSpace(s, parentIndent, depth);
    const v = s.code(s.pos);
    const value =
      v === COMMA || v === RBRACE ? emptyScalar(emptyPos) : parseFlowNode(s, parentIndent, depth);
    pairs.add(key, keyPos, value);
    skipFlowSpace(s, parentIndent, depth);
    const next = s.code(s.pos);
    if (next === COMMA) s.pos++;
    else if (next === RBRACE) break;
    else unsupported();
  }
  s.pos++;
  return { type: 'map', pos, pairs: pairs.finish() };
}

function plainKey(text: string): string {
  // `<<` is a merge key: the reference knows how to merge.
  if (text === '<<') unsupported();
  return keyString(resolvePlain(text));
}

export function emptyScalar(pos: YamlScalar['pos']): YamlScalar {
  return { type: 'scalar', value: null, plain: true, pos };
}

/** A value inside a flow collection: a nested collection, a quoted or a one-line plain scalar. */
function parseFlowNode(s: Scanner, parentIndent: number, depth: number): YamlNode {
  const c = s.code(s.pos);
  if (c === LBRACKET || c === LBRACE) return parseFlowCollection(s, parentIndent, depth + 1);
  const pos = s.at(s.pos);
  if (c === DQUOTE || c === SQUOTE) {
    const value = scanQuoted(s, parentIndent);
    // Whatever follows must be a separator, `:` (rejected by the caller) or white space.
    const next = s.code(s.pos);
    if (
      !isBlankOrEnd(next) &&
      next !== COMMA &&
      next !== RBRACKET &&
      next !== RBRACE &&
      next !== COLON
    ) {
      unsupported();
    }
    return { type: 'scalar', value, plain: false, pos };
  }
  if (!isPlainStart(c, s.code(s.pos + 1), true)) unsupported();
  const start = s.pos;
  const end = scanPlainLine(s, true);
  return { type: 'scalar', value: resolvePlain(s.src.slice(start, end)), plain: true, pos };
}

/**
 * Skips white space, line breaks and comments between flow tokens, checking each new content
 * line's indentation the way `yaml`'s `parseFlowCollection` does (spaces only; comment lines are
 * exempt).
 */
function skipFlowSpace(s: Scanner, parentIndent: number, depth: number): void {
  const src = s.src;
  for (;;) {
    const c = src.charCodeAt(s.pos);
    if (c === SPACE || c === TAB) {
      s.pos++;
    } else if (c === LF) {
      s.newlineAt(s.pos);
      checkFlowLine(s, parentIndent, depth);
    } else if (c === HASH) {
      // A comment needs white space before it. One at the very start of a line has none in
      // `yaml`'s token stream, and after a flow-mapping value that is reported as an error.
      const before = src.charCodeAt(s.pos - 1);
      if (before !== SPACE && before !== TAB) unsupported();
      const nl = src.indexOf('\n', s.pos);
      s.pos = nl === -1 ? s.len : nl;
    } else {
      if (c !== c) unsupported();
      return;
    }
  }
}

function checkFlowLine(s: Scanner, parentIndent: number, depth: number): void {
  const src = s.src;
  let i = s.pos;
  while (src.charCodeAt(i) === SPACE) i++;
  const indent = i - s.pos;
  let c = src.charCodeAt(i);
  while (c === SPACE || c === TAB) c = src.charCodeAt(++i);
  if (c === LF || c === HASH) return;
  if (indent <= parentIndent) {
    const closing = indent === parentIndent && depth === 1 && (c === RBRACKET || c === RBRACE);
    if (!closing) unsupported();
  }
  if (indent === 0 && (c === DASH || c === DOT) && i === s.pos) {
    if (src.charCodeAt(i + 1) === c && src.charCodeAt(i + 2) === c) unsupported();
  }
}
