import { longestBacktickRun, parseMessage } from '../findings/quote.js';

/**
 * The only Markdown, Mermaid, SARIF and terminal escaping in meshguard. Every name, path, message
 * and reference a manifest author controls passes through one of these functions before it
 * reaches a PR comment, a diagram, a SARIF log or a terminal. Nothing else in the codebase
 * escapes: messages only quote their user values as code spans (`quote`, findings/quote.ts),
 * which `escapeMessage` reads back.
 */

/** Zero-width space: breaks GitHub's mention, issue-reference and autolink detection invisibly. */
const ZWSP = '\u200B';
const REPLACEMENT = '\uFFFD';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One line of well-formed text: line breaks and tabs become spaces; other control characters,
 * bidirectional overrides (which can make a name read backwards, "Trojan Source") and lone
 * surrogates (which GitHub's API rejects as invalid UTF-8) become U+FFFD.
 */
export function oneLine(text: string): string {
  return (
    text
      .replace(/\r\n|[\n\r\t\v\f\u0085\u2028\u2029]/g, ' ')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, REPLACEMENT)
      .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, REPLACEMENT)
      .replace(LONE_SURROGATE, REPLACEMENT)
  );
}

/** `text` with each lone surrogate as U+FFFD: it has no UTF-8 form, so it cannot be encoded. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, REPLACEMENT);
}

/** Cuts to `max` code points, marking the cut with an ASCII ellipsis. */
export function truncate(text: string, max: number): string {
  return cut(text, max, () => 1);
}

/**
 * Cuts to at most `max` bytes of UTF-8, at a code point boundary, marking the cut with an ASCII
 * ellipsis: for limits GitHub counts in bytes. Lone surrogates become U+FFFD first, as the API
 * rejects them.
 */
export function truncateUtf8(text: string, max: number): string {
  return cut(wellFormed(text), max, utf8Length);
}

/** Whole code points of `text` that fit in `max` units as `size` counts them, then `...`. */
function cut(text: string, max: number, size: (point: string) => number): string {
  const points = [...text];
  if (points.reduce((sum, point) => sum + size(point), 0) <= max) return text;
  const room = max - 3; // the ellipsis: three code points, three bytes
  let kept = 0;
  for (let used = 0; kept < points.length; kept++) {
    used += size(points[kept] ?? '');
    if (used > room) break;
  }
  return `${points.slice(0, kept).join('')}...`;
}

/** Bytes of one code point in UTF-8. */
function utf8Length(point: string): number {
  const code = point.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

// ---- Markdown (GitHub Flavored Markdown as GitHub renders PR comments) -----------------------

/**
 * Characters with inline meaning in GFM, backslash-escaped (CommonMark §2.4 allows escaping any
 * ASCII punctuation). `$` is GitHub's math delimiter, `~` strikethrough, `|` a table cell
 * boundary (the GFM table scanner honours `\|` even before inline parsing).
 */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+!|~$]/g;

/**
 * GitHub links mentions, issue references and bare URLs on the rendered text, after Markdown
 * escapes are gone, so only a character inside the token stops them.
 */
function breakAutolinks(text: string): string {
  return text
    .replace(/@/g, `@${ZWSP}`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/(www)\./gi, `$1${ZWSP}.`);
}

/**
 * Inline Markdown text that renders exactly as given, safe anywhere on a line (also at its
 * start) and in a table cell: no emphasis, link, HTML, mention, issue reference, autolink, math
 * or table break survives, and `<!--`/`-->` never appear, so nothing can open or close the hidden
 * marker the GitHub layer adds.
 */
export function escapeInline(text: string): string {
  const escaped = breakAutolinks(
    oneLine(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_SPECIAL, '\\$&'),
  );
  // Block syntax only matters at the start of a line: list items (`-`, `1.`), setext underlines.
  return escaped.replace(/^([-=])/, '\\$1').replace(/^(\d+)\./, '$1\\.');
}

/** `<!--`, `-->` and `--!>` open or close HTML comments, the shape of our hidden marker. */
function breakCommentMarkers(text: string): string {
  return text.replace(/<!/g, `<${ZWSP}!`).replace(/--(!?)>/g, `-${ZWSP}-$1>`);
}

/**
 * A code span holding `text` literally, whatever backticks it contains (the fence is one
 * backtick longer than the longest run inside, CommonMark §6.1). In a table cell a `|` must be
 * written `\|` even inside code, and a backslash before it cannot be represented, so such text
 * falls back to escaped inline text.
 */
