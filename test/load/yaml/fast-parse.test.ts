import { describe, expect, it } from 'vitest';
import { fastParse, fastParseOrThrow } from '../../../src/analysis/load/yaml/fast-parse.js';
import { stackSizes } from '../../../src/analysis/load/yaml/fast-pairs.js';
import { parseYamlDocument } from '../../../src/analysis/load/yaml/index.js';
import { parseWithYaml } from '../../../src/analysis/load/yaml/parse-with-yaml.js';
import type { YamlMap, YamlScalar } from '../../../src/analysis/load/yaml/types.js';
import { checkAgainstReference, hasErrors, map, pair, scalar, seq } from './helpers.js';

/** Documents the fast path must accept, each reproducing the reference exactly. */
const SUPPORTED: Record<string, readonly string[]> = {
  'block mappings': [
    'a: 1\nb: two\n',
    'a:\n  b:\n    c: d\n  e: f\ng: h\n',
    '  a: 1\n  b: 2\n',
    'app.kubernetes.io/name: web\nkey with spaces: v\n8080: http\n',
    '"quoted key": 1\n\'single\': 2\n"a:b": 3\n',
    '"a" : 1\n\'b\'  :   2  # c\n',
    'a#b: c\na:b: c\n-a: 1\n:a: 2\n?a: 3\n',
    'null: a\n',
    'true: x\n.inf: y\n0x1F: z\n1e3: w\n-0: v\n',
    '"<<": not a merge\n',
  ],
  'block sequences': [
    '- a\n- b\n',
    'a:\n- x\n- y\nb: 1\n',
    'a:\n  - x\n  - y\n',
    '- name: x\n  value: 1\n- name: y\n',
    '-   a: 1\n    b: 2\n',
    '- - a\n  - b\n- - c\n',
    '- a:\n  - x\n  b: 1\n',
    '-\n  a: 1\n-\n  - x\n',
  ],
  'empty values': [
    'a:\n',
    'a:\nb:\n',
    'a:   # comment\nb: 1\n',
    'a:\n\n  # comment\n\nb: 2\n',
    '- \n- # c\n-\n',
    'a:\n  -\n  - b\n',
    '---\n',
    '--- # comment\n',
    '',
    '# only a comment\n',
  ],
  'plain scalars': [
    'a: on\nb: yes\nc: 0o14\nd: 1_000\ne: .5\nf: "-"\ng: --\n',
    'a: 0X1F\nb: 0o8\nc: 1,000\nd: 1.2.3\ne: 5.\nf: -.5\ng: +12\nh: 007\n',
    'a: .inf\nb: -.Inf\nc: +.INF\nd: .nan\ne: .NaN\nf: -.nan\n',
    'a: ~\nb: Null\nc: NULL\nd: nULL\ne: True\nf: FALSE\ng: tRue\n',
    'a: 12345678901234567890\nb: 1e3\nc: -1.5e-3\nd: 1E+3\ne: .e3\n',
    'a: http://x.y/z?q=1#frag\nb: a#b\nc: a # comment\n',
    'a: foo bar  baz\nb: é日本語😀\nc: a\u00a0b\n',
    'a: -foo\nb: :x\nc: ?x\nd: x[0]\ne: a, b\nf: x{y}\n',
    'a: foo\n  bar\n\n  baz\nb: 1\n',
    'a: foo\n  bar # comment\n',
    '- foo\n  bar\n',
    'a:\n  foo\n  bar\n',
    'foo\nbar\n',
  ],
  'quoted scalars': [
    "a: 'it''s'\nb: ''\nc: \"#\"\nd: \"\"\n",
    'a: "\\x41\\u00e9\\/\\t\\"\\\\ \\N\\_\\L\\P\\0\\a\\b\\e\\f\\n\\r\\v\\ "\n',
    'a: "\\U0001F600 \\ud83d\\ude00 \\U0010FFFF"\n',
    'a: "tab\there"\nb: "end  "\n',
    'a: "x\n  y"\nb: \'x\n\n\n  y\'\n',
    'a: "x  \n\n  y"\n',
    'a: "x\\\n    y"\n',
    '- "a\n b"\n',
    '"a\nb"\n',
  ],
  'block scalars': [
    'a: |\n  foo\n  bar\n',
    'a: |-\n  foo\n\n',
    'a: |+\n  foo\n\n\n',
    'a: >\n  foo\n  bar\n\n  baz\n    more\n  back\n',
    'a: >-\n  one\n  two\n',
    'a: |2\n   foo\n',
    'a: >1-\n  foo\n',
    '- |\n  x\n- >\n  y\n',
    'a: |\n\n  foo\n',
    'a: |\n  foo\n    \n',
    'a: |\n  foo\n  # not a comment\nb: 1\n',
    'a: | # comment\n  foo\n',
    'a: |\nb: 1\n',
    'a: |\n',
    'a: >\n  \tfoo\n',
    '--- |\n  foo\n',
    '--- >-\n foo\n bar\n',
  ],
  'flow collections': [
    'a: [1, 2, three]\nb: {c: d, "e": [f, g]}\n',
    'a: []\nb: {}\n',
    'a: [1, 2, ]\nb: {c: 1,}\n',
    'a: {b: }\n',
    'a: {"b":1, "c":[true,false,null]}\n',
    'args: ["--port", "8080", \'--x\']\n',
    'a: [\n  1, 2\n]\n',
    'a: [\n  1, 2\n  ]\n',
    'a:\n  b: [\n    1\n  ]\n',
    'a: [b # c\n  , d]\n',
    'a: [http://x, a:b, "#"]\n',
    '[1, [2, [3, {a: [4]}]]]\n',
    '--- [a, b]\n',
    '--- {a: 1}\n',
    '{\n  "a": 1,\n  "b": [true, false, null],\n  "c": {"d": "e"}\n}\n',
    '{"a":-0,"b":1e3,"c":12345678901234567890,"d":"\\u00e9\\/","e":1.5E-7}',
    '[\n\t1,\n\t{"a": "b"}\n]\n',
  ],
  'byte-order marks inside the document': ['a: x\ufeffy\n', '---\n\ufeffb: 2\n', '["\ufeff"]\n'],
  comments: [
    '# head\na: 1 # trailing\n# between\nb: 2\n  # indented\n# tail\n',
    'a:\n  b: 1\n# less indented\n  c: 2\n',
    'a: # after key\n  b: 1\n',
    '- # after dash\n  a: 1\n',
  ],
  'document markers': [
    '---\na: 1\n',
    '--- foo\n',
    "--- 'x'\n",
    '# c\n\n---\na: 1\n',
    '---\n  a: 1\n',
  ],
  'white space': ['a:\tb\n', 'a: b\t\n', 'a:\t\n  b: 1\n', 'a: 1\n\n\n', 'a: 1\n   \n'],
};

