import type { Position } from './types.js';

/**
 * Thrown inside the fast parser when the input leaves the supported subset; `fastParse` turns it
 * into `null` so that the reference parser produces the real result or the real error. One
 * shared instance: bailing out must not pay for a stack trace.
 */
export class Unsupported extends Error {}
export const UNSUPPORTED = new Unsupported('outside the fast-path subset');

export function unsupported(): never {
  throw UNSUPPORTED;
}

export const TAB = 9;
export const LF = 10;
export const SPACE = 32;
export const DQUOTE = 34;
export const HASH = 35;
export const SQUOTE = 39;
export const COMMA = 44;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const GT = 62;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const LBRACE = 123;
export const PIPE = 124;
export const RBRACE = 125;
export const BOM = 0xfeff;

/** Why a plain scalar's line ended: line feed or end of text. */
export const STOP_EOL = 0;
/** ` #`: a comment follows. */
export const STOP_COMMENT = 1;
/** `: ` (or `:` at the end of the line): the scalar is an implicit key. */
export const STOP_COLON = 2;
/** A flow indicator `,[]{}` (flow context only). */
export const STOP_FLOW = 3;

/** Deeper nesting is left to the reference, which reports resource exhaustion properly. */
export const MAX_DEPTH = 200;

/** `charCodeAt` past the end gives NaN; every "white space or end" test must accept it. */
export function isBlankOrEnd(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c !== c;
}

export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/**
 * A cursor over one document's text that knows its line and the offset where that line starts,
 * so positions cost one subtraction. `indent` is the indentation of the content line the cursor
 * was last moved to by `nextContentLine` (-1 at the end of the text).
 */
export class Scanner {
  pos = 0;
  line = 1;
  lineStart = 0;
  indent = -1;
  /** Why the last `scanPlainLine` stopped: one of the `STOP_*` constants. */
  stop = 0;
  /** Nesting depth of block nodes being parsed. */
  depth = 0;
  readonly len: number;

  constructor(readonly src: string) {
    this.len = src.length;
  }

  code(offset: number): number {
    return this.src.charCodeAt(offset);
  }

  /** True once `nextContentLine` found no further content. */
  atEnd(): boolean {
    return this.indent === -1;
  }

  /** Position of `offset`, which must lie on the current line. */
  at(offset: number): Position {
    return { line: this.line, column: offset - this.lineStart + 1 };
  }

  /** Moves past the line feed at `offset`. */
  newlineAt(offset: number): void {
    this.pos = offset + 1;
    this.line++;
    this.lineStart = this.pos;
  }

  /** Advances the line bookkeeping over every line feed in `[from, to)` and moves to `to`. */
  advanceTo(from: number, to: number): void {
    const src = this.src;
    let nl = src.indexOf('\n', from);
    while (nl !== -1 && nl < to) {
      this.line++;
      this.lineStart = nl + 1;
      nl = src.indexOf('\n', nl + 1);
    }
    this.pos = to;
  }

  /** Skips spaces and tabs on the current line. */
  skipInlineSpace(): void {
    let c = this.src.charCodeAt(this.pos);
    while (c === SPACE || c === TAB) c = this.src.charCodeAt(++this.pos);
  }

  /**
   * After a node that ends inside a line: the rest of the line may only hold white space and a
   * comment, and a comment must be separated from the node by white space (`yaml` reports
   * "Comments must be separated from other tokens by white space characters").
   */
  finishLine(): void {
    this.skipInlineSpace();
    let c = this.code(this.pos);
    if (c === HASH) {
      const before = this.code(this.pos - 1);
      if (before !== SPACE && before !== TAB) unsupported();
      const nl = this.src.indexOf('\n', this.pos);
      this.pos = nl === -1 ? this.len : nl;
      c = this.code(this.pos);
    }
    if (c === LF) this.newlineAt(this.pos);
    else if (this.pos < this.len) unsupported();
  }

  /**
   * From the start of a line, skips blank and comment-only lines and stops at the first
   * character of the next content line, recording its indentation. Tabs in indentation, a second
   * document marker and directive-like lines are all left to the reference.
   */
  nextContentLine(atDocumentStart = false): void {
    const src = this.src;
    for (;;) {
      let i = this.pos;
      let c = src.charCodeAt(i);
      while (c === SPACE) c = src.charCodeAt(++i);
      if (c === LF) {
        this.newlineAt(i);
        continue;
      }
      if (c === HASH) {
        const nl = src.indexOf('\n', i);
        if (nl === -1) break;
        this.newlineAt(nl);
        continue;
      }
      if (i >= this.len) break;
      if (c === TAB) unsupported();
      this.pos = i;
      this.indent = i - this.lineStart;
      if (atDocumentStart) return;
      if (this.indent === 0 && (c === DASH || c === DOT) && this.atDocumentMarker()) unsupported();
      return;
    }
    this.pos = this.len;
    this.indent = -1;
  }

  /** `---` or `...` followed by white space or the end: a document boundary (c-forbidden). */
  atDocumentMarker(): boolean {
    const src = this.src;
    const p = this.pos;
    const c = src.charCodeAt(p);
    return (
      src.charCodeAt(p + 1) === c &&
      src.charCodeAt(p + 2) === c &&
      (c === DASH || c === DOT) &&
      isBlankOrEnd(src.charCodeAt(p + 3))
    );
  }
}
