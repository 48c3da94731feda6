export { loadMesh } from './load-mesh.js';
export type { InputFile, LoadOptions, LoadResult, LoadStats } from './load-mesh.js';