describe('fast parser: supported constructs reproduce the reference', () => {
  for (const [construct, cases] of Object.entries(SUPPORTED)) {
    it.each(cases.map((text) => [JSON.stringify(text), text]))(`${construct}: %s`, (_, text) => {
      expect(checkAgainstReference(text)).toBe(true);
    });
  }
});

/** Documents the fast path must leave to the reference. */
const DECLINED: Record<string, readonly string[]> = {
  'anchors, aliases and tags': ['a: &x 1\nb: *x\n', '&a x\n', '*a\n', '!!str x\n', 'a: !t x\n'],
  'complex and merge keys': ['? a\n: b\n', '[a]: b\n', '{a: 1}: b\n', '<<: {a: 1}\nb: 2\n'],
  'duplicate keys': [
    'a: 1\na: 2\n',
    '1: a\n"1": b\n',
    '0x1: a\n1: b\n',
    'null: a\n~: b\n',
    '{a: 1, a: 2}\n',
  ],
  'tabs as indentation': ['\tb: 1\n', 'a: b\n\tc\n', 'a:\n\t- b\n', '- \tb\n'],
  'directives and markers': [
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\n---\nb: 2\n',
    'a: 1\n...\n',
    '...\n',
    'plain\n...\n',
    'plain\n---\n',
  ],
  'raw line ends and marks': [
    'a: 1\r\n',
    'a: 1\rb: 2\n',
    '\ufeffa: 1\n',
    '# c\n\ufeff---\n',
    'a: b\u0001\n',
  ],
  'syntax errors': [
    'a: b: c\n',
    'a: - b\n',
    'a: "unclosed\n',
    "a: 'x\ny'\n",
    'a:\n  - b\n  c: d\n',
    'a: "\\q"\n',
    'a: "\\u12"\n',
    'a: "\\U0011FFFF"\n',
    'a: [,]\n',
    'a: [b,#c\n  d]\n',
    'a: "x"#c\n',
    'a: [1]#c\n',
    '--- a: 1\n',
    'a: |\n    \n  foo\n',
    'a: |\n  foo\n\t\n',
    'a:\n  b: [\n    1\n ]\n',
    'a: foo\n  bar: x\n',
    `${'k'.repeat(1100)}: v\n`,
  ],
  'comments in column 0 inside flow collections': [
    'a: {b: 1\n# c\n}\n',
    '{a: "x"\n# c\n}\n',
    '[\n# c\n1]\n',
  ],
  'outside the subset': [
    'a: {b}\n',
    'a: [a: 1]\n',
    'a: [\n  x\n  y]\n',
    'a: foo\n  - bar\n',
    `${'['.repeat(300)}${']'.repeat(300)}`,
  ],
};

