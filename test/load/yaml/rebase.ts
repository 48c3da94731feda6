import type {
  ParsedDocument,
  Position,
  YamlNode,
  YamlProblem,
} from '../../../src/analysis/load/yaml/types.js';

/** A chunk's parse result with every line moved by `lineOffset`, as the loader will do. */
export function rebase(doc: ParsedDocument, lineOffset: number): ParsedDocument {
  const at = (pos: Position): Position => ({ line: pos.line + lineOffset, column: pos.column });
  const node = (n: YamlNode | null): YamlNode | null => {
    if (n === null) return null;
    if (n.type === 'scalar') return { ...n, pos: at(n.pos) };
    if (n.type === 'seq') return { ...n, pos: at(n.pos), items: n.items.map(node) };
    return {
      ...n,
      pos: at(n.pos),
      pairs: n.pairs.map((p) => ({ ...p, keyPos: at(p.keyPos), value: node(p.value) })),
    };
  };
  const problem = (p: YamlProblem): YamlProblem => ({ ...p, pos: at(p.pos) });
  return { root: node(doc.root), problems: doc.problems.map(problem) };
}
