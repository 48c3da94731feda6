import type { Position, YamlMap, YamlNode } from '../load/yaml/types.js';
import type { ConfigProblem } from './types.js';
import { quote } from '../findings/quote.js';

/**
 * Reads typed values out of YAML nodes, recording a problem (file, line, field) for each value
 * of the wrong shape instead of throwing. Every check here has a twin in
 * schema/meshguard.schema.json; test/config/schema-agreement.test.ts keeps the two in step.
 */
export class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly file: string) {}

  report(severity: 'error' | 'warning', field: string, pos: Position, message: string): undefined {
    this.problems.push({ severity, file: this.file, ...pos, field, message });
    return undefined;
  }

  map(node: YamlNode | null, field: string, pos: Position): YamlMap | undefined {
    if (node?.type === 'map') return node;
    return this.report('error', field, node?.pos ?? pos, `${describe(field)} must be a mapping`);
  }

  /** Pairs of a mapping whose keys are all known; unknown keys are errors with a suggestion. */
  knownPairs(
    map: YamlMap,
    field: string,
    known: readonly string[],
  ): Map<string, { node: YamlNode | null; pos: Position }> {
    const out = new Map<string, { node: YamlNode | null; pos: Position }>();
    for (const pair of map.pairs) {
      if (known.includes(pair.key)) {
        out.set(pair.key, { node: pair.value, pos: pair.keyPos });
        continue;
      }
      const guess = known.find((k) => normalise(k) === normalise(pair.key));
      const hint =
        guess === undefined ? `known fields: ${known.join(', ')}` : `did you mean ${quote(guess)}?`;
      this.report(
        'error',
        join(field, pair.key),
        pair.keyPos,
        `unknown field ${quote(pair.key)}; ${hint}`,
      );
    }
    return out;
  }

  string(
    node: YamlNode | null,
    field: string,
    pos: Position,
    rule?: { readonly pattern: RegExp; readonly expected: string },
  ): string | undefined {
    if (node?.type !== 'scalar' || typeof node.value !== 'string') {
      return this.report('error', field, node?.pos ?? pos, `${describe(field)} must be a string`);
    }
    if (rule !== undefined && !rule.pattern.test(node.value)) {
      return this.report(
        'error',
        field,
        node.pos,
        `${describe(field)} must be ${rule.expected}, not ${quote(node.value)}`,
      );
    }
    return node.value;
  }

  oneOf<T extends string>(
    node: YamlNode | null,
    field: string,
    pos: Position,
    values: readonly T[],
  ): T | undefined {
    const value = this.string(node, field, pos);
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    return this.report(
      'error',
      field,
      node?.pos ?? pos,
      `${describe(field)} must be one of ${values.join(', ')}, not ${quote(value)}`,
    );
  }

  boolean(node: YamlNode | null, field: string, pos: Position): boolean | undefined {
    if (node?.type === 'scalar' && typeof node.value === 'boolean') return node.value;
    return this.report(
      'error',
      field,
      node?.pos ?? pos,
      `${describe(field)} must be true or false`,
    );
  }

  integer(
    node: YamlNode | null,
    field: string,
    pos: Position,
    range: { readonly min: number; readonly max: number },
  ): number | undefined {
    const value = node?.type === 'scalar' ? node.value : undefined;
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (value >= range.min && value <= range.max) return value;
    }
    return this.report(
      'error',
      field,
      node?.pos ?? pos,
      `${describe(field)} must be a whole number from ${range.min} to ${range.max}`,
    );
  }

  /** A sequence; each item goes through `item`, which returns undefined for a rejected item. */
  list<T>(
    node: YamlNode | null,
    field: string,
    pos: Position,
    item: (node: YamlNode | null, field: string, pos: Position) => T | undefined,
  ): T[] | undefined {
    if (node?.type !== 'seq') {
      return this.report('error', field, node?.pos ?? pos, `${describe(field)} must be a list`);
    }
    const out: T[] = [];
    node.items.forEach((child, index) => {
      const value = item(child, `${field}[${index}]`, child?.pos ?? node.pos);
      if (value !== undefined) out.push(value);
    });
    return out;
  }
}

export function join(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

function describe(field: string): string {
  return field === '' ? 'the configuration' : quote(field);
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}
