import type { AnalyzeOptions } from '../report/analyze-options.js';

/** The file the Action and the App read by default. */
export const DEFAULT_CONFIG_PATH = '.github/meshguard.yml';

/**
 * Files read when neither the configuration nor the Action's `paths` input says otherwise: every
 * YAML file, as `meshguard validate .` would, minus directories that hold vendored code.
 */
export const DEFAULT_PATHS: readonly string[] = [
  '**/*.{yaml,yml}',
  '!**/node_modules/**',
  '!**/vendor/**',
  '!**/.terraform/**',
];

export type FailOn = NonNullable<AnalyzeOptions['failOn']>;
export type CommentPolicy = 'always' | 'on-change' | 'never';

/** A command that prints manifests (`kustomize build overlays/prod`), run on each side. */
export interface RenderCommand {
  /** Names the rendered input in reports: `rendered/<name>.yaml`. */
  readonly name: string;
  /** Program and arguments; run without a shell. */
  readonly argv: readonly string[];
  /** Files the command reads: a change to any of them means the mesh may have changed. */
  readonly paths: readonly string[];
  readonly timeoutSeconds: number;
}

/** GitHub's repository roles, weakest first (`role_name` of the collaborator-permission API). */
export const REPOSITORY_ROLES = ['read', 'triage', 'write', 'maintain', 'admin'] as const;
export type RepositoryRole = (typeof REPOSITORY_ROLES)[number];

/** Who may run `/mesh` commands, and how often (`commands:`). */
export interface CommandsConfig {
  /** False: the App and the Action ignore `/mesh` comments. */
  readonly enabled: boolean;
  /** Least role for `explain` and `help` (read-only commands). */
  readonly permission: RepositoryRole;
  /** The pull request's author may run `explain` and `help` whatever their role. */
  readonly allowAuthor: boolean;
  /** Least role for `rerun`, which writes a check run and the comment; the author is not enough. */
  readonly rerunPermission: RepositoryRole;
  /** Commands per person per pull request per 10 minutes; the App counts them in memory. */
  readonly rateLimit: number;
}

export const DEFAULT_COMMANDS: CommandsConfig = {
  enabled: true,
  permission: 'write',
  allowAuthor: true,
  rerunPermission: 'write',
  rateLimit: 6,
};

/** `.github/meshguard.yml`, parsed and checked. */
export interface MeshguardConfig {
  /** Globs of manifest files analysed as they are (see `glob.ts` for the dialect). */
  readonly paths: readonly string[];
  readonly render: readonly RenderCommand[];
  readonly comment?: CommentPolicy;
  /** `/mesh` commands; `DEFAULT_COMMANDS` when not written. */
  readonly commands?: CommandsConfig;
  /** What the analysis core needs; `today` is filled in by the adapter that owns a clock. */
  readonly analyze: AnalyzeOptions;
}

/** A problem in the configuration file, with the field it is about and where it was written. */
export interface ConfigProblem {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** `ignore[2].reason`; empty for the document itself. */
  readonly field: string;
  readonly message: string;
}

export interface ParsedConfig {
  /** Defaults for anything missing or invalid; callers refuse to run when `problems` has errors. */
  readonly config: MeshguardConfig;
  readonly problems: readonly ConfigProblem[];
}

export const DEFAULT_RENDER_TIMEOUT_SECONDS = 300;
