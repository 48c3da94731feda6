/** The public surface of the analysis core. */
export { loadMesh } from './load/index.js';
export type { InputFile, LoadOptions, LoadResult } from './load/index.js';
export { analyzeChange } from './report/analyze-change.js';
export type { ChangeInput } from './report/analyze-change.js';
export type { AnalyzeOptions, IgnoreRule } from './report/analyze-options.js';
export type * from './report/types.js';
export type { Finding } from './findings/finding.js';
export { catalogue } from './findings/catalogue.js';
export type { Code, Severity } from './findings/catalogue.js';