export function codeSpan(text: string, where: 'text' | 'table' = 'text'): string {
  let value = breakCommentMarkers(oneLine(text));
  if (value.trim() === '') return escapeInline(`"${value}"`);
  if (where === 'table') {
    if (value.includes('\\')) return escapeInline(text);
    value = value.replace(/\|/g, '\\|');
  }
  const fence = '`'.repeat(longestBacktickRun(value) + 1);
  // CommonMark strips one space from each side when both exist; pad so that strip is ours.
  const pad = /^[` ]|[` ]$/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A message whose user values are code spans (the catalogue's convention, written by `quote`):
 * each span, read the CommonMark way, becomes a code span again, the rest escaped text. A run of
 * backticks that nothing closes is kept as text.
 */
export function escapeMessage(message: string, where: 'text' | 'table' = 'text'): string {
  return parseMessage(message)
    .map((part) => (part.code ? codeSpan(part.text, where) : escapeInline(part.text)))
    .join('');
}

const URL_SAFE = /[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/;

/**
 * An http(s) URL made safe for a Markdown link destination (inside a table too): everything but
 * plain URL characters is percent-encoded, including `(`, `)`, `|`, `<`, `>` and spaces. Any
 * other scheme (`javascript:`, `data:`) yields `null`.
 */
export function safeUrl(url: string): string | null {
  if (!/^https?:\/\/[^\s]/i.test(url)) return null;
  return percentEncode(url.replace(/[\uD800-\uDFFF]/g, REPLACEMENT), URL_SAFE);
}

/** Every character `keep` does not match, as `%XX` bytes of its UTF-8 encoding. */
export function percentEncode(text: string, keep: RegExp): string {
  const encoder = new TextEncoder();
  let out = '';
  for (const char of text) {
    if (keep.test(char)) out += char;
    else
      for (const byte of encoder.encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `[text](url)`, or the escaped text alone when the URL is missing or not http(s). */
export function markdownLink(text: string, url: string | null | undefined): string {
  const label = escapeInline(text);
  const destination = url == null ? null : safeUrl(url);
  return destination === null ? label : `[${label}](${destination})`;
}

/** A table row: cells are already-escaped Markdown. */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => (cell === '' ? ' ' : cell)).join(' | ')} |`;
}

// ---- Mermaid ------------------------------------------------------------------------------------

/** Printable ASCII Mermaid reads literally inside a quoted label. */
const MERMAID_SAFE = /[A-Za-z0-9 \-_.,/:*+()=!?'@]/;
const MERMAID_NAMED: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
};

/**
 * Text for inside a quoted Mermaid label: Mermaid's own entity syntax (`#quot;`, `#35;`, as its
 * flowchart docs prescribe) for every character outside a small safe set, so the output is pure
 * ASCII and no `"`, `|`, `]`, `%%`, backtick (markdown string) or `#` (entity start) reaches the
 * grammar.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const char of oneLine(text)) {
    if (MERMAID_SAFE.test(char)) out += char;
    else out += MERMAID_NAMED[char] ?? `#${char.codePointAt(0) ?? 0xfffd};`;
  }
  return out;
}

/**
 * A quoted, escaped Mermaid label of at most `max` visible characters. Mermaid rejects an empty
 * label and trims a blank one to empty, so a blank name is shown in quotes: `""`.
 */
export function mermaidLabel(text: string, max: number): string {
  const line = oneLine(text);
  return `"${mermaidText(truncate(line.trim() === '' ? `"${line}"` : line, max))}"`;
}

// ---- SARIF --------------------------------------------------------------------------------------

/**
 * A plain-text message as SARIF reads one (§3.11.6): `[` and `]` open and close embedded links
 * (`[text](1)`), so a literal one is escaped with a backslash, and so is each backslash just
 * before it, which would otherwise read as that escape. A path such as `/a[0]/(1)` then shows
 * as written instead of as a link.
 */
export function sarifText(text: string): string {
  return text.replace(
    /(\\*)([[\]])/g,
    (_, slashes: string, bracket: string) => `${slashes.replace(/\\/g, '\\\\')}\\${bracket}`,
  );
}

/**
 * A file path as the URI reference SARIF requires for `artifactLocation.uri` (§3.4.3): each
 * segment percent-encoded, keeping the `/` separators, so a `#`, `?`, `%` or space in a file name
 * stays part of the path instead of starting a fragment, a query or an escape.
 */
export function uriReference(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(wellFormed(segment)))
    .join('/');
}

// ---- Terminal -----------------------------------------------------------------------------------

/**
 * Text safe to print on a terminal: escape sequences, control characters and bidirectional
 * overrides are shown as `\u{…}` instead of being interpreted.
 */
export function terminalText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this shows
    /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`,
  );
}

/**
 * A fenced code block holding `text` literally: the fence is one backtick longer than the
 * longest run inside (at least three, CommonMark §4.5), so nothing in `text` can close it.
 */
export function codeBlock(text: string, info = ''): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${oneLine(info).replace(/`/g, '')}\n${text.replace(/\n*$/, '')}\n${fence}`;
}

/**
 * A YAML double-quoted scalar that reads back as `text` exactly, written in printable ASCII:
 * every other character is a `\uXXXX` escape (YAML 1.2 §5.7), so no control character or
 * bidirectional override reaches the page, and pasting it into a file keeps the exact value.
 */
export function yamlQuoted(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const char = text[i] ?? '';
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (unit >= 0x20 && unit < 0x7f) out += char;
    else out += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}
