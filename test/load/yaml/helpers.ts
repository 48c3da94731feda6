import { expect } from 'vitest';
import { fastParseOrThrow } from '../../../src/analysis/load/yaml/fast-parse.js';
import { parseWithYaml } from '../../../src/analysis/load/yaml/parse-with-yaml.js';
import type {
  ParsedDocument,
  YamlMap,
  YamlNode,
  YamlPair,
  YamlScalar,
  YamlScalarValue,
  YamlSeq,
} from '../../../src/analysis/load/yaml/types.js';

/** Builders for hand-written expectations: positions are `line, column`, 1-based. */
export function scalar(
  value: YamlScalarValue,
  line: number,
  column: number,
  plain = true,
): YamlScalar {
  return { type: 'scalar', value, plain, pos: { line, column } };
}

export function pair(key: string, line: number, column: number, value: YamlNode | null): YamlPair {
  return { key, keyPos: { line, column }, value };
}

export function map(line: number, column: number, ...pairs: YamlPair[]): YamlMap {
  return { type: 'map', pos: { line, column }, pairs };
}

export function seq(line: number, column: number, ...items: (YamlNode | null)[]): YamlSeq {
  return { type: 'seq', pos: { line, column }, items };
}

export function hasErrors(doc: ParsedDocument): boolean {
  return doc.problems.some((p) => p.severity === 'error');
}

/**
 * The differential contract: the fast parser either declines (`null`) or returns exactly what
 * the reference returns, and then only for documents the reference reads without any problem.
 * Returns whether the fast path accepted the text.
 */
export function checkAgainstReference(text: string): boolean {
  const reference = parseWithYaml(text);
  const fast = fastParseOrThrow(text);
  if (fast === null) return false;
  expect(reference.problems, JSON.stringify(text)).toEqual([]);
  expect(fast, JSON.stringify(text)).toStrictEqual(reference);
  return true;
}
