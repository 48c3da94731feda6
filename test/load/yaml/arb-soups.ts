import fc from 'fast-check';

/*
 * Soups: random lines of YAML pieces at random indentation. Mostly invalid, they reach
 * combinations of indentation and indicators that rendered trees never produce.
 */

/** Line fragments: keys, values, indicators, scalar pieces and flow pieces, valid or not. */
// prettier-ignore
const FRAGMENTS = [
  'a:', 'b: 1', 'c: x y', 'd: "q"', "e: 'q'", 'f: |', 'g: >-', 'h: |+', 'i: |2', 'j: [1, 2]',
  'k: {x: 1}', 'l: [', 'm: {', ']', '}', '],', '},', 'x,', '"x",', 'x: 1,', '- ', '-', '- a',
  '- a: 1', '- - a', '- |', '- [a]', '- "multi', 'line"', "'multi", "line'", 'plain', 'more words',
  '# comment', 'a: b # c', '', '   ', '"k": v', "'k': v", 'a: "x\\', 'y"', 'n: ~', 'o: 0o14',
  'p:   ', '- # c', '? x', '--- ', '...', 'key with space: v', 'u: on', 'v: -', 'w: "a#b"',
  'z: a#b', '\ttab', 'x:\ty', '{a: 1}', '[a, b]',
];

export const lineSoupArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(0, 0, 1, 2, 2, 3, 4, 4, 6), fc.constantFrom(...FRAGMENTS)), {
    minLength: 1,
    maxLength: 12,
  })
  .map((lines) => lines.map(([indent, text]) => ' '.repeat(indent) + text).join('\n') + '\n');

/** A block scalar in a random nesting context, with random body indentation and blank lines. */
export const blockScalarSoupArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a: ', '- ', '- a: ', 'x:\n  y: ', 'x:\n- ', '--- ', 'x:\n  - k: ', ''),
    fc.constantFrom(
      '|',
      '>',
      '|-',
      '>-',
      '|+',
      '>+',
      '|1',
      '|2',
      '>3',
      '|1-',
      '|+2',
      '| # c',
      '|-  # c',
    ),
    fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom('text', 'more  words', '', '#x', '\tt', ' ', 'a: b', '- x'),
      ),
      { maxLength: 6 },
    ),
    fc.constantFrom('', 'next: 1\n', '  next: 1\n', '- n\n', '# c\n', '\n\n', '  \n'),
  )
  .map(([lead, header, body, tail]) => {
    const lines = body.map(([indent, text]) => (text === '' ? '' : ' '.repeat(indent) + text));
    return `${lead}${header}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${tail}`;
  });

/** A flow collection over several lines in a random block context and indentation. */
export const flowSoupArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('a: ', '- ', '- a: ', 'x:\n  y: ', '', '--- ', 'x:\n  - '),
    fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom(
          '[',
          '{',
          ']',
          '}',
          'a,',
          'b: 1,',
          '"s",',
          "'t':",
          'x',
          '# c',
          '',
          '{}',
          '[]',
          ',',
          'k: [1],',
          '"q": "r"',
        ),
      ),
      { minLength: 1, maxLength: 8 },
    ),
    fc.constantFrom('', '\nnext: 1', '\n- n', '\n  z: 2'),
  )
  .map(
    ([lead, parts, tail]) =>
      lead +
      parts.map(([i, t], n) => (n === 0 ? t : '\n' + ' '.repeat(i) + t)).join('') +
      tail +
      '\n',
  );
