import { parseBlockScalar } from './fast-block-scalar.js';
import { keyString, resolvePlain } from './fast-core-schema.js';
import { emptyScalar, parseFlowCollection } from './fast-flow.js';
import { PairList, itemsFinish, itemsStart, pushItem } from './fast-pairs.js';
import { continuePlain, isPlainStart, scanPlainLine } from './fast-plain.js';
import { scanQuoted } from './fast-quoted.js';
import {
  COLON,
  DASH,
  DQUOTE,
  GT,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  MAX_DEPTH,
  PIPE,
  SPACE,
  SQUOTE,
  STOP_COLON,
  STOP_EOL,
  TAB,
  isBlankOrEnd,
  unsupported,
} from './fast-scanner.js';
import type { Scanner } from './fast-scanner.js';
import type { Position, YamlMap, YamlNode, YamlSeq } from './types.js';

/*
 * Block structure. Every function here starts at the first character of its node and returns
 * with the cursor on the next content line (`s.indent` set, -1 at the end), so callers decide
 * what may follow by looking at that line's indentation alone.
 */

/** `yaml` rejects an implicit key whose `:` is more than 1024 characters after its start. */
const MAX_KEY_SPAN = 1000;

/**
 * The node at `s.pos`, in column `col`. `parentIndent` is the indentation of the enclosing
 * collection (-1 at the root). `allowCollection` is false right after `key: ` or `--- `, where a
 * block collection cannot start (a compact mapping there is an error in `yaml`).
 */
export function parseNode(
  s: Scanner,
  parentIndent: number,
  col: number,
  allowCollection: boolean,
): YamlNode {
  if (++s.depth > MAX_DEPTH) unsupported();
  const node = parseNodeInner(s, parentIndent, col, allowCollection);
  s.depth--;
  return node;
}

function parseNodeInner(
  s: Scanner,
  parentIndent: number,
  col: number,
  allowCollection: boolean,
): YamlNode {
  const c = s.code(s.pos);
  const next = s.code(s.pos + 1);
  if (c === DASH && isBlankOrEnd(next)) {
    if (!allowCollection) unsupported();
    return parseBlockSeq(s, col);
  }
  if (c === LBRACKET || c === LBRACE) {
    const node = parseFlowCollection(s, parentIndent, 1);
    s.finishLine();
    s.nextContentLine();
    return node;
  }
  if (c === PIPE || c === GT) return parseBlockScalar(s, parentIndent);
  if (c === DQUOTE || c === SQUOTE) return parseQuotedOrKey(s, parentIndent, col, allowCollection);
  if (!isPlainStart(c, next, false)) unsupported();
  const start = s.pos;
  const pos = s.at(start);
  const end = scanPlainLine(s, false);
  if (s.stop === STOP_COLON) {
    if (!allowCollection) unsupported();
    return parseBlockMap(s, col, plainKey(s, start, end), pos);
  }
  let text = s.src.slice(start, end);
  if (s.stop === STOP_EOL) text = continuePlain(s, text, parentIndent);
  s.finishLine();
  s.nextContentLine();
  return { type: 'scalar', value: resolvePlain(text), plain: true, pos };
}

function parseQuotedOrKey(
  s: Scanner,
  parentIndent: number,
  col: number,
  allowCollection: boolean,
): YamlNode {
  const start = s.pos;
  const pos = s.at(start);
  const line = s.line;
  const value = scanQuoted(s, parentIndent);
  s.skipInlineSpace();
  if (s.code(s.pos) === COLON && isBlankOrEnd(s.code(s.pos + 1))) {
    if (!allowCollection || s.line !== line || s.pos - start > MAX_KEY_SPAN) unsupported();
    return parseBlockMap(s, col, value, pos);
  }
  s.finishLine();
  s.nextContentLine();
  return { type: 'scalar', value, plain: false, pos };
}

