import fc from 'fast-check';

/** JSON values with the numbers and strings whose YAML typing is easy to get wrong. */
export const jsonValueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      0,
      -0,
      1,
      -1,
      1e3,
      1.5,
      -2.5e-7,
      Number('12345678901234567890'),
      2 ** 53 + 1,
      0.1,
      1e300,
    ),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('', 'true', 'null', '1e3', '-0', '/', '\\', '"', '\u0000', '\t', '# x', 'a: b'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('1', '-0', 'null')),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).value;

/** JSON text as `JSON.stringify` writes it, compact or indented, sometimes with escaped `/`. */
export const jsonTextArb: fc.Arbitrary<string> = fc
  .tuple(jsonValueArb, fc.constantFrom(0, 1, 2, 4, '\t'), fc.boolean(), fc.boolean())
  .map(([value, indent, escapeSlash, trailingNewline]) => {
    let text = JSON.stringify(value, null, indent) ?? 'null';
    if (escapeSlash) text = text.replace(/\//g, '\\/');
    return trailingNewline ? text + '\n' : text;
  });
