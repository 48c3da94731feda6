/** `.github/meshguard.yml`: parsed and checked without I/O; the adapters read the file. */
export { parseConfig } from './parse-config.js';
export { compileGlobs, globProblem } from './glob.js';
export { namespaceProblem } from './patterns.js';
export type { PathMatcher } from './glob.js';
export { splitCommand } from './render.js';
export {
  DEFAULT_COMMANDS,
  DEFAULT_CONFIG_PATH,
  DEFAULT_PATHS,
  DEFAULT_RENDER_TIMEOUT_SECONDS,
  REPOSITORY_ROLES,
} from './types.js';
export type {
  CommandsConfig,
  CommentPolicy,
  ConfigProblem,
  FailOn,
  MeshguardConfig,
  ParsedConfig,
  RenderCommand,
  RepositoryRole,
} from './types.js';
