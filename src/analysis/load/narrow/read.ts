import type { Labels } from '../../model/kubernetes.js';
import type { Located } from '../../model/source.js';
import type { YamlMap, YamlNode, YamlPair, YamlScalar } from '../yaml/types.js';
import type { NarrowContext } from './context.js';
import { quote } from '../../findings/quote.js';

/**
 * Typed readers over parsed YAML. Each reports a diagnostic at the offending value and returns
 * `null` (or an empty value) instead of throwing, so one bad field never hides the rest.
 */

export function describeNode(node: YamlNode | null): string {
  if (node === null) return 'empty';
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'seq') return 'a list';
  if (node.value === null) return 'null';
  if (isYaml11Boolean(node))
    return `${quote(String(node.value))}, a boolean to Kubernetes' YAML 1.1 reader`;
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

/**
 * The value of a field, with `key:`, `key: null` and `key: ~` all read as "not set": after
 * Kubernetes' YAML-to-JSON conversion they are the same JSON null, which protobuf and Go decoders
 * treat as an absent field.
 */
export function presentValue(map: YamlMap, key: string): YamlNode | null {
  const value = pairOf(map, key)?.value ?? null;
  return value?.type === 'scalar' && value.value === null ? null : value;
}

function wrongType(
  ctx: NarrowContext,
  node: YamlNode | null,
  fallbackPos: YamlNode['pos'],
  field: string,
  expected: string,
): null {
  ctx.report('MG009', node?.pos ?? fallbackPos, { field, expected, actual: describeNode(node) });
  return null;
}

/** A mapping, or `null` (absent or `key:` with nothing: both mean "not set"). */
export function readMap(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): YamlMap | null {
  const value = presentValue(parent, key);
  if (value === null) return null;
  if (value.type === 'map') return value;
  return wrongType(ctx, value, value.pos, field, 'a mapping');
}

export function readList(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): readonly (YamlNode | null)[] | null {
  const value = presentValue(parent, key);
  if (value === null) return null;
  if (value.type === 'seq')
    return value.items.map((item) =>
      item?.type === 'scalar' && item.value === null ? null : item,
    );
  if (value.type === 'map' && value.pairs.length === 0) {
    // Hand-written dumps sometimes say `ports: {}` for "no ports": the API server would reject
    // it, but nothing is lost by reading it as the empty list it was meant to be.
    ctx.report('MG023', value.pos, { field });
    return [];
  }
  return wrongType(ctx, value, value.pos, field, 'a list');
}

export function scalarString(node: YamlNode | null): string | null {
  return node?.type === 'scalar' && typeof node.value === 'string' ? node.value : null;
}

/**
 * A string field. Plain scalars that YAML types as numbers or booleans are type errors for the
 * API server, which is why `version: 1` in a label is rejected.
 */
export function asString(
  ctx: NarrowContext,
  node: YamlNode | null,
  field: string,
  fallbackPos: YamlNode['pos'],
): Located<string> | null {
  if (node?.type === 'scalar' && typeof node.value === 'string' && !isYaml11Boolean(node)) {
    return { value: node.value, at: ctx.at(node.pos) };
  }
  return wrongType(ctx, node, fallbackPos, field, 'a string');
}

/**
 * kubectl converts YAML with a YAML 1.1 reader, where plain `yes`, `on`, `y` (and their negations)
 * are booleans; YAML 1.2, which the parser follows, reads them as strings.
 */
const YAML11_BOOLEANS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
]);

export function isYaml11Boolean(node: YamlScalar): boolean {
  return node.plain && typeof node.value === 'string' && YAML11_BOOLEANS.has(node.value);
}

export function readString(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): Located<string> | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  return asString(ctx, pair.value, field, pair.keyPos);
}

export function readStringList(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): Located<string>[] | null {
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

export function readBoolean(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): boolean | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  if (pair.value.type === 'scalar' && typeof pair.value.value === 'boolean')
    return pair.value.value;
  return wrongType(ctx, pair.value, pair.keyPos, field, 'true or false');
}

/** An integer in a range; numeric strings are rejected like the API server rejects them. */
export function asInteger(
  ctx: NarrowContext,
  node: YamlNode | null,
  field: string,
  fallbackPos: YamlNode['pos'],
  min: number,
  max: number,
): number | null {
  if (node?.type === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value)) {
    if (node.value >= min && node.value <= max) return node.value;
    ctx.report('MG016', node.pos, {
      field,
      value: String(node.value),
      reason: `must be between ${min} and ${max}`,
    });
    return null;
  }
  return wrongType(ctx, node, fallbackPos, field, 'an integer');
}

export function readInteger(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
  min: number,
  max: number,
): number | null {
  const pair = pairOf(parent, key);
  if (pair === undefined || pair.value === null) return null;
  return asInteger(ctx, pair.value, field, pair.keyPos, min, max);
}

/** `map[string]string` such as labels, annotations and matchLabels. */
export function readLabels(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): Labels {
  const map = readMap(ctx, parent, key, field);
  if (map === null) return {};
  const labels: Record<string, string> = {};
  for (const pair of map.pairs) {
    const value =
      pair.value === null
        ? { value: '', at: ctx.at(pair.keyPos) }
        : asString(ctx, pair.value, `${field}.${pair.key}`, pair.keyPos);
    if (value !== null) labels[pair.key] = value.value;
  }
  return labels;
}

/**
 * The mapping items of a list of objects (`subsets`, `egress`, `ports`...), each with its path and
 * its fields checked. An item that is not a mapping is a type error, as the API server's decoder
 * says; a bare `-` (null) is skipped, as the decoder drops it.
 */
export function readMapItems(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
  known: ReadonlySet<string>,
  kind: string,
): { readonly item: YamlMap; readonly path: string }[] {
  const items = readMappings(ctx, parent, key, field);
  for (const { item, path } of items) checkFields(ctx, item, known, path, kind);
  return items;
}

/**
 * Like {@link readMapItems}, for lists whose items have more fields than the analysis knows
 * (Kubernetes containers and ports, `kind: List` items): only the item's type is checked.
 */
export function readMappings(
  ctx: NarrowContext,
  parent: YamlMap,
  key: string,
  field: string,
): { readonly item: YamlMap; readonly path: string }[] {
  const items: { item: YamlMap; path: string }[] = [];
  (readList(ctx, parent, key, field) ?? []).forEach((item, index) => {
    const path = `${field}[${index}]`;
    if (item === null) return;
    if (item.type !== 'map') {
      wrongType(ctx, item, item.pos, path, 'a mapping');
      return;
    }
    items.push({ item, path });
  });
  return items;
}

/** Reports every key of `map` that is not in `known` as an unknown field. */
export function checkFields(
  ctx: NarrowContext,
  map: YamlMap,
  known: ReadonlySet<string>,
  field: string,
  kind: string,
): void {
  for (const pair of map.pairs) {
    if (!known.has(pair.key))
      ctx.report('MG010', pair.keyPos, {
        field: field === '' ? pair.key : `${field}.${pair.key}`,
        kind,
      });
  }
}

export function isScalarText(node: YamlNode | null): node is YamlScalar {
  return node?.type === 'scalar';
}
