import type { Position, YamlNode } from '../load/yaml/types.js';
import type { MeshSettingsOverrides } from '../model/mesh-settings.js';
import { PATTERNS } from './patterns.js';
import { join } from './read-node.js';
import type { ConfigReader } from './read-node.js';
import { quote } from '../findings/quote.js';

const KNOWN = [
  'rootNamespace',
  'trustDomain',
  'trustDomainAliases',
  'enableAutoMtls',
  'outboundTrafficPolicy',
  'extensionProviders',
] as const;

/**
 * `mesh:` takes MeshConfig's own field names and shapes (`outboundTrafficPolicy.mode`,
 * `extensionProviders[].name`), so a team can paste the relevant part of its `meshConfig`. Fields
 * meshguard does not read are accepted with a warning for the same reason.
 */
export function parseMeshSettings(
  reader: ConfigReader,
  node: YamlNode | null,
  pos: Position,
): MeshSettingsOverrides | undefined {
  const map = reader.map(node, 'mesh', pos);
  if (map === undefined) return undefined;
  let out: MeshSettingsOverrides = {};
  for (const pair of map.pairs) {
    const field = join('mesh', pair.key);
    const key = KNOWN.find((k) => k === pair.key);
    if (key === undefined) {
      reader.report('warning', field, pair.keyPos, `${quote(field)} is not read by meshguard`);
      continue;
    }
    const value = readSetting(reader, key, pair.value, field, pair.keyPos);
    if (value !== undefined) out = { ...out, [key]: value };
  }
  return out;
}

function readSetting(
  reader: ConfigReader,
  key: (typeof KNOWN)[number],
  node: YamlNode | null,
  field: string,
  pos: Position,
): MeshSettingsOverrides[keyof MeshSettingsOverrides] | undefined {
  switch (key) {
    case 'rootNamespace':
      return reader.string(node, field, pos, PATTERNS.dnsLabel);
    case 'trustDomain':
      return reader.string(node, field, pos, PATTERNS.text);
    case 'trustDomainAliases':
      return reader.list(node, field, pos, (item, name, itemPos) =>
        reader.string(item, name, itemPos, PATTERNS.text),
      );
    case 'enableAutoMtls':
      return reader.boolean(node, field, pos);
    case 'outboundTrafficPolicy':
      return readOutboundMode(reader, node, field, pos);
    case 'extensionProviders':
      return reader.list(node, field, pos, (item, name, itemPos) => {
        const provider = reader.map(item, name, itemPos);
        if (provider === undefined) return undefined;
        const entry = provider.pairs.find((p) => p.key === 'name');
        if (entry === undefined) {
          return reader.report(
            'error',
            join(name, 'name'),
            provider.pos,
            `${quote(join(name, 'name'))} is required`,
          );
        }
        return reader.string(entry.value, join(name, 'name'), entry.keyPos, PATTERNS.text);
      });
  }
}

function readOutboundMode(
  reader: ConfigReader,
  node: YamlNode | null,
  field: string,
  pos: Position,
): 'ALLOW_ANY' | 'REGISTRY_ONLY' | undefined {
  const map = reader.map(node, field, pos);
  if (map === undefined) return undefined;
  let mode: 'ALLOW_ANY' | 'REGISTRY_ONLY' | undefined;
  for (const pair of map.pairs) {
    const name = join(field, pair.key);
    if (pair.key !== 'mode') {
      reader.report('warning', name, pair.keyPos, `${quote(name)} is not read by meshguard`);
      continue;
    }
    mode = reader.oneOf(pair.value, name, pair.keyPos, ['ALLOW_ANY', 'REGISTRY_ONLY']);
  }
  return mode;
}
