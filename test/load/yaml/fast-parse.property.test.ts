import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse, fastParseOrThrow } from '../../../src/analysis/load/yaml/fast-parse.js';
import { parseYamlDocument } from '../../../src/analysis/load/yaml/index.js';
import { parseWithYaml } from '../../../src/analysis/load/yaml/parse-with-yaml.js';
import { documentArb } from './arb-documents.js';
import { jsonTextArb } from './arb-json.js';
import { mutatedDocumentArb, reshapedDocumentArb } from './arb-mutations.js';
import { blockScalarSoupArb, flowSoupArb, lineSoupArb } from './arb-soups.js';
import { checkAgainstReference } from './helpers.js';

/*
 * Differential tests: whenever the fast parser accepts a text, its result must equal the
 * reference's, and the reference must have found nothing wrong with the text. Neither parser may
 * throw. Each generator also has a floor on how often the fast path accepts, so that a fast path
 * that declined everything could not pass.
 */

const RUNS = 1500;

function differential(arb: fc.Arbitrary<string>, seed: number, runs = RUNS): number {
  let accepted = 0;
  fc.assert(
    fc.property(arb, (text) => {
      if (checkAgainstReference(text)) accepted++;
      expect(parseYamlDocument(text)).toStrictEqual(parseWithYaml(text));
    }),
    { numRuns: runs, seed },
  );
  return accepted / runs;
}

describe('fast parser against the reference', () => {
  it('agrees on generated Kubernetes-like documents', () => {
    // Measured 0.40: many generated documents use anchors, tags or errors on purpose.
    expect(differential(documentArb, 1)).toBeGreaterThan(0.33);
  });

  it('agrees on documents with random character edits (tabs, quotes, indicators, bytes)', () => {
    // Measured 0.22: most edits make the document invalid.
    expect(differential(mutatedDocumentArb, 2)).toBeGreaterThan(0.17);
  });

  it('agrees on documents with re-indented, split, joined and swapped lines', () => {
    // Measured 0.25.
    expect(differential(reshapedDocumentArb, 3)).toBeGreaterThan(0.19);
  });

  it('agrees on random lines of keys, indicators and scalar pieces at random indentation', () => {
    // Measured 0.10: most such soups are invalid, which is the point.
    expect(differential(lineSoupArb, 7, 4000)).toBeGreaterThan(0.07);
  });

  it('agrees on block scalars with random headers, bodies and surroundings', () => {
    // Measured 0.42.
    expect(differential(blockScalarSoupArb, 8, 3000)).toBeGreaterThan(0.35);
  });

  it('agrees on multi-line flow collections at random indentation', () => {
    // Measured 0.05: the fast path declines multi-line plain scalars in flow collections.
    expect(differential(flowSoupArb, 9, 4000)).toBeGreaterThan(0.03);
  });

  it('agrees on JSON, compact and indented, and accepts all of it', () => {
    expect(differential(jsonTextArb, 4)).toBe(1);
  });

  it('accepts most clean generated documents, so the differential tests are not vacuous', () => {
    let clean = 0;
    let accepted = 0;
    fc.assert(
      fc.property(documentArb, (text) => {
        if (parseWithYaml(text).problems.length > 0) return;
        clean++;
        if (fastParseOrThrow(text) !== null) accepted++;
      }),
      { numRuns: RUNS, seed: 5 },
    );
    // Measured 0.92: the rest use anchors, tags, `<<` or indicator-led continuation lines.
    expect(accepted / clean).toBeGreaterThan(0.88);
  });
});

describe('no input makes either parser throw', () => {
  const yamlish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '\n',
          ' ',
          '  ',
          '\t',
          '-',
          ': ',
          '#',
          '"',
          "'",
          '[',
          ']',
          '{',
          '}',
          ',',
          '|',
          '>',
          '&',
          '*',
          '!',
          '?',
          '%',
          '\\',
          '---',
          '...',
        ),
        fc.string({ maxLength: 4 }),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('on random YAML-ish text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const fast = fastParseOrThrow(text);
        const reference = parseWithYaml(text);
        if (fast !== null) expect(fast).toStrictEqual(reference);
        expect(fastParse(text)).toStrictEqual(fast);
      }),
      { numRuns: 3000, seed: 6 },
    );
  });
});
