/**
 * Which lines of a comment GitHub shows as plain text: not inside a code block or span, a block
 * quote (lazy continuation included), a footnote, an HTML comment or a raw HTML element that
 * shows code. The slash-command parser reads commands only from those lines.
 */
/** A block quote, list item or footnote definition still open. */
interface Container {
  /** Content column of a list item or footnote; `null` for a quote. */
  readonly column: number | null;
  /** Quotes and footnotes from the outermost container to this one. */
  readonly hiding: number;
  /** A list item that began with a blank line and has no content yet. */
  empty: boolean;
}

type Leaf =
  | { readonly kind: 'none' | 'paragraph' | 'indented' }
  | { readonly kind: 'fence'; readonly marker: string }
  /** `end` null: ends at a blank line (kinds 6 and 7), lines are visible raw HTML. */
  | { readonly kind: 'html'; readonly end: RegExp | null; readonly raw: boolean };

/** Inline state carried from one line to the next. */
interface Inline {
  /** Length of the backtick run of a code span still open, or 0. */
  ticks: number;
  comment: boolean;
  /** Inside a tag: '' outside attribute quotes, else the quote; null outside tags. */
  tag: string | null;
  /** The comment may turn out to be text, so tags in it may be real. */
  loose: boolean;
}

/** Elements whose text GitHub shows as code or quotation, or does not show as text. */
const HIDING = new Set([
  'blockquote',
  'code',
  'kbd',
  'listing',
  'plaintext',
  'pre',
  'q',
  'samp',
  'script',
  'style',
  'template',
  'textarea',
  'tt',
  'xmp',
]);
/** CommonMark §4.6 kind 6 block names. */
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 ' +
    'h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup ' +
    'option p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
);
const ATTRIBUTES = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)*`;
const COMPLETE_TAG = new RegExp(
  String.raw`(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTES}\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`,
  'y',
);
const TAG_NAME = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;
const CLOSE_END = /\s*>/y;
const LIST_MARKER = /(?:[-+*]|(\d{1,9})[.)])(?= |$)/y;
const FOOTNOTE = /\[\^[^\]\s]+\]:/y;
const FENCE = /`{3,}|~{3,}/y;
const CLOSING_FENCE = /(`{3,}|~{3,}) *$/y;
const THEMATIC_BREAK = /([-*_])(?: *\1){2,} *$/y;
const SETEXT_UNDERLINE = /(?:=+|-+) *$/y;
const ATX_HEADING = /#{1,6}(?: |$)/y;
const HTML_KIND_1 = /<(pre|script|style|textarea)(?:\s|>|$)/iy;
const HTML_KIND_6 = /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s|\/?>|$)/y;
const HTML_STARTS: readonly (readonly [RegExp, RegExp])[] = [
  [/<!--/y, /-->/],
  [/<\?/y, /\?>/],
  [/<!\[CDATA\[/y, /\]\]>/],
  [/<![A-Za-z]/y, />/],
];

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function spacesAt(line: string, at: number): number {
  let end = at;
  while (line.charCodeAt(end) === 32) end++;
  return end - at;
}

/** Tabs become spaces to the next multiple of four columns, as CommonMark reads indentation. */
function expandTabs(raw: string): string {
  if (!raw.includes('\t')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    out += ch === '\t' ? ' '.repeat(4 - (out.length % 4)) : ch;
  }
  return out;
}

/**
 * A thematic break is one of `-`, `*`, `_` repeated, with spaces, to the end of the line: it can
 * start only after the index this returns (checked once, so nested list markers stay linear).
 */
function thematicBreakAfter(line: string): number {
  let i = line.length - 1;
  while (i >= 0 && line[i] === ' ') i--;
  const mark = line[i];
  if (mark !== '-' && mark !== '*' && mark !== '_') return line.length;
  while (i >= 0 && (line[i] === mark || line[i] === ' ')) i--;
  return i;
}

function ticksEnd(line: string, i: number): number {
  let end = i;
  while (line[end] === '`') end++;
  return end;
}

/** Where the first run of exactly `length` backticks from `from` ends, or -1. */
function closingTicks(line: string, from: number, length: number): number {
  for (let i = line.indexOf('`', from); i >= 0; i = line.indexOf('`', i)) {
    const end = ticksEnd(line, i);
    if (end - i === length) return end;
    i = end;
  }
  return -1;
}

