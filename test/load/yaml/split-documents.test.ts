import fc from 'fast-check';
import { LineCounter, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  YAML_OPTIONS,
  convertDocument,
  parseWithYaml,
} from '../../../src/analysis/load/yaml/parse-with-yaml.js';
import { normalizeText, splitDocuments } from '../../../src/analysis/load/yaml/split-documents.js';
import type { DocumentChunk } from '../../../src/analysis/load/yaml/types.js';
import { documentArb } from './arb-documents.js';
import { rebase } from './rebase.js';

const chunksOf = (text: string): [string, number][] | null =>
  splitDocuments(text)?.map((c: DocumentChunk) => [c.text, c.lineOffset]) ?? null;

describe('splitDocuments: where documents start and end', () => {
  it.each<[string, string, [string, number][] | null]>([
    ['one bare document', 'a: 1\n', [['a: 1\n', 0]]],
    ['nothing', '', []],
    ['only comments and blank lines', '# c\n\n  # d\n', []],
    ['a comment-only prefix before ---', '# c\n\n---\na: 1\n', [['---\na: 1\n', 2]]],
    [
      '--- between documents',
      'a: 1\n---\nb: 2\n',
      [
        ['a: 1\n', 0],
        ['---\nb: 2\n', 1],
      ],
    ],
    [
      'content on the marker line',
      '--- |\n  x\n--- >\n  y\n',
      [
        ['--- |\n  x\n', 0],
        ['--- >\n  y\n', 2],
      ],
    ],
    [
      'a trailing --- (an empty document, as yaml counts it)',
      'a: 1\n---\n',
      [
        ['a: 1\n', 0],
        ['---\n', 1],
      ],
    ],
    [
      '--- with only a comment after it',
      '---\n# c\n---\na: 1',
      [
        ['---\n# c\n', 0],
        ['---\na: 1', 2],
      ],
    ],
    [
      '... then a bare document',
      'a: 1\n...\nb: 2\n',
      [
        ['a: 1\n', 0],
        ['b: 2\n', 2],
      ],
    ],
    ['... then comments only', 'a: 1\n... # end\n# c\n', [['a: 1\n', 0]]],
    [
      'a stray ... (not a document for a reader)',
      '...\na: 1\n...\n...\nb: 2\n',
      [
        ['a: 1\n', 1],
        ['b: 2\n', 4],
      ],
    ],
    [
      'markers need white space or the line end after them',
      '---a: 1\n...b: 2\n',
      [['---a: 1\n...b: 2\n', 0]],
    ],
    [
      'markers followed by a tab',
      'a: 1\n---\t# c\nb: 2',
      [
        ['a: 1\n', 0],
        ['---\t# c\nb: 2', 1],
      ],
    ],
    ['indented markers are content', 'a: |\n  ---\n  ...\n', [['a: |\n  ---\n  ...\n', 0]]],
  ])('%s', (_, text, expected) => {
    expect(chunksOf(text)).toEqual(expected);
  });

  it('numbers chunks 0, 1, 2... in order', () => {
    expect(splitDocuments('a\n---\nb\n---\nc\n')?.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('keeps the line break before the next marker, so |+ scalars keep their blank lines', () => {
    const [first] = splitDocuments('a: |+\n  foo\n\n---\nb: 1\n') ?? [];
    expect(first?.text).toBe('a: |+\n  foo\n\n');
    const root = parseWithYaml(first?.text ?? '').root;
    expect(root?.type === 'map' && root.pairs[0]?.value).toMatchObject({ value: 'foo\n\n' });
  });
});

describe('splitDocuments: line ends, byte-order marks and directives', () => {
  it('turns CRLF and lone CR into LF without changing line numbers', () => {
    expect(chunksOf('a: 1\r\n---\r\nb: 2\r\n')).toEqual([
      ['a: 1\n', 0],
      ['---\nb: 2\n', 1],
    ]);
    expect(chunksOf('a: 1\rb: 2\r---\rc: 3')).toEqual([
      ['a: 1\nb: 2\n', 0],
      ['---\nc: 3', 2],
    ]);
  });

  it('drops a leading byte-order mark, and one before a later --- or after ...', () => {
    expect(chunksOf('\ufeffa: 1\n')).toEqual([['a: 1\n', 0]]);
    expect(chunksOf('a: 1\n...\n\ufeff---\nb: 2\n')).toEqual([
      ['a: 1\n', 0],
      ['---\nb: 2\n', 2],
    ]);
    expect(chunksOf('a: 1\n...\n\ufeffb: 2\n')).toEqual([
      ['a: 1\n', 0],
      ['b: 2\n', 2],
    ]);
  });

  it('gives up on directives, which change how the next document is read', () => {
    expect(splitDocuments('%YAML 1.2\n---\na: 1\n')).toBeNull();
    expect(splitDocuments('# c\n%TAG ! tag:example.com,2000:\n---\na: 1\n')).toBeNull();
    expect(splitDocuments('a: 1\n...\n%YAML 1.2\n---\nb: 2\n')).toBeNull();
    expect(splitDocuments('%FOO reserved\n---\na: 1\n')).toBeNull();
  });

  it('leaves a % line inside a document to the parser', () => {
    expect(chunksOf('--- |\n%not a directive\n')).toEqual([['--- |\n%not a directive\n', 0]]);
  });

  it('gives up on content after ..., which only the whole stream can report', () => {
    expect(splitDocuments('a: 1\n... b: 2\n')).toBeNull();
  });

  it('normalizeText only touches line ends and the leading mark', () => {
    expect(normalizeText('\ufeffa\r\nb\rc\n\ufeff')).toBe('a\nb\nc\n\ufeff');
  });
});

/**
 * Streams of valid generated documents with every kind of separator between them. (With an
 * error such as an unclosed quote, `yaml` reads on past a `---` line that the splitter, like the
 * YAML spec's c-forbidden rule, treats as a boundary; the streams here have no errors.)
 */
const cleanDocumentArb = documentArb.filter((doc) => parseWithYaml(doc).problems.length === 0);
const streamArb = fc
  .tuple(
    fc.constantFrom('', '# head\n', '\n\n', '\ufeff'),
    fc.array(
      fc.tuple(
        cleanDocumentArb,
        fc.constantFrom(
          '---\n',
          '--- # next\n',
          '...\n',
          '...\n---\n',
          '---\n# only a comment\n---\n',
        ),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([prefix, docs, eol]) =>
    (prefix + docs.map(([doc, sep]) => doc + sep).join('')).replace(/\n/g, eol),
  );

describe('splitDocuments against the whole-stream reference', () => {
  it('finds the documents parseAllDocuments finds, and each parses to the same values at the same lines', () => {
    fc.assert(
      fc.property(streamArb, (stream) => {
        const text = normalizeText(stream);
        const lineCounter = new LineCounter();
        const docs = parseAllDocuments(text, { ...YAML_OPTIONS, lineCounter });
        const expected = (Array.isArray(docs) ? docs : []).map((d) =>
          convertDocument(d, lineCounter),
        );
        const chunks = splitDocuments(stream);
        expect(chunks?.length).toBe(expected.length);
        (chunks ?? []).forEach((chunk, i) => {
          expect(rebase(parseWithYaml(chunk.text), chunk.lineOffset)).toStrictEqual(expected[i]);
        });
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
