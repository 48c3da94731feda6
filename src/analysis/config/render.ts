import type { Position, YamlNode } from '../load/yaml/types.js';
import { readPaths } from './paths.js';
import { PATTERNS } from './patterns.js';
import { join } from './read-node.js';
import type { ConfigReader } from './read-node.js';
import { DEFAULT_RENDER_TIMEOUT_SECONDS } from './types.js';
import type { RenderCommand } from './types.js';
import { quote } from '../findings/quote.js';

const NAME = {
  pattern: /^[a-z0-9][a-z0-9._-]*$/,
  expected: 'lowercase letters, digits, `.`, `_` or `-`',
};

/** `render:` entries: commands that print manifests, run on each side of the change. */
export function parseRender(
  reader: ConfigReader,
  node: YamlNode | null,
  pos: Position,
): RenderCommand[] | undefined {
  const commands = reader.list(node, 'render', pos, (item, field, itemPos) =>
    readCommand(reader, item, field, itemPos),
  );
  if (commands === undefined) return undefined;
  const seen = new Set<string>();
  return commands.filter((command, index) => {
    if (!seen.has(command.name)) {
      seen.add(command.name);
      return true;
    }
    const at = node?.type === 'seq' ? (node.items[index]?.pos ?? pos) : pos;
    reader.report(
      'error',
      `render[${index}].name`,
      at,
      `the name ${quote(command.name)} is used twice`,
    );
    return false;
  });
}

function readCommand(
  reader: ConfigReader,
  node: YamlNode | null,
  field: string,
  pos: Position,
): RenderCommand | undefined {
  const map = reader.map(node, field, pos);
  if (map === undefined) return undefined;
  const before = reader.problems.length;
  const fields = reader.knownPairs(map, field, ['name', 'command', 'paths', 'timeout-seconds']);
  for (const key of ['name', 'command', 'paths'].filter((k) => !fields.has(k))) {
    reader.report('error', join(field, key), map.pos, `${quote(join(field, key))} is required`);
  }
  const name = fields.get('name');
  const command = fields.get('command');
  const paths = fields.get('paths');
  const timeout = fields.get('timeout-seconds');
  const value = {
    name: name && reader.string(name.node, join(field, 'name'), name.pos, NAME),
    argv: command && readArgv(reader, command.node, join(field, 'command'), command.pos),
    paths: paths && readPaths(reader, paths.node, join(field, 'paths'), paths.pos),
    timeoutSeconds:
      timeout === undefined
        ? DEFAULT_RENDER_TIMEOUT_SECONDS
        : reader.integer(timeout.node, join(field, 'timeout-seconds'), timeout.pos, {
            min: 1,
            max: 3600,
          }),
  };
  if (reader.problems.slice(before).some((p) => p.severity === 'error')) return undefined;
  const { name: n, argv, paths: p, timeoutSeconds } = value;
  if (n === undefined || argv === undefined || p === undefined || timeoutSeconds === undefined) {
    return undefined;
  }
  return { name: n, argv, paths: p, timeoutSeconds };
}

function readArgv(
  reader: ConfigReader,
  node: YamlNode | null,
  field: string,
  pos: Position,
): string[] | undefined {
  if (node?.type === 'seq') {
    const argv = reader.list(node, field, pos, (item, name, itemPos) =>
      reader.string(item, name, itemPos, PATTERNS.text),
    );
    if (argv?.length === 0)
      return reader.report('error', field, node.pos, `${quote(field)} is empty`);
    return argv;
  }
  const text = reader.string(node, field, pos, PATTERNS.text);
  if (text === undefined) return undefined;
  const argv = splitCommand(text);
  if (argv === null) {
    return reader.report('error', field, node?.pos ?? pos, `${quote(field)} has an unclosed quote`);
  }
  return argv;
}

/**
 * Splits `kustomize build "overlays/prod env"` into words. Quotes group; there is no shell, so
 * no pipes, globbing, variables or redirection: a command that needs them belongs in a script
 * in the repository.
 */
export function splitCommand(text: string): string[] | null {
  const words: string[] = [];
  let current: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) quote = null;
      else current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      current ??= '';
    } else if (/\s/.test(ch)) {
      if (current !== null) words.push(current);
      current = null;
    } else current = (current ?? '') + ch;
  }
  if (quote !== null) return null;
  if (current !== null) words.push(current);
  return words;
}