export class BlockScanner {
  private stack: Container[] = [];
  private leaf: Leaf = { kind: 'none' };
  /** Code spans, comments and tags still open in the current paragraph. */
  private inline: Inline = { ticks: 0, comment: false, tag: null, loose: false };
  /** Comments and tags left open by raw HTML blocks: they run on into whatever follows. */
  private readonly raw: Inline = { ticks: 0, comment: false, tag: null, loose: false };
  /** Open hiding elements by name (`<code>` left open hides the rest of the comment). */
  private readonly open = new Map<string, number>();
  private openTotal = 0;
  private index = 0;
  /** Nothing from here on is read: a quote that never closes, or a footnote came first. */
  private sealed = false;

  constructor(private readonly lines: readonly string[]) {}

  /** Reads one line; true when it renders as visible, unquoted text outside code. */
  visibleText(index: number): boolean {
    this.index = index;
    const line = expandTabs(this.lines[index] ?? '');
    const stack = this.stack;
    const breakFrom = thematicBreakAfter(line);
    let pos = 0;
    let matched = 0;
    // Phase 1: which open containers does this line continue?
    for (; matched < stack.length; matched++) {
      const container = stack[matched] as Container;
      const indent = spacesAt(line, pos);
      if (container.column === null) {
        if (indent > 3 || line[pos + indent] !== '>') break;
        pos += indent + 1;
        if (line[pos] === ' ') pos++;
      } else if (pos + indent === line.length) {
        if (container.empty) break;
        pos = line.length;
      } else if (pos + indent >= container.column) {
        pos = container.column;
      } else {
        break;
      }
    }
    const allMatched = matched === stack.length;
    const leaf = this.leaf;
    if (leaf.kind === 'fence' || leaf.kind === 'html' || leaf.kind === 'indented') {
      if (allMatched) {
        const hidden = this.continueLeaf(leaf, line, pos);
        if (hidden !== null) return !hidden && (stack[stack.length - 1]?.hiding ?? 0) === 0;
      }
      this.closeLeaf();
    }
    // Phase 2: new containers.
    let opened = false;
    const open = (container: Container | null) => {
      if (!opened) {
        this.closeLeaf();
        this.closeContainers(matched);
        opened = true;
      }
      if (container !== null) {
        const parent = stack[stack.length - 1];
        if (parent !== undefined) parent.empty = false;
        stack.push(container);
      }
    };
    const hiding = () => stack[stack.length - 1]?.hiding ?? 0;
    for (;;) {
      const paragraph = this.leaf.kind === 'paragraph' && !opened;
      const indent = spacesAt(line, pos);
      const at = pos + indent;
      if (at === line.length || indent > 3) break;
      if (line[at] === '>') {
        open({ column: null, hiding: hiding() + 1, empty: false });
        pos = at + 1;
        if (line[pos] === ' ') pos++;
        continue;
      }
      if (paragraph && allMatched && sticky(SETEXT_UNDERLINE, line, at) !== null) break;
      if (at > breakFrom && sticky(THEMATIC_BREAK, line, at) !== null) break;
      const item = sticky(LIST_MARKER, line, at);
      if (item !== null) {
        const end = at + item[0].length;
        const spaces = spacesAt(line, end);
        const blank = end + spaces === line.length;
        const start = item[1];
        // An empty item, or an ordered list not starting at 1, cannot interrupt a paragraph.
        if (paragraph && allMatched && (blank || (start !== undefined && start !== '1'))) break;
        const column = blank || spaces > 4 ? end + 1 : end + spaces;
        open({ column, hiding: hiding(), empty: blank });
        pos = Math.min(column, line.length);
        // Renderers differ on whether an empty item after other blocks is one (micromark
        // reads `-` as text there): a following line may continue it as a paragraph.
        if (blank) this.leaf = { kind: 'paragraph' };
        continue;
      }
      const footnote = sticky(FOOTNOTE, line, at);
      if (footnote !== null) {
        open({ column: at + 4, hiding: hiding() + 1, empty: false });
        // Footnotes render at the end of the comment, and renderers disagree on where one
        // ends: nothing after a footnote definition is read.
        this.sealed = true;
        pos = at + footnote[0].length;
        pos += spacesAt(line, pos);
        continue;
      }
      break;
    }
    // Phase 3: the leaf block this line belongs to.
    const indent = spacesAt(line, pos);
    const at = pos + indent;
    const paragraph = this.leaf.kind === 'paragraph' && !opened;
    if (at === line.length) {
      if (!opened) {
        this.closeLeaf();
        this.closeContainers(matched);
      }
      return false;
    }
    const innermost = stack[stack.length - 1];
    if (innermost !== undefined) innermost.empty = false;
    if (indent > 3) {
      if (paragraph) return this.paragraphLine(line, at, false);
      open(null);
      this.leaf = { kind: 'indented' };
      return false;
    }
    const startLeaf = (next: Leaf) => {
      open(null);
      this.leaf = next;
    };
    if (paragraph && allMatched && sticky(SETEXT_UNDERLINE, line, at) !== null) {
      this.closeLeaf();
      return false;
    }
    const fence = sticky(FENCE, line, at)?.[0];
    if (fence !== undefined && (fence[0] === '~' || !line.includes('`', at + fence.length))) {
      startLeaf({ kind: 'fence', marker: fence });
      return false;
    }
    const html = this.htmlStart(line, at, paragraph);
    if (html !== null) {
      startLeaf(html);
      this.continueLeaf(html, line, at);
      return false;
    }
    if (
      (at > breakFrom && sticky(THEMATIC_BREAK, line, at) !== null) ||
      sticky(ATX_HEADING, line, at) !== null
    ) {
      startLeaf({ kind: 'none' });
      // A heading's inline HTML may still open `<code>` for what follows.
      this.scan(line, at, { ticks: 0, comment: false, tag: null, loose: false }, true);
      return false;
    }
    if (!paragraph) startLeaf({ kind: 'paragraph' });
    // Else this line continues the paragraph, lazily when containers were left unmatched: it
    // stays inside them, quotes included.
    return this.paragraphLine(line, at, hiding() === 0);
  }

