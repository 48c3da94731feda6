export { loadMesh } from './load-mesh.js';
export type { InputFile, LoadOptions, LoadResult, LoadStats } from './load-mesh.js';
export { createLoadCache } from './cache.js';
export type { LoadCache } from './cache.js';
export { withObjects } from './assemble.js';
export { MAX_FILE_BYTES, TOO_LARGE_REASON } from './limits.js';
