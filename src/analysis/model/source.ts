/**
 * Provenance: where a model object or field came from. Lines and columns are 1-based, as editors
 * and GitHub annotations count them.
 */
export interface Source {
  readonly file: string;
  /** 0-based index of the YAML document inside the file. */
  readonly documentIndex: number;
  readonly line: number;
  readonly column: number;
}

/** A value read from a manifest, with the position of the value itself. */
export interface Located<T> {
  readonly value: T;
  readonly at: Source;
}

/** Identity of a Kubernetes object: never its file or document order. */
export interface ResourceRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export function formatRef(ref: ResourceRef): string {
  return ref.namespace === '' ? `${ref.kind} ${ref.name}` : `${ref.kind} ${ref.namespace}/${ref.name}`;
}

export function refKey(ref: ResourceRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

export function formatSource(source: Source): string {
  return `${source.file}:${source.line}:${source.column}`;
}

/** Orders sources by file, then line, then column: the order a reader meets them. */
export function compareSources(a: Source, b: Source): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