  private shown(): boolean {
    return !this.sealed && this.openTotal === 0 && !this.raw.comment && this.raw.tag === null;
  }

  /**
   * Closes containers beyond the first `keep`. A comment or tag left open in raw HTML swallows
   * the `</blockquote>` of a quote that ends meanwhile, and the quote then runs to the end.
   */
  private closeContainers(keep: number): void {
    const stack = this.stack;
    const pending = this.raw.comment || this.raw.tag !== null;
    if (pending && (stack[stack.length - 1]?.hiding ?? 0) > (stack[keep - 1]?.hiding ?? 0))
      this.sealed = true;
    stack.length = keep;
  }

  private paragraphLine(line: string, at: number, unquoted: boolean): boolean {
    const inline = this.inline;
    const visible =
      unquoted && inline.ticks === 0 && !inline.comment && inline.tag === null && this.shown();
    this.scan(line, at, inline, true);
    return visible;
  }

  /**
   * A line inside an open fence, HTML block or indented code: true if hidden, false if shown,
   * null if the line is not part of that block after all (it closes it).
   */
  private continueLeaf(leaf: Leaf, line: string, pos: number): boolean | null {
    if (leaf.kind === 'fence') {
      const indent = spacesAt(line, pos);
      const closing = indent <= 3 ? sticky(CLOSING_FENCE, line, pos + indent)?.[1] : undefined;
      if (
        closing !== undefined &&
        closing[0] === leaf.marker[0] &&
        closing.length >= leaf.marker.length
      )
        this.leaf = { kind: 'none' };
      return true;
    }
    if (leaf.kind === 'indented') {
      const indent = spacesAt(line, pos);
      return pos + indent === line.length || indent >= 4 ? true : null;
    }
    if (leaf.kind !== 'html') return null;
    if (leaf.end === null) {
      if (spacesAt(line, pos) + pos === line.length) return null;
      const shown = this.shown();
      this.scan(line, pos, this.raw, false);
      return !shown;
    }
    if (leaf.raw) this.scan(line, pos, this.raw, false);
    if (leaf.end.test(line.slice(pos))) this.leaf = { kind: 'none' };
    return true;
  }

  /** CommonMark §4.6 start conditions; kind 7 cannot interrupt a paragraph. */
  private htmlStart(line: string, at: number, paragraph: boolean): Leaf | null {
    if (line[at] !== '<') return null;
    const kind1 = sticky(HTML_KIND_1, line, at);
    if (kind1 !== null) {
      const raw = (kind1[1] ?? '').toLowerCase() === 'pre';
      return { kind: 'html', end: /<\/(?:pre|script|style|textarea)>/i, raw };
    }
    for (const [start, end] of HTML_STARTS)
      if (sticky(start, line, at) !== null) return { kind: 'html', end, raw: end.source === '-->' };
    const kind6 = sticky(HTML_KIND_6, line, at);
    if (kind6 !== null && BLOCK_TAGS.has((kind6[1] ?? '').toLowerCase()))
      return { kind: 'html', end: null, raw: true };
    if (!paragraph && sticky(COMPLETE_TAG, line, at) !== null)
      return { kind: 'html', end: null, raw: true };
    return null;
  }

