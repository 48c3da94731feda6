import type { Source } from '../model/source.js';
import type { DocumentResult } from './load-document.js';

/**
 * Documents already narrowed, by their exact text, so that the base and head of a change parse
 * each byte-identical document once. A hit at the same place (file, index, first line) returns
 * the very same objects, which also lets the diff skip comparing them; a hit elsewhere (a moved
 * file, a document pushed down by an edit above it) is copied with its positions moved.
 *
 * It is plain data the caller creates and passes to both loads; the core keeps no state.
 */
export interface LoadCache {
  readonly documents: Map<string, CachedDocument[]>;
}

interface CachedDocument {
  readonly file: string;
  readonly documentIndex: number;
  readonly lineOffset: number;
  readonly defaultNamespace: string;
  readonly result: DocumentResult;
}

export interface DocumentPlace {
  readonly file: string;
  readonly documentIndex: number;
  readonly lineOffset: number;
  readonly defaultNamespace: string;
}

export function createLoadCache(): LoadCache {
  return { documents: new Map() };
}

export function lookupDocument(
  cache: LoadCache,
  text: string,
  place: DocumentPlace,
): DocumentResult | undefined {
  const entries = cache.documents.get(text);
  if (entries === undefined) return undefined;
  const same = entries.find(
    (e) =>
      e.file === place.file &&
      e.documentIndex === place.documentIndex &&
      e.lineOffset === place.lineOffset &&
      e.defaultNamespace === place.defaultNamespace,
  );
  if (same !== undefined) return same.result;
  const moved = entries.find((e) => e.defaultNamespace === place.defaultNamespace);
  if (moved === undefined) return undefined;
  const result = relocate(
    moved.result,
    place.file,
    place.documentIndex,
    place.lineOffset - moved.lineOffset,
  );
  entries.push({ ...place, result });
  return result;
}

export function storeDocument(
  cache: LoadCache,
  text: string,
  place: DocumentPlace,
  result: DocumentResult,
): void {
  const entries = cache.documents.get(text);
  if (entries === undefined) cache.documents.set(text, [{ ...place, result }]);
  else entries.push({ ...place, result });
}

/** A deep copy of a narrowed document with every Source moved to its new place. */
function relocate(
  result: DocumentResult,
  file: string,
  documentIndex: number,
  lineDelta: number,
): DocumentResult {
  const move = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(move);
    if (typeof value !== 'object' || value === null) return value;
    const record = value as Record<string, unknown>;
    if (isSource(record))
      return {
        file,
        documentIndex,
        line: record.line + lineDelta,
        column: record.column,
      } satisfies Source;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(record)) out[key] = move(record[key]);
    return out;
  };
  return move(result) as DocumentResult;
}

function isSource(value: Record<string, unknown>): value is Record<string, unknown> & Source {
  return (
    typeof value.file === 'string' &&
    typeof value.documentIndex === 'number' &&
    typeof value.line === 'number' &&
    typeof value.column === 'number'
  );
}
