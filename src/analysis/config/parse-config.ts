import { isCode } from '../findings/catalogue.js';
import type { Code, Severity } from '../findings/catalogue.js';
import { normalizeText, parseYamlDocument } from '../load/yaml/index.js';
import type { Position, YamlNode } from '../load/yaml/types.js';
import type { AnalyzeOptions, IgnoreRule } from '../report/analyze-options.js';
import { PATTERNS } from './patterns.js';
import { parseCommands } from './commands.js';
import { parseMeshSettings } from './mesh-settings.js';
import { readPaths } from './paths.js';
import { ConfigReader, join } from './read-node.js';
import { parseRender } from './render.js';
import { DEFAULT_PATHS } from './types.js';
import type { CommentPolicy, FailOn, ParsedConfig, RenderCommand } from './types.js';
import { quote } from '../findings/quote.js';

const TOP_LEVEL = [
  'version',
  'paths',
  'render',
  'fail-on',
  'comment',
  'default-namespace',
  'mesh',
  'severity',
  'ignore',
  'protected',
  'sensitive-ports',
  'commands',
] as const;

const START: Position = { line: 1, column: 1 };

/**
 * Parses `.github/meshguard.yml`. Pure: the caller reads the file (from the base commit, so a
 * pull request cannot relax its own gate) and passes its text. Problems name the file, line and
 * field; anything invalid falls back to its default so callers can still report all problems.
 */
export function parseConfig(text: string, file: string): ParsedConfig {
  const reader = new ConfigReader(file);
  const parsed = parseYamlDocument(normalizeText(text));
  for (const problem of parsed.problems) {
    const message =
      problem.kind === 'duplicate-key'
        ? `key ${quote(problem.message)} appears twice in the same mapping`
        : problem.message;
    reader.report(problem.severity, '', problem.pos, message);
  }
  const root = parsed.root;
  if (root === null) return { config: defaults(), problems: reader.problems };
  const map = reader.map(root, '', START);
  if (map === undefined) return { config: defaults(), problems: reader.problems };
  const fields = reader.knownPairs(map, '', TOP_LEVEL);
  const field = (key: (typeof TOP_LEVEL)[number]) => fields.get(key);

  readOptional(field('version'), (v) =>
    reader.integer(v.node, 'version', v.pos, { min: 1, max: 1 }),
  );
  const render = readOptional(field('render'), (v) => parseRender(reader, v.node, v.pos)) ?? [];
  const paths =
    readOptional(field('paths'), (v) => readPaths(reader, v.node, 'paths', v.pos)) ??
    (render.length > 0 ? [] : DEFAULT_PATHS);
  const failOn = readOptional(field('fail-on'), (v) =>
    reader.oneOf<FailOn>(v.node, 'fail-on', v.pos, ['error', 'warning', 'never']),
  );
  const comment = readOptional(field('comment'), (v) =>
    reader.oneOf<CommentPolicy>(v.node, 'comment', v.pos, ['always', 'on-change', 'never']),
  );
  const defaultNamespace = readOptional(field('default-namespace'), (v) =>
    reader.string(v.node, 'default-namespace', v.pos, PATTERNS.dnsLabel),
  );
  const meshSettings = readOptional(field('mesh'), (v) => parseMeshSettings(reader, v.node, v.pos));
  const severities = readOptional(field('severity'), (v) => readSeverities(reader, v.node, v.pos));
  const ignores = readOptional(field('ignore'), (v) =>
    reader.list(v.node, 'ignore', v.pos, (node, name, pos) => readIgnore(reader, node, name, pos)),
  );
  const protectedWorkloads = readOptional(field('protected'), (v) =>
    reader.list(v.node, 'protected', v.pos, (node, name, pos) =>
      reader.string(node, name, pos, PATTERNS.workload),
    ),
  );

  const commands = readOptional(field('commands'), (v) => parseCommands(reader, v.node, v.pos));

  const sensitivePorts = readOptional(field('sensitive-ports'), (v) =>
    reader.list(v.node, 'sensitive-ports', v.pos, (node, name, pos) =>
      reader.integer(node, name, pos, { min: 1, max: 65535 }),
    ),
  );

  const analyze: AnalyzeOptions = {
    ...(failOn === undefined ? {} : { failOn }),
    ...(defaultNamespace === undefined ? {} : { defaultNamespace }),
    ...(meshSettings === undefined ? {} : { meshSettings }),
    ...(severities === undefined ? {} : { severities }),
    ...(ignores === undefined ? {} : { ignores }),
    ...(protectedWorkloads === undefined ? {} : { protectedWorkloads }),
    ...(sensitivePorts === undefined ? {} : { sensitivePorts }),
  };
  return {
    config: {
      paths,
      render,
      ...(comment === undefined ? {} : { comment }),
      ...(commands === undefined ? {} : { commands }),
      analyze,
    },
    problems: reader.problems,
  };
}