  private closeLeaf(): void {
    // A comment or quoted attribute still open when the paragraph ends is text in CommonMark;
    // should a renderer pass it on as HTML, it swallows what follows, so that is hidden too.
    if (this.inline.comment) {
      this.raw.comment = true;
      this.raw.loose = true;
    }
    if (this.inline.tag === '"' || this.inline.tag === "'") this.raw.tag = this.inline.tag;
    this.leaf = { kind: 'none' };
    this.inline = { ticks: 0, comment: false, tag: null, loose: false };
  }

  /**
   * Follows code spans (Markdown only), comments and tags through `line` from `at`, counting
   * hiding elements opened and closed. While a span, comment or tag is unresolved, openings are
   * still counted (it may turn out to be text) but closings are not.
   */
  private scan(line: string, at: number, state: Inline, markdown: boolean): void {
    // Quotes and footnotes render elsewhere or inside their own element: a closing tag there
    // may not close what is open outside.
    const closes = (this.stack[this.stack.length - 1]?.hiding ?? 0) === 0;
    let i = at;
    while (i < line.length) {
      const ch = line[i];
      if (state.tag !== null) {
        if (state.tag !== '') {
          if (ch === state.tag) state.tag = '';
        } else if (ch === '"' || ch === "'") {
          state.tag = ch;
        } else if (ch === '>') {
          state.tag = null;
        }
        i++;
        continue;
      }
      if (state.comment || state.ticks > 0) {
        if (state.comment && line.startsWith('-->', i)) {
          state.comment = false;
          state.loose = false;
          i += 3;
          continue;
        }
        if (state.ticks > 0 && ch === '`') {
          const end = ticksEnd(line, i);
          if (end - i === state.ticks) state.ticks = 0;
          i = end;
          continue;
        }
        // In Markdown an unclosed span or comment is text, so tags in it may be real.
        if ((markdown || state.loose) && ch === '<') {
          const tag = sticky(TAG_NAME, line, i);
          if (tag !== null && tag[1] === '') this.opened(tag[2] ?? '', 1);
        }
        i++;
        continue;
      }
      if (markdown && ch === '\\') {
        i += 2;
        continue;
      }
      if (markdown && ch === '`') {
        // A span closed on this line is skipped whole; one left open may yet close on a later
        // line of the paragraph, or turn out to be text.
        const end = ticksEnd(line, i);
        const close = closingTicks(line, end, end - i);
        if (close < 0 && this.laterInParagraph((next) => closingTicks(next, 0, end - i) >= 0))
          state.ticks = end - i;
        i = close < 0 ? end : close;
        continue;
      }
      if (ch === '<') {
        if (line.startsWith('<!--', i)) {
          const close = line.indexOf('-->', i + 4);
          if (close < 0 && (!markdown || this.laterInParagraph((next) => next.includes('-->'))))
            state.comment = true;
          i = close < 0 ? i + 4 : close + 3;
          continue;
        }
        const tag = sticky(TAG_NAME, line, i);
        if (tag !== null) {
          const name = tag[2] ?? '';
          i += tag[0].length;
          if (tag[1] === '') {
            this.opened(name, 1);
            state.tag = '';
          } else if (closes && sticky(CLOSE_END, line, i) !== null) {
            this.opened(name, -1);
          }
          continue;
        }
      }
      i++;
    }
  }

  /**
   * Whether a later line before the next blank one passes `test`: a code span or comment
   * opened in a paragraph can only close before the paragraph ends, or it is text.
   */
  private laterInParagraph(test: (line: string) => boolean): boolean {
    for (let i = this.index + 1; i < this.lines.length; i++) {
      const line = this.lines[i] ?? '';
      if (/^[ \t]*$/.test(line)) return false;
      if (test(line)) return true;
    }
    return false;
  }

  private opened(tagName: string, delta: 1 | -1): void {
    const name = tagName.toLowerCase();
    if (!HIDING.has(name)) return;
    const count = this.open.get(name) ?? 0;
    if (delta < 0 && count === 0) return;
    this.open.set(name, count + delta);
    this.openTotal += delta;
  }
}
