import type { DocumentChunk } from './types.js';

const MARKER = /^(?:---|\.\.\.)(?=[ \t]|$)/;
const DIRECTIVE = /^%(?:YAML|TAG)[ \t]/;

/**
 * Cuts a YAML stream into documents without parsing it, so that each document can be parsed (and
 * cached) on its own. A line that starts with `---` or `...` followed by white space or the end of
 * the line is always a document boundary: YAML forbids such a line inside any scalar
 * (production `c-forbidden`).
 *
 * Returns `null` when the stream has directives (`%YAML`, `%TAG`): they apply across documents,
 * so the caller must parse the stream as a whole.
 */
export function splitDocuments(text: string): DocumentChunk[] | null {
  const normalized = normalizeText(text);
  const lines = normalized.split('\n');
  const chunks: DocumentChunk[] = [];
  let start = 0;
  let startedByMarker = false;
  const flush = (end: number): void => {
    const body = lines.slice(start, end);
    if (startedByMarker || body.some(isContent)) {
      chunks.push({ index: chunks.length, text: body.join('\n'), lineOffset: start });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (DIRECTIVE.test(line)) return null;
    if (!MARKER.test(line)) continue;
    if (line.startsWith('...')) {
      flush(i);
      start = i + 1;
      startedByMarker = false;
      continue;
    }
    flush(i);
    start = i;
    startedByMarker = true;
  }
  flush(lines.length);
  return chunks;
}

/** Drops a byte-order mark and turns CRLF and lone CR line endings into LF. */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

function isContent(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed !== '' && !trimmed.startsWith('#');
}
