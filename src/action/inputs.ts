import { DEFAULT_CONFIG_PATH, globProblem } from '../analysis/config/index.js';
import type { CommentPolicy, FailOn } from '../analysis/config/index.js';
import type { SourceChoice } from '../github/comparison.js';
import { ConfigError } from '../github/errors.js';
import { quote } from '../analysis/findings/quote.js';

/** Every input declared in action.yml; a test keeps the two lists equal. */
export const INPUT_NAMES = [
  'github-token',
  'config',
  'paths',
  'fail-on',
  'comment',
  'check-name',
  'mode',
  'report-json',
  'base-dir',
  'head-dir',
  'source',
  'fetch',
] as const;

export type InputName = (typeof INPUT_NAMES)[number];

export interface ActionInputs {
  readonly githubToken: string;
  readonly configPath: string;
  /** Overrides the configuration's `paths`; null when the input is empty. */
  readonly paths: readonly string[] | null;
  readonly failOn: FailOn | null;
  readonly comment: CommentPolicy | null;
  readonly checkName: string;
  readonly mode: 'review' | 'analyze' | 'publish';
  /** review: where to write the report file; publish: the artifact's report file to post. */
  readonly reportJson: string | null;
  readonly directories: { readonly base: string; readonly head: string } | null;
  readonly source: SourceChoice;
  readonly fetch: boolean;
}

/**
 * One reader per input, keyed by name: adding an input to INPUT_NAMES without reading it here
 * does not compile. Raw values arrive trimmed, '' when unset.
 */
const READERS: { readonly [K in InputName]: (raw: string) => unknown } = {
  'github-token': (raw) => raw,
  config: (raw) => raw || DEFAULT_CONFIG_PATH,
  paths: (raw) => {
    const patterns = raw
      .split(/[\n,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    for (const pattern of patterns) {
      const problem = globProblem(pattern);
      if (problem !== null) throw new ConfigError(`input \`paths\`: ${quote(pattern)}: ${problem}`);
    }
    return patterns.length === 0 ? null : patterns;
  },
  'fail-on': (raw) => choice('fail-on', raw, ['error', 'warning', 'never']),
  comment: (raw) => choice('comment', raw, ['always', 'on-change', 'never']),
  'check-name': (raw) => {
    if (raw.length > 100) throw new ConfigError('input `check-name` is longer than 100 characters');
    return raw || 'meshguard';
  },
  mode: (raw) => choice('mode', raw, ['review', 'analyze', 'publish']) ?? 'review',
  'report-json': (raw) => raw || null,
  'base-dir': (raw) => raw || null,
  'head-dir': (raw) => raw || null,
  source: (raw) => choice('source', raw, ['auto', 'git', 'api']) ?? 'auto',
  fetch: (raw) => {
    if (raw === '' || raw === 'false') return false;
    if (raw === 'true') return true;
    throw new ConfigError(`input \`fetch\` must be true or false, not ${quote(raw)}`);
  },
};

export function parseInputs(get: (name: InputName) => string): ActionInputs {
  const read = <T>(name: InputName): T => READERS[name](get(name).trim()) as T;
  const base = read<string | null>('base-dir');
  const head = read<string | null>('head-dir');
  if ((base === null) !== (head === null)) {
    throw new ConfigError('inputs `base-dir` and `head-dir` go together: set both or neither');
  }
  const inputs: ActionInputs = {
    githubToken: read('github-token'),
    configPath: read('config'),
    paths: read('paths'),
    failOn: read('fail-on'),
    comment: read('comment'),
    checkName: read('check-name'),
    mode: read('mode'),
    reportJson: read('report-json'),
    directories: base === null || head === null ? null : { base, head },
    source: read('source'),
    fetch: read('fetch'),
  };
  if (inputs.githubToken === '') {
    throw new ConfigError(
      'input `github-token` is empty: leave it unset to use the workflow token',
    );
  }
  if (inputs.mode === 'publish' && inputs.reportJson === null) {
    throw new ConfigError(
      'mode: publish needs `report-json`: the path of the downloaded report file',
    );
  }
  return inputs;
}

function choice<T extends string>(name: string, raw: string, values: readonly T[]): T | null {
  if (raw === '') return null;
  if ((values as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(
    `input ${quote(name)} must be one of ${values.join(', ')}, not ${quote(raw)}`,
  );
}