describe('fast parser: declines what it does not handle', () => {
  for (const [kind, cases] of Object.entries(DECLINED)) {
    it.each(cases.map((text) => [JSON.stringify(text).slice(0, 60), text]))(
      `${kind}: %s`,
      (_, text) => {
        expect(fastParseOrThrow(text)).toBeNull();
        // The public entry point then gives exactly the reference's answer, errors included.
        expect(parseYamlDocument(text)).toStrictEqual(parseWithYaml(text));
      },
    );
  }

  it('never reports problems itself: the errors in these documents come from the reference', () => {
    expect(hasErrors(parseYamlDocument('a: 1\na: 2\n'))).toBe(true);
    expect(parseYamlDocument('a: 1\na: 2\n').problems[0]?.kind).toBe('duplicate-key');
    expect(parseYamlDocument('a: b: c\n').problems[0]?.kind).toBe('syntax');
  });
});

/** Hand-written expectations: these check the reference as much as the fast path. */
describe('values and positions, written out by hand', () => {
  it('reads a Service with every position', () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: web # the name',
      'spec:',
      '  ports:',
      '  - port: 8080',
      '    targetPort: http',
      '  selector: {app: web}',
      '',
    ].join('\n');
    const expected = map(
      1,
      1,
      pair('apiVersion', 1, 1, scalar('v1', 1, 13)),
      pair('kind', 2, 1, scalar('Service', 2, 7)),
      pair('metadata', 3, 1, map(4, 3, pair('name', 4, 3, scalar('web', 4, 9)))),
      pair(
        'spec',
        5,
        1,
        map(
          6,
          3,
          pair(
            'ports',
            6,
            3,
            seq(
              7,
              3,
              map(
                7,
                5,
                pair('port', 7, 5, scalar(8080, 7, 11)),
                pair('targetPort', 8, 5, scalar('http', 8, 17)),
              ),
            ),
          ),
          pair('selector', 9, 3, map(9, 13, pair('app', 9, 14, scalar('web', 9, 19)))),
        ),
      ),
    );
    for (const parse of [parseWithYaml, fastParseOrThrow]) {
      expect(parse(text)).toStrictEqual({ root: expected, problems: [] });
    }
  });

  it('types plain scalars by the YAML 1.2 core schema, not YAML 1.1', () => {
    const text =
      'a: on\nb: yes\nc: 0o14\nd: 0x1F\ne: 1_000\nf: .5\ng: 1e3\nh: -0\ni: 012\nj: ~\nk: True\nl: 12345678901234567890\n';
    const values = (fastParseOrThrow(text)?.root as YamlMap).pairs.map(
      (p) => (p.value as YamlScalar).value,
    );
    expect(values).toStrictEqual([
      'on',
      'yes',
      12,
      31,
      '1_000',
      0.5,
      1000,
      -0,
      12,
      null,
      true,
      12345678901234567000,
    ]);
    expect(Object.is(values[7], -0)).toBe(true);
    expect(values).toStrictEqual(
      (parseWithYaml(text).root as YamlMap).pairs.map((p) => (p.value as YamlScalar).value),
    );
  });

  it('distinguishes -0 from 0 in comparisons, so the differential tests would catch a lost sign', () => {
    expect(scalar(-0, 1, 1)).not.toStrictEqual(scalar(0, 1, 1));
  });

  it('reads infinities and NaN', () => {
    const root = fastParseOrThrow('[.inf, -.Inf, .NaN]')?.root;
    expect(root).toStrictEqual(
      seq(1, 1, scalar(Infinity, 1, 2), scalar(-Infinity, 1, 8), scalar(NaN, 1, 15)),
    );
  });

  it('turns keys into strings the way the converter does', () => {
    const keys = (text: string): string[] =>
      (fastParseOrThrow(text)?.root as YamlMap).pairs.map((p) => p.key);
    expect(keys('8080: a\n0x10: b\n1.0: c\n.inf: d\n-0: e\ntrue: f\n')).toEqual([
      '8080',
      '16',
      '1',
      'Infinity',
      '0',
      'true',
    ]);
    expect(keys('~: a\n')).toEqual(['']);
    expect(keys('"1.0": a\n')).toEqual(['1.0']);
  });

  it('marks only unquoted flow scalars as plain', () => {
    const root = fastParseOrThrow('- a\n- "b"\n- \'c\'\n- |\n  d\n- [e]\n')?.root;
    expect(root).toStrictEqual(
      seq(
        1,
        1,
        scalar('a', 1, 3),
        scalar('b', 2, 3, false),
        scalar('c', 3, 3, false),
        scalar('d\n', 4, 3, false),
        seq(6, 3, scalar('e', 6, 4)),
      ),
    );
  });

  it('folds multi-line scalars and block scalars as YAML specifies', () => {
    const values = (text: string): unknown[] =>
      (fastParseOrThrow(text)?.root as YamlMap).pairs.map((p) => (p.value as YamlScalar).value);
    expect(values('a: one\n  two\n\n  three\nb: "x  \n   y\\\n   z"\n')).toEqual([
      'one two\nthree',
      'x yz',
    ]);
    expect(
      values(
        'a: |\n  l1\n   l2\n\nb: |-\n  s\n\nc: |+\n  k\n\nd: >\n  f1\n  f2\n\n  f3\n   more\n',
      ),
    ).toEqual(['l1\n l2\n', 's', 'k\n\n', 'f1 f2\nf3\n more\n']);
  });

  it('places empty values right after their indicator and the spaces that follow it', () => {
    expect(fastParseOrThrow('a:\n')?.root).toStrictEqual(
      map(1, 1, pair('a', 1, 1, scalar(null, 1, 3))),
    );
    expect(fastParseOrThrow('a:   # c\n')?.root).toStrictEqual(
      map(1, 1, pair('a', 1, 1, scalar(null, 1, 6))),
    );
    expect(fastParseOrThrow('- \n')?.root).toStrictEqual(seq(1, 1, scalar(null, 1, 3)));
    expect(fastParseOrThrow('{a: , b: 1}')?.root).toStrictEqual(
      map(1, 1, pair('a', 1, 2, scalar(null, 1, 5)), pair('b', 1, 7, scalar(1, 1, 10))),
    );
    expect(fastParseOrThrow('---\n')?.root).toStrictEqual(scalar(null, 1, 4));
    expect(fastParseOrThrow('# nothing\n')).toStrictEqual({ root: null, problems: [] });
  });

  it('reads JSON numbers and strings the way yaml reads JSON as YAML', () => {
    const text =
      '{"a": 1e3, "b": -0, "c": 12345678901234567890, "d": "\\u00e9\\/", "e": "\\ud83d\\ude00", "f": 1E400, "g": "true"}';
    const root = fastParseOrThrow(text)?.root as YamlMap;
    const values = root.pairs.map((p) => (p.value as YamlScalar).value);
    expect(values).toStrictEqual([1000, -0, 12345678901234567000, 'é/', '😀', Infinity, 'true']);
    expect(root.pairs.map((p) => (p.value as YamlScalar).plain)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
    expect(fastParseOrThrow(text)).toStrictEqual(parseWithYaml(text));
  });
});

describe('fast parser: robustness', () => {
  it('leaves no collection entries behind between documents', () => {
    fastParse('a: [1, 2, {b: [3]}]\nc:\n- d\n');
    fastParse('a: [1, 2, {b: [3]}]\nc:\n- d\n- {e: *bad}\n'); // abandoned halfway
    expect(stackSizes()).toEqual({ pairs: 0, items: 0 });
  });

  it('declines deep nesting instead of overflowing the stack', () => {
    const deep = '- '.repeat(5000) + 'x\n';
    expect(fastParse(deep)).toBeNull();
    expect(fastParse(`${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`)).toBeNull();
  });
});
