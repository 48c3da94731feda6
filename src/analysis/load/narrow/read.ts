import type { Labels } from '../../model/kubernetes.js';
import type { Located } from '../../model/source.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar } from '../yaml/types.js';
import type { NarrowContext } from './context.js';

/**
 * Typed readers over parsed YAML. Each reports a diagnostic at the offending value and returns
 * `null` (or an empty value) instead of throwing, so one bad field never hides the rest.
 */

export function describeNode(node: YamlNode | null): string {
  if (node === null) return 'empty';
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  if (node.value === null) return 'null';
  if (typeof node.value === 'string') return 'a string';
  return `the ${typeof node.value} ${String(node.value)}`;
}

export function pairOf(map: YamlMap, key: string): YamlPair | undefined {
  // Maps are small (a handful of keys); a linear scan beats building an index.
  for (const pair of map.pairs) if (pair.key === key) return pair;
  return undefined;
}

export function valueOf(map: YamlMap, key: string): YamlNode | null | undefined {
  return pairOf(map, key)?.value;
}

function wrongType(ctx: NarrowContext, node: YamlNode | null, fallbackPos: YamlNode['pos'], field: string, expected: string): null {
  ctx.report('MG009', node?.pos ?? fallbackPos, { field, expected, actual: describeNode(node) });
  return null;
}

/** A mapping, or `null` (absent or `key:` with nothing: both mean "not set"). */
export function readMap(ctx: NarrowContext, parent: YamlMap, key: string, field: string): YamlMap | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  if (pair.value.type === 'map') return pair.value;
  return wrongType(ctx, pair.value, pair.keyPos, field, 'a mapping');
}

export function readList(ctx: NarrowContext, parent: YamlMap, key: string, field: string): readonly (YamlNode | null)[] | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  if (pair.value.type === 'seq') return pair.value.items;
  return wrongType(ctx, pair.value, pair.keyPos, field, 'a list');
}

export function scalarString(node: YamlNode | null): string | null {
  return node?.type === 'scalar' && typeof node.value === 'string' ? node.value : null;
}

/**
 * A string field. Plain scalars that YAML types as numbers or booleans are type errors for the
 * API server, which is why `version: 1` in a label is rejected.
 */
export function asString(ctx: NarrowContext, node: YamlNode | null, field: string, fallbackPos: YamlNode['pos']): Located<string> | null {
  if (node?.type === 'scalar' && typeof node.value === 'string') {
    return { value: node.value, at: ctx.at(node.pos) };
  }
  return wrongType(ctx, node, fallbackPos, field, 'a string');
}

export function readString(ctx: NarrowContext, parent: YamlMap, key: string, field: string): Located<string> | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  return asString(ctx, pair.value, field, pair.keyPos);
}

export function readStringList(ctx: NarrowContext, parent: YamlMap, key: string, field: string): Located<string>[] | null {
  const items = readList(ctx, parent, key, field);
  if (items === null) return null;
  const values: Located<string>[] = [];
  const pos = pairOf(parent, key)?.keyPos ?? parent.pos;
  items.forEach((item, index) => {
    const value = asString(ctx, item, `${field}[${index}]`, item?.pos ?? pos);
    if (value !== null) values.push(value);
  });
  return values;
}

export function readBoolean(ctx: NarrowContext, parent: YamlMap, key: string, field: string): boolean | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  if (pair.value.type === 'scalar' && typeof pair.value.value === 'boolean') return pair.value.value;
  return wrongType(ctx, pair.value, pair.keyPos, field, 'true or false');
}

/** An integer in a range; numeric strings are rejected like the API server rejects them. */
export function asInteger(ctx: NarrowContext, node: YamlNode | null, field: string, fallbackPos: YamlNode['pos'], min: number, max: number): number | null {
  if (node?.type === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value)) {
    if (node.value >= min && node.value <= max) return node.value;
    ctx.report('MG016', node.pos, { field, value: String(node.value), reason: `must be between ${min} and ${max}` });
    return null;
  }
  return wrongType(ctx, node, fallbackPos, field, 'an integer');
}

export function readInteger(ctx: NarrowContext, parent: YamlMap, key: string, field: string, min: number, max: number): number | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  return asInteger(ctx, pair.value, field, pair.keyPos, min, max);
}

/** `map[string]string` such as labels, annotations and matchLabels. */
export function readLabels(ctx: NarrowContext, parent: YamlMap, key: string, field: string): Labels {
  const map = readMap(ctx, parent, key, field);
  if (map === null) return {};
  const labels: Record<string, string> = {};
  for (const pair of map.pairs) {
    const value = pair.value === null ? { value: '', at: ctx.at(pair.keyPos) } : asString(ctx, pair.value, `${field}.${pair.key}`, pair.keyPos);
    if (value !== null) labels[pair.key] = value.value;
  }
  return labels;
}

/** Reports every key of `map` that is not in `known` as an unknown field. */
export function checkFields(ctx: NarrowContext, map: YamlMap, known: ReadonlySet<string>, field: string, kind: string): void {
  for (const pair of map.pairs) {
    if (!known.has(pair.key)) ctx.report('MG010', pair.keyPos, { field: field === '' ? pair.key : `${field}.${pair.key}`, kind });
  }
}

export function isScalarText(node: YamlNode | null): node is YamlScalar {
  return node?.type === 'scalar';
}
