export { parseWithYaml as parseYamlDocument, MAX_ALIAS_EXPANSION } from './parse-with-yaml.js';
export { splitDocuments, normalizeText } from './split-documents.js';
export type * from './types.js';
