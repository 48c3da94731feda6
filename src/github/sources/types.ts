import type { PathMatcher } from '../../analysis/config/index.js';
import type { InputFile } from '../../analysis/index.js';
import { MAX_FILE_BYTES, TOO_LARGE_REASON } from '../../analysis/load/index.js';

/** One file at a ref, listed but not read yet. */
export interface ManifestEntry {
  /** The path reports and annotations use: relative to the repository root. */
  readonly path: string;
  /** What the two sides are compared by: the path, or the path inside a compared directory. */
  readonly key: string;
  /** Content identity (git blob id, or a content hash): equal ids mean equal bytes. */
  readonly id: string;
  /** Bytes, when the listing says. */
  readonly size: number | null;
}

export interface UnreadableFile {
  readonly path: string;
  readonly reason: string;
}

export interface ReadResult {
  readonly files: readonly InputFile[];
  readonly unreadable: readonly UnreadableFile[];
}

/**
 * The manifests of one side of a change. The git implementation reads the local clone without
 * touching the working tree; the API one reads trees and blobs by SHA; the directory one reads a
 * folder of the workspace (base and head rendered side by side, or the self-test's examples).
 */
export interface ManifestSource {
  readonly kind: 'git' | 'api' | 'directory';
  /** Files at `ref` (a commit SHA, or a directory) selected by `matcher`, sorted by path. */
  list(ref: string, matcher: PathMatcher): Promise<readonly ManifestEntry[]>;
  /** Reads listed files. Files that are too large or not UTF-8 are reported, never thrown. */
  read(entries: readonly ManifestEntry[]): Promise<ReadResult>;
}

export function tooLarge(path: string): UnreadableFile {
  return { path, reason: TOO_LARGE_REASON };
}

export function decodeUtf8(path: string, bytes: Uint8Array): InputFile | UnreadableFile {
  if (bytes.byteLength > MAX_FILE_BYTES) return tooLarge(path);
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { path, reason: 'not valid UTF-8 text' };
  }
}

export function splitRead(results: readonly (InputFile | UnreadableFile)[]): ReadResult {
  const files: InputFile[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const result of results) {
    if ('text' in result) files.push(result);
    else unreadable.push(result);
  }
  return { files, unreadable };
}
