import type { Position, YamlNode } from '../load/yaml/types.js';
import { join } from './read-node.js';
import type { ConfigReader } from './read-node.js';
import { DEFAULT_COMMANDS, REPOSITORY_ROLES } from './types.js';
import type { CommandsConfig } from './types.js';

const FIELDS = ['enabled', 'permission', 'allow-author', 'rerun-permission', 'rate-limit'] as const;

/** `commands:`: who may run `/mesh` commands; unwritten fields keep their defaults. */
export function parseCommands(
  reader: ConfigReader,
  node: YamlNode | null,
  pos: Position,
): CommandsConfig | undefined {
  const map = reader.map(node, 'commands', pos);
  if (map === undefined) return undefined;
  const fields = reader.knownPairs(map, 'commands', FIELDS);
  const read = <T>(
    key: (typeof FIELDS)[number],
    parse: (node: YamlNode | null, field: string, pos: Position) => T | undefined,
  ): T | undefined => {
    const entry = fields.get(key);
    return entry === undefined ? undefined : parse(entry.node, join('commands', key), entry.pos);
  };
  const role = (n: YamlNode | null, field: string, p: Position) =>
    reader.oneOf(n, field, p, REPOSITORY_ROLES);
  return {
    enabled: read('enabled', (n, f, p) => reader.boolean(n, f, p)) ?? DEFAULT_COMMANDS.enabled,
    permission: read('permission', role) ?? DEFAULT_COMMANDS.permission,
    allowAuthor:
      read('allow-author', (n, f, p) => reader.boolean(n, f, p)) ?? DEFAULT_COMMANDS.allowAuthor,
    rerunPermission: read('rerun-permission', role) ?? DEFAULT_COMMANDS.rerunPermission,
    rateLimit:
      read('rate-limit', (n, f, p) => reader.integer(n, f, p, { min: 1, max: 100 })) ??
      DEFAULT_COMMANDS.rateLimit,
  };
}
