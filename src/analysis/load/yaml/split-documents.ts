import type { DocumentChunk } from './types.js';

const BOM = 0xfeff;

/**
 * Cuts a YAML stream into documents without parsing it, so that each document can be parsed (and
 * cached) on its own. A line that starts with `---` or `...` followed by white space or the end of
 * the line is always a document boundary: YAML forbids such a line inside any scalar
 * (production `c-forbidden`), and `yaml`'s lexer ends any node there.
 *
 * Documents are counted the way a reader counts them: every `---` starts one (even if nothing but
 * comments follows it, as `yaml` also counts it), and text with content before any `---` (or
 * after a `...`) is a bare document. Comment-only text outside documents is not a document, and
 * neither is a stray `...` (where `yaml`'s `parseAllDocuments` would report an empty one).
 *
 * Each chunk's text runs up to and including the line break before the line that ends it, so a
 * keep-chomped block scalar (`|+`) keeps its trailing blank lines exactly as in the whole stream.
 *
 * Returns `null` when the stream has directives (a line starting with `%` outside a document):
 * `%YAML` and `%TAG` change how the next document is read, so the caller must parse the stream
 * as a whole. It does the same for content after a `...` marker, an error it cannot place.
 */
export function splitDocuments(text: string): DocumentChunk[] | null {
  const src = normalizeText(text);
  const chunks: DocumentChunk[] = [];
  let start = 0; // offset where the current chunk starts
  let startLine = 0; // its 0-based line
  let open = false; // inside a document (after `---` or content)
  let line = 0;
  for (let at = 0; at < src.length; line++) {
    const nl = src.indexOf('\n', at);
    const end = nl === -1 ? src.length : nl;
    const bom = src.charCodeAt(at) === BOM ? 1 : 0;
    const marker = markerAt(src, at + bom, end);
    if (marker === '---') {
      if (open) chunks.push(chunk(chunks.length, src, start, at, startLine));
      // A byte-order mark may precede a document's `---` (l-document-prefix); it is not content.
      start = at + bom;
      startLine = line;
      open = true;
    } else if (marker === '...') {
      // Content after `...` is an error; the reference reports it when given the whole stream.
      if (firstContent(src, at + bom + 3, end) !== -1) return null;
      if (open) chunks.push(chunk(chunks.length, src, start, at, startLine));
      open = false;
    } else if (!open) {
      const first = firstContent(src, at + bom, end);
      if (first === 0x25) return null; // `%`: a directive
      if (first !== -1) {
        start = at + bom;
        startLine = line;
        open = true;
      }
    }
    at = end + 1;
  }
  if (open) chunks.push(chunk(chunks.length, src, start, src.length, startLine));
  return chunks;
}

function chunk(
  index: number,
  src: string,
  start: number,
  end: number,
  line: number,
): DocumentChunk {
  return { index, text: src.slice(start, end), lineOffset: line };
}

/** `---` or `...` at `at`, followed by a space, a tab or the end of the line. */
function markerAt(src: string, at: number, end: number): '---' | '...' | null {
  const c = src.charCodeAt(at);
  if (c !== 0x2d && c !== 0x2e) return null;
  if (src.charCodeAt(at + 1) !== c || src.charCodeAt(at + 2) !== c) return null;
  const after = src.charCodeAt(at + 3);
  if (at + 3 < end && after !== 0x20 && after !== 0x09) return null;
  return c === 0x2d ? '---' : '...';
}

/** The first character of the line that is not white space, or -1 for a blank or comment line. */
function firstContent(src: string, at: number, end: number): number {
  let i = at;
  let c = src.charCodeAt(i);
  while (i < end && (c === 0x20 || c === 0x09)) c = src.charCodeAt(++i);
  return i === end || c === 0x23 ? -1 : c;
}

/** Drops a byte-order mark and turns CRLF and lone CR line endings into LF. */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === BOM ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}
