import { fastParse } from './fast-parse.js';
import { parseWithYaml } from './parse-with-yaml.js';
import type { ParsedDocument } from './types.js';

export { parseWithYaml, MAX_ALIAS_EXPANSION } from './parse-with-yaml.js';
export { splitDocuments, normalizeText } from './split-documents.js';
export type * from './types.js';

/**
 * Parses one YAML document (one chunk from `splitDocuments`, or a whole JSON file): the fast
 * parser when the document stays within the subset it handles, otherwise the `yaml` package,
 * whose result the fast parser reproduces exactly. Documents with errors always go through the
 * reference, so messages and positions come from it.
 */
export function parseYamlDocument(text: string): ParsedDocument {
  return fastParse(text) ?? parseWithYaml(text);
}
