/**
 * A YAML document reduced to what the loader needs: values and the positions they were written
 * at. Positions are relative to the start of the document text that was parsed (line 1 is the
 * document's first line); the loader rebases them onto the file.
 */
export interface Position {
  /** 1-based line within the parsed text. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export type YamlScalarValue = string | number | boolean | null;

export interface YamlScalar {
  readonly type: 'scalar';
  readonly value: YamlScalarValue;
  /**
   * True when the scalar was written without quotes and not as a block scalar. Plain scalars are
   * typed by the YAML 1.2 core schema; Kubernetes' YAML 1.1 reader reads `yes`/`on` as booleans,
   * so narrowing checks `plain` before trusting a string.
   */
  readonly plain: boolean;
  readonly pos: Position;
}

export interface YamlPair {
  /** Keys are always strings: `8080:` becomes "8080", as Kubernetes' JSON conversion does. */
  readonly key: string;
  readonly keyPos: Position;
  /**
   * An empty value (`key:` with nothing after it, `{key: }`) is a plain scalar whose value is
   * `null`, placed right after the `:` and the blanks that follow it, as `yaml` composes it.
   * `null` itself only appears for a flow-mapping key written without `:` (`{key}`).
   */
  readonly value: YamlNode | null;
}

export interface YamlMap {
  readonly type: 'map';
  readonly pairs: readonly YamlPair[];
  readonly pos: Position;
}

export interface YamlSeq {
  readonly type: 'seq';
  readonly items: readonly (YamlNode | null)[];
  readonly pos: Position;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export interface YamlProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly pos: Position;
  /** Which kind of problem: drives the diagnostic code the loader reports. */
  readonly kind: 'syntax' | 'duplicate-key' | 'alias-limit' | 'unsupported';
}

export interface ParsedDocument {
  /**
   * `null` for a document without content (empty or only comments). A document that is just a
   * `---` marker (possibly with comments) has a plain null scalar placed after the marker.
   */
  readonly root: YamlNode | null;
  readonly problems: readonly YamlProblem[];
}

/** One document of a multi-document stream, cut out of the file text. */
export interface DocumentChunk {
  /** 0-based index within the file. */
  readonly index: number;
  /** The document text, with LF line endings and no BOM. */
  readonly text: string;
  /** Lines before this chunk in the file: add it to a chunk-relative line to get the file line. */
  readonly lineOffset: number;
}