function plainKey(s: Scanner, start: number, end: number): string {
  if (s.pos - start > MAX_KEY_SPAN) unsupported();
  const text = s.src.slice(start, end);
  // `<<` is a merge key: the reference knows how to merge.
  if (text === '<<') unsupported();
  return keyString(resolvePlain(text));
}

/** A block mapping at column `col` whose first key has been read; `s.pos` is on its `:`. */
function parseBlockMap(s: Scanner, col: number, firstKey: string, pos: Position): YamlMap {
  const pairs = new PairList();
  let key = firstKey;
  let keyPos = pos;
  for (;;) {
    s.pos++;
    pairs.add(key, keyPos, parseMapValue(s, col));
    if (s.indent !== col) {
      if (s.indent > col) unsupported();
      break;
    }
    keyPos = s.at(s.pos);
    key = scanKey(s);
  }
  return { type: 'map', pos, pairs: pairs.finish() };
}

/** The next implicit key, on a line of its own; leaves `s.pos` on its `:`. */
function scanKey(s: Scanner): string {
  const start = s.pos;
  const c = s.code(start);
  if (c === DQUOTE || c === SQUOTE) {
    const line = s.line;
    const key = scanQuoted(s, -1);
    s.skipInlineSpace();
    const ok = s.line === line && s.code(s.pos) === COLON && isBlankOrEnd(s.code(s.pos + 1));
    if (!ok || s.pos - start > MAX_KEY_SPAN) unsupported();
    return key;
  }
  if (!isPlainStart(c, s.code(start + 1), false)) unsupported();
  const end = scanPlainLine(s, false);
  if (s.stop !== STOP_COLON) unsupported();
  return plainKey(s, start, end);
}

/** The value after `key:` of a mapping at column `mapIndent`; `s.pos` is just after the `:`. */
function parseMapValue(s: Scanner, mapIndent: number): YamlNode {
  s.skipInlineSpace();
  const c = s.code(s.pos);
  if (c === LF || c === HASH || c !== c) {
    const emptyPos = s.at(s.pos);
    s.finishLine();
    s.nextContentLine();
    if (s.indent > mapIndent) return parseNode(s, mapIndent, s.indent, true);
    // A sequence may sit at its parent key's indentation (YAML 1.2 `l+block-sequence(n-1)`).
    if (s.indent === mapIndent && s.code(s.pos) === DASH && isBlankOrEnd(s.code(s.pos + 1))) {
      return parseBlockSeq(s, mapIndent);
    }
    return emptyScalar(emptyPos);
  }
  return parseNode(s, mapIndent, s.pos - s.lineStart, false);
}

/** A block sequence whose first `-` is at `s.pos`, in column `col`. */
function parseBlockSeq(s: Scanner, col: number): YamlSeq {
  const pos = s.at(s.pos);
  const base = itemsStart();
  for (;;) {
    s.pos++;
    pushItem(parseSeqItem(s, col));
    if (s.indent !== col) {
      if (s.indent > col) unsupported();
      break;
    }
    if (s.code(s.pos) !== DASH || !isBlankOrEnd(s.code(s.pos + 1))) break;
  }
  return { type: 'seq', pos, items: itemsFinish(base) };
}

/** The item after a `-` in column `seqIndent`; `s.pos` is just after the `-`. */
function parseSeqItem(s: Scanner, seqIndent: number): YamlNode {
  let c = s.code(s.pos);
  while (c === SPACE) c = s.code(++s.pos);
  // A tab here would make `yaml`'s idea of the item's indentation differ from its column.
  if (c === TAB) unsupported();
  if (c === LF || c === HASH || c !== c) {
    const emptyPos = s.at(s.pos);
    s.finishLine();
    s.nextContentLine();
    if (s.indent > seqIndent) return parseNode(s, seqIndent, s.indent, true);
    return emptyScalar(emptyPos);
  }
  return parseNode(s, seqIndent, s.pos - s.lineStart, true);
}
