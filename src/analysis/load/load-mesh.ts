import type { Diagnostic } from '../model/diagnostic.js';
import type { Mesh } from '../model/mesh.js';
import type { MeshSettingsOverrides } from '../model/mesh-settings.js';
import { compareSources, compareText } from '../model/source.js';
import { buildMesh, dropDuplicates, resolveMeshSettings } from './assemble.js';
import { lookupDocument, storeDocument } from './cache.js';
import type { LoadCache } from './cache.js';
import { loadDocumentText } from './load-document.js';
import type { DocumentCounts, DocumentResult, LoadedObject } from './load-document.js';
import type { MeshConfigFragment } from './narrow/mesh-config.js';
import { NarrowContext } from './narrow/context.js';
import { templateKind } from './templates.js';
import { normalizeText, splitDocuments } from './yaml/index.js';
import type { DocumentChunk } from './yaml/index.js';

/** A manifest file as the caller read it: the core never touches the file system. */
export interface InputFile {
  readonly path: string;
  readonly text: string;
}

export interface LoadOptions {
  /** Namespace for objects that do not name one; `default`, as kubectl applies them. */
  readonly defaultNamespace?: string;
  /** Mesh settings that beat whatever the manifests say. */
  readonly meshSettings?: MeshSettingsOverrides;
  /** Shared by the loads of a change's two sides: identical documents are narrowed once. */
  readonly cache?: LoadCache;
}

export interface LoadStats extends DocumentCounts {
  readonly files: number;
  readonly documents: number;
  readonly objects: number;
  /** Files that are not `.yaml`, `.yml` or `.json`. */
  readonly notManifests: number;
  /** Helm or Go template files, reported and not read. */
  readonly templates: number;
}

export interface LoadResult {
  readonly mesh: Mesh;
  /** Sorted by file, line and column. */
  readonly diagnostics: readonly Diagnostic[];
  readonly stats: LoadStats;
}

const MANIFEST = /\.(ya?ml|json)$/i;

/**
 * Reads manifests into the mesh model. Bad input becomes diagnostics with file and line; every
 * readable document is still modelled.
 */
export function loadMesh(files: readonly InputFile[], options: LoadOptions = {}): LoadResult {
  const defaultNamespace = options.defaultNamespace ?? 'default';
  const diagnostics: Diagnostic[] = [];
  const objects: LoadedObject[] = [];
  const fragments: MeshConfigFragment[] = [];
  const stats = {
    files: 0,
    documents: 0,
    objects: 0,
    notManifests: 0,
    templates: 0,
    notKubernetes: 0,
    notModelled: 0,
    rejected: 0,
  };
  const ordered = [...files].sort((a, b) => compareText(a.path, b.path));
  for (const file of ordered) {
    stats.files++;
    if (!MANIFEST.test(file.path)) {
      stats.notManifests++;
      continue;
    }
    const template = templateKind(file.path, file.text);
    if (template !== null) {
      stats.templates++;
      const ctx = new NarrowContext(file.path, 0, 0, diagnostics);
      ctx.report('MG004', { line: 1, column: 1 }, { tool: template === 'Helm' ? 'Helm' : 'Go' });
      continue;
    }
    for (const chunk of chunksOf(file)) {
      stats.documents++;
      const result = loadChunk(file.path, chunk, defaultNamespace, options.cache);
      diagnostics.push(...result.diagnostics);
      objects.push(...result.objects);
      fragments.push(...result.meshConfig);
      stats.notKubernetes += result.counts.notKubernetes;
      stats.notModelled += result.counts.notModelled;
      stats.rejected += result.counts.rejected;
    }
  }
  const unique = dropDuplicates(objects, diagnostics);
  const settings = resolveMeshSettings(fragments, options.meshSettings ?? {}, diagnostics);
  const mesh = buildMesh(unique, settings);
  stats.objects = unique.length;
  diagnostics.sort((a, b) => compareSources(a.at, b.at) || compareText(a.code, b.code));
  return { mesh, diagnostics, stats };
}

function loadChunk(
  file: string,
  chunk: DocumentChunk,
  defaultNamespace: string,
  cache: LoadCache | undefined,
): DocumentResult {
  const place = {
    file,
    documentIndex: chunk.index,
    lineOffset: chunk.lineOffset,
    defaultNamespace,
  };
  const cached = cache === undefined ? undefined : lookupDocument(cache, chunk.text, place);
  if (cached !== undefined) return cached;
  const sink: Diagnostic[] = [];
  const result = loadDocumentText(
    chunk.text,
    new NarrowContext(file, chunk.index, chunk.lineOffset, sink),
    defaultNamespace,
    sink,
  );
  if (cache !== undefined) storeDocument(cache, chunk.text, place, result);
  return result;
}

/** JSON is one document; YAML streams are cut at their `---` markers. */
function chunksOf(file: InputFile): readonly DocumentChunk[] {
  if (/\.json$/i.test(file.path))
    return [{ index: 0, text: normalizeText(file.text), lineOffset: 0 }];
  return splitDocuments(file.text) ?? [{ index: 0, text: normalizeText(file.text), lineOffset: 0 }];
}