function defaults(): {
  paths: readonly string[];
  render: readonly RenderCommand[];
  analyze: AnalyzeOptions;
} {
  return { paths: DEFAULT_PATHS, render: [], analyze: {} };
}

function readOptional<T>(
  entry: { node: YamlNode | null; pos: Position } | undefined,
  read: (entry: { node: YamlNode | null; pos: Position }) => T | undefined,
): T | undefined {
  return entry === undefined ? undefined : read(entry);
}

function readSeverities(
  reader: ConfigReader,
  node: YamlNode | null,
  pos: Position,
): Partial<Record<Code, Severity | 'off'>> | undefined {
  const map = reader.map(node, 'severity', pos);
  if (map === undefined) return undefined;
  const out: Partial<Record<Code, Severity | 'off'>> = {};
  for (const pair of map.pairs) {
    const name = join('severity', pair.key);
    if (!PATTERNS.code.pattern.test(pair.key)) {
      reader.report(
        'error',
        name,
        pair.keyPos,
        `${quote(pair.key)} is not a meshguard code such as \`MG012\``,
      );
      continue;
    }
    const level = reader.oneOf(pair.value, name, pair.keyPos, [
      'error',
      'warning',
      'notice',
      'off',
    ]);
    if (level === undefined) continue;
    if (!isCode(pair.key)) {
      reader.report(
        'warning',
        name,
        pair.keyPos,
        `${quote(pair.key)} is not a code this version knows; the entry has no effect`,
      );
      continue;
    }
    out[pair.key] = level;
  }
  return out;
}

function readIgnore(
  reader: ConfigReader,
  node: YamlNode | null,
  field: string,
  pos: Position,
): IgnoreRule | undefined {
  const map = reader.map(node, field, pos);
  if (map === undefined) return undefined;
  const before = reader.problems.length;
  const fields = reader.knownPairs(map, field, ['code', 'id', 'object', 'reason', 'expires']);
  const read = (key: string, rule: { pattern: RegExp; expected: string }) => {
    const entry = fields.get(key);
    return entry === undefined
      ? undefined
      : reader.string(entry.node, join(field, key), entry.pos, rule);
  };
  const missing = ['code', 'reason'].filter((key) => !fields.has(key));
  for (const key of missing) {
    reader.report('error', join(field, key), map.pos, `${quote(join(field, key))} is required`);
  }
  const code = read('code', PATTERNS.code);
  const reason = read('reason', PATTERNS.text);
  const id = read('id', PATTERNS.text);
  const object = read('object', PATTERNS.object);
  const expires = read('expires', PATTERNS.date);
  // A rule with any invalid field is dropped whole: a mistyped `expires` must not become a
  // permanent ignore.
  if (reader.problems.slice(before).some((p) => p.severity === 'error')) return undefined;
  if (code === undefined || reason === undefined) return undefined;
  if (!isCode(code)) {
    reader.report(
      'warning',
      join(field, 'code'),
      fields.get('code')?.pos ?? map.pos,
      `${quote(code)} is not a code this version knows; the rule has no effect`,
    );
    return undefined;
  }
  return {
    code,
    reason,
    ...(id === undefined ? {} : { id }),
    ...(object === undefined ? {} : { object }),
    ...(expires === undefined ? {} : { expires }),
  };
}
