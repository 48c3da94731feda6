import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type {
  Document,
  DocumentOptions,
  Node as YNode,
  Pair,
  ParseOptions,
  SchemaOptions,
} from 'yaml';
import type {
  ParsedDocument,
  Position,
  YamlMap,
  YamlNode,
  YamlPair,
  YamlProblem,
  YamlScalar,
} from './types.js';

/** Nodes that alias expansion may add to one document before the document is rejected. */
export const MAX_ALIAS_EXPANSION = 10_000;

class AliasLimitError extends Error {}

/** The options every use of the `yaml` package here parses with. */
export const YAML_OPTIONS: Readonly<ParseOptions & DocumentOptions & SchemaOptions> = {
  merge: true,
  uniqueKeys: false,
  prettyErrors: false,
  strict: true,
  version: '1.2',
};

/**
 * Parses one YAML document with the `yaml` package: the reference implementation, used for
 * anything the fast path does not handle and for every document with an error, because its
 * messages name the exact line and column.
 */
export function parseWithYaml(text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  return convertDocument(doc, lineCounter);
}

/**
 * A `yaml` document as a `ParsedDocument`, positions from `lineCounter` (which must have seen
 * the text the document came from, e.g. a whole stream read with `parseAllDocuments`).
 */
export function convertDocument(doc: Document, lineCounter: LineCounter): ParsedDocument {
  const problems: YamlProblem[] = [];
  const position = (offset: number | undefined): Position => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  for (const error of doc.errors) {
    problems.push({
      severity: 'error',
      kind: 'syntax',
      message: firstLine(error.message),
      pos: position(error.pos[0]),
    });
  }
  if (problems.length > 0) return { root: null, problems };
  for (const warning of doc.warnings) {
    problems.push({
      severity: 'warning',
      kind: 'unsupported',
      message: firstLine(warning.message),
      pos: position(warning.pos[0]),
    });
  }
  const converter = new Converter(doc, position, problems);
  try {
    const root = converter.convert(doc.contents as YNode | null);
    return { root, problems };
  } catch (error) {
    if (!(error instanceof AliasLimitError)) throw error;
    problems.push({
      severity: 'error',
      kind: 'alias-limit',
      message: `aliases expand to more than ${MAX_ALIAS_EXPANSION} nodes`,
      pos: { line: 1, column: 1 },
    });
    return { root: null, problems };
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

class Converter {
  private expanded = 0;
  /** Alias targets being expanded: an alias to one of its own ancestors never ends. */
  private readonly expanding = new Set<YNode>();

  constructor(
    private readonly doc: Document,
    private readonly position: (offset: number | undefined) => Position,
    private readonly problems: YamlProblem[],
  ) {}

  convert(node: YNode | null | undefined, viaAlias = false): YamlNode | null {
    if (node === null || node === undefined) return null;
    if (viaAlias && ++this.expanded > MAX_ALIAS_EXPANSION) throw new AliasLimitError();
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YNode | undefined;
      if (target === undefined) return null;
      if (this.expanding.has(target)) throw new AliasLimitError();
      this.expanding.add(target);
      try {
        return this.convert(target, true);
      } finally {
        this.expanding.delete(target);
      }
    }
    if (isScalar(node)) return this.scalar(node.value, node.type === 'PLAIN', node.range?.[0]);
    if (isSeq(node)) {
      return {
        type: 'seq',
        pos: this.position(node.range?.[0]),
        items: node.items.map((item) => this.convert(item as YNode, viaAlias)),
      };
    }
    if (isMap(node)) return this.map(node.items as Pair[], node.range?.[0], viaAlias);
    return null;
  }

  private scalar(value: unknown, plain: boolean, offset: number | undefined): YamlScalar {
    const pos = this.position(offset);
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
      return { type: 'scalar', value, plain, pos };
    }
    if (typeof value === 'number') return { type: 'scalar', value, plain, pos };
    // Binary, sets, timestamps (YAML 1.1 tags): keep their text form.
    return { type: 'scalar', value: String(value), plain: false, pos };
  }

  private map(items: readonly Pair[], offset: number | undefined, viaAlias: boolean): YamlMap {
    const pairs: YamlPair[] = [];
    const indexByKey = new Map<string, number>();
    const add = (pair: YamlPair, merged: boolean): void => {
      const existing = indexByKey.get(pair.key);
      if (existing === undefined) {
        indexByKey.set(pair.key, pairs.length);
        pairs.push(pair);
        return;
      }
      // Merged keys never override keys written in the mapping itself (YAML merge key spec).
      if (merged) return;
      this.problems.push({
        severity: 'error',
        kind: 'duplicate-key',
        message: pair.key,
        pos: pair.keyPos,
      });
      pairs[existing] = pair;
    };
    const merges: YamlMap[] = [];
    for (const item of items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YNode | null;
      if (isScalar(keyNode) && keyNode.source === '<<' && keyNode.type === 'PLAIN') {
        merges.push(...this.mergeSources(item.value as YNode | null, viaAlias));
        continue;
      }
      const key = this.keyOf(keyNode);
      if (key === null) continue;
      add(
        {
          key,
          keyPos: this.position(keyNode?.range?.[0] ?? undefined),
          value: this.convert(item.value as YNode | null, viaAlias),
        },
        false,
      );
    }
    for (const source of merges) for (const pair of source.pairs) add(pair, true);
    return { type: 'map', pos: this.position(offset), pairs };
  }

  private mergeSources(value: YNode | null, viaAlias: boolean): YamlMap[] {
    const converted = this.convert(value, viaAlias);
    if (converted?.type === 'map') return [converted];
    if (converted?.type === 'seq') {
      return converted.items.filter((item): item is YamlMap => item?.type === 'map');
    }
    return [];
  }

  private keyOf(node: YNode | null): string | null {
    if (node === null) return '';
    if (isScalar(node)) return node.value === null ? '' : String(node.value);
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YNode | undefined;
      return target === undefined ? null : this.keyOf(target);
    }
    this.problems.push({
      severity: 'warning',
      kind: 'unsupported',
      message: 'complex mapping keys are not supported; the entry is ignored',
      pos: this.position(node.range?.[0]),
    });
    return null;
  }
}
