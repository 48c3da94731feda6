import { parseNode } from './fast-block.js';
import { emptyScalar } from './fast-flow.js';
import { resetStacks } from './fast-pairs.js';
import { BOM, DOT, HASH, LF, Scanner, Unsupported, unsupported } from './fast-scanner.js';
import type { ParsedDocument, YamlNode } from './types.js';

/**
 * A position-tracking parser for the YAML that Kubernetes manifests and JSON dumps are written
 * in: block mappings and sequences, plain, quoted and block scalars, flow collections, comments,
 * and a leading `---`. Its result is identical to `parseWithYaml` (positions included) for every
 * document it accepts; it returns `null` for anything else (anchors, tags, explicit keys,
 * directives, duplicate keys, tabs as indentation, and every error), so the caller can fall back
 * to the reference and get its exact result and messages. It never reports problems itself.
 */
export function fastParse(text: string): ParsedDocument | null {
  try {
    return fastParseOrThrow(text);
  } catch {
    // Unsupported input, or a bug or a stack overflow: either way the reference decides.
    return null;
  }
}

/** `fastParse` without the safety net, for tests: only `Unsupported` becomes `null`. */
export function fastParseOrThrow(text: string): ParsedDocument | null {
  try {
    return { root: parseRoot(text), problems: [] };
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  } finally {
    resetStacks();
  }
}

function parseRoot(text: string): YamlNode | null {
  // Line ends are normalized by the splitter; raw CRs go to the reference.
  if (text.includes('\r')) unsupported();
  const s = new Scanner(text);
  s.nextContentLine(true);
  if (s.atEnd()) return null;
  // Before the document starts `yaml` drops a byte-order mark; inside it, U+FEFF is content.
  if (s.code(s.pos) === BOM) unsupported();
  let root: YamlNode;
  if (s.indent === 0 && s.atDocumentMarker()) {
    if (s.code(s.pos) === DOT) unsupported();
    s.pos += 3;
    s.skipInlineSpace();
    const c = s.code(s.pos);
    if (c === LF || c === HASH || c !== c) {
      const emptyPos = s.at(s.pos);
      s.finishLine();
      s.nextContentLine();
      root = s.atEnd() ? emptyScalar(emptyPos) : parseNode(s, -1, s.indent, true);
    } else {
      root = parseNode(s, -1, s.pos - s.lineStart, false);
    }
  } else {
    root = parseNode(s, -1, s.indent, true);
  }
  if (!s.atEnd()) unsupported();
  return root;
}
