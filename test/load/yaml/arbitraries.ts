import fc from 'fast-check';

/*
 * Generators of Kubernetes-like YAML text for differential tests. A tree of nodes is generated
 * with a style choice at every node (plain, quoted, block scalar, flow or block collection,
 * comments, same-indent sequences), then rendered to text. Nothing here knows what the text
 * means: the reference parser is the oracle.
 */

type Scalar = {
  readonly kind: 'scalar';
  readonly token: string;
  readonly lines?: readonly string[];
};
type Block = { readonly kind: 'block'; readonly header: string; readonly body: readonly string[] };
type MapNode = {
  readonly kind: 'map';
  readonly flow: boolean;
  readonly entries: readonly { key: string; value: Node; comment: string }[];
};
type SeqNode = {
  readonly kind: 'seq';
  readonly flow: boolean;
  readonly sameIndent: boolean;
  readonly items: readonly { value: Node; comment: string }[];
};
export type Node = Scalar | Block | MapNode | SeqNode;

/** Plain scalars that are easy to get wrong: YAML 1.1 booleans, numbers, indicators inside. */
export const TRICKY_PLAIN = [
  'on',
  'off',
  'yes',
  'no',
  'y',
  'n',
  'true',
  'True',
  'TRUE',
  'false',
  'FALSE',
  'tRue',
  'null',
  'Null',
  'NULL',
  '~',
  'nULL',
  '0',
  '-0',
  '+0',
  '007',
  '0o14',
  '0o8',
  '0O14',
  '0x1F',
  '0X1F',
  '0xg',
  '1_000',
  '1,000',
  '.5',
  '5.',
  '-.5',
  '+.5',
  '1e3',
  '1E3',
  '1e+3',
  '-1.5e-3',
  '.e3',
  '1e',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '-.nan',
  '12345678901234567890',
  '0.1',
  '1.0',
  '1.2.3',
  'v1',
  '-',
  '--',
  '-foo',
  ':x',
  '?x',
  'a:b',
  'a#b',
  'a #b',
  'http://x.y/z?q=1#f',
  'foo bar',
  'a, b',
  'a]',
  'b}',
  'x[0]',
  '{x',
  'é',
  '日本語',
  '😀',
  'a\u00a0b',
  'a\tb',
  '%x',
  '@x',
  '`x',
  'foo:',
  'a: b',
  '- a',
  '*a',
  '&a b',
  '!t x',
  '<<',
  '=',
  'a b  c',
];

export const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'labels',
  'app',
  'spec',
  'selector',
  'matchLabels',
  'ports',
  'port',
  'targetPort',
  'protocol',
  'rules',
  'from',
  'to',
  'source',
  'principals',
  'operation',
  'methods',
  'paths',
  'when',
  'values',
  'mtls',
  'mode',
  'app.kubernetes.io/name',
  'sidecar.istio.io/inject',
  'key with spaces',
  '8080',
  '0x10',
  '1.0',
  '-1',
  'null',
  '~',
  'true',
  'yes',
  '-a',
  'a-b',
  'x.y',
  'é',
  '"quoted"',
  "'single'",
  '"a b"',
  '"8080"',
  '"true"',
  '"#"',
  '""',
  "''",
  '"a:b"',
  'a:b',
  'a#b',
];

const DQ_BODIES = [
  '',
  '#',
  'a b',
  '\\"',
  '\\\\',
  '\\/',
  '\\u00e9',
  '\\ud83d\\ude00',
  '\\x41',
  '\\t',
  '\\n',
  'tab\there',
  '\\N\\_\\L\\P',
  '\\0\\a\\b\\e\\f\\r\\v',
  'a\\ b',
  'end ',
  ' lead',
  "it's",
  '\\U0001F600',
  '\\q',
  '\\x4',
  '\\u12',
  'a: b',
  '- x',
  '{a}',
  'é😀',
];
const SQ_BODIES = ['', "it''s", '#', 'a b', '\\n', '"', "''", ' lead', 'end ', 'a: b', '[x]'];

const plainToken = fc.constantFrom(...TRICKY_PLAIN);
const dqToken = fc.constantFrom(...DQ_BODIES).map((b) => `"${b}"`);
const sqToken = fc.constantFrom(...SQ_BODIES).map((b) => `'${b}'`);
const word = fc.stringMatching(/^[a-z][a-z0-9.\-/]{0,12}$/);

const scalarArb: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 4, arbitrary: word.map((token) => ({ kind: 'scalar' as const, token })) },
  { weight: 3, arbitrary: plainToken.map((token) => ({ kind: 'scalar' as const, token })) },
  { weight: 2, arbitrary: dqToken.map((token) => ({ kind: 'scalar' as const, token })) },
  { weight: 1, arbitrary: sqToken.map((token) => ({ kind: 'scalar' as const, token })) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(word, fc.constant(''), plainToken), { minLength: 2, maxLength: 4 })
      .map((lines) => ({ kind: 'scalar' as const, token: lines[0] || 'x', lines: lines.slice(1) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(
        fc.oneof(
          word,
          dqToken.map((t) => t.slice(1, -1)),
          fc.constant(''),
        ),
        {
          minLength: 2,
          maxLength: 4,
        },
      )
      .map((lines) => ({
        kind: 'scalar' as const,
        token: `"${lines[0]}`,
        lines: [...lines.slice(1, -1), `${lines[lines.length - 1]}"`],
      })),
  },
);

const blockArb: fc.Arbitrary<Block> = fc.record({
  kind: fc.constant('block' as const),
  header: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '|-1', '| # c', '>\t'),
  body: fc.array(
    fc.oneof(
      word,
      fc.constant(''),
      fc.constant('  indented more'),
      fc.constant('   '),
      fc.constant('# not a comment'),
      fc.constant('\ttab'),
    ),
    { maxLength: 5 },
  ),
});

const commentArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom(' # c', '  #: x', ' #', '\t# tab') },
);

export const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    { weight: 5, arbitrary: scalarArb },
    { weight: 1, arbitrary: blockArb },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('map' as const),
        flow: fc.oneof(
          { weight: 3, arbitrary: fc.constant(false) },
          { weight: 2, arbitrary: fc.constant(true) },
        ),
        entries: fc.uniqueArray(
          fc.record({ key: fc.constantFrom(...KEYS), value: tie('node'), comment: commentArb }),
          { minLength: 0, maxLength: 5, selector: (e) => e.key },
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('seq' as const),
        flow: fc.boolean(),
        sameIndent: fc.boolean(),
        items: fc.array(fc.record({ value: tie('node'), comment: commentArb }), {
          minLength: 0,
          maxLength: 4,
        }),
      }),
    },
  ),
})).node;

/** Renders a node as the value of a block context with the given indentation. */
export function renderDocument(root: Node, header: string): string {
  const lines = header ? [header] : [];
  if (root.kind === 'map' && !root.flow && root.entries.length > 0) renderMap(root, 0, lines);
  else if (root.kind === 'seq' && !root.flow && root.items.length > 0) renderSeq(root, 0, lines);
  else {
    const at = lines.length;
    lines.push('');
    lines[at] = (header.startsWith('---') ? `${header} ` : '') + (inline(root, 0, lines) ?? '');
    if (header.startsWith('---')) lines.splice(0, 1);
  }
  return lines.join('\n') + '\n';
}

function renderMap(map: MapNode, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const { key, value, comment } of map.entries) {
    renderEntry(`${pad}${key}:`, value, indent, comment, out, true);
  }
}

function renderSeq(seq: SeqNode, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  for (const { value, comment } of seq.items) {
    if (value.kind === 'map' && !value.flow && value.entries.length > 0) {
      // Compact form: `- key: value` with the other keys aligned under the first.
      const start = out.length;
      renderMap(value, indent + 2, out);
      out[start] = `${pad}- ${(out[start] ?? '').slice(indent + 2)}`;
      continue;
    }
    renderEntry(`${pad}-`, value, indent, comment, out, false);
  }
}

function renderEntry(
  lead: string,
  value: Node,
  indent: number,
  comment: string,
  out: string[],
  isMapValue: boolean,
): void {
  if (value.kind === 'map' && !value.flow && value.entries.length > 0) {
    out.push(lead + comment);
    renderMap(value, indent + 2, out);
    return;
  }
  if (value.kind === 'seq' && !value.flow && value.items.length > 0) {
    out.push(lead + comment);
    renderSeq(value, isMapValue && value.sameIndent ? indent : indent + 2, out);
    return;
  }
  const at = out.length;
  out.push('');
  const text = inline(value, indent + 2, out);
  out[at] =
    text === null ? lead + comment : `${lead} ${text}${value.kind === 'block' ? '' : comment}`;
}

/** Renders a scalar, block scalar or flow collection; extra lines go to `out`. */
function inline(node: Node, indent: number, out: string[]): string | null {
  const pad = ' '.repeat(indent);
  switch (node.kind) {
    case 'scalar':
      for (const line of node.lines ?? []) out.push(line === '' ? '' : pad + line);
      return node.token;
    case 'block':
      for (const line of node.body) out.push(line === '' ? '' : pad + line);
      return node.header;
    case 'map':
    case 'seq':
      return flowLines(node, indent, out);
  }
}

/**
 * A flow collection; when its first entry carries a comment, it is spread over several lines,
 * each indented by the comment's length (so some lines are under-indented on purpose).
 */
function flowLines(node: MapNode | SeqNode, indent: number, out: string[]): string {
  const parts =
    node.kind === 'map'
      ? node.entries.map((e) => `${e.key}: ${flowText(e.value)}`)
      : node.items.map((i) => flowText(i.value));
  const [open, close] = node.kind === 'map' ? ['{', '}'] : ['[', ']'];
  const comment = node.kind === 'map' ? node.entries[0]?.comment : node.items[0]?.comment;
  if (!comment || parts.length === 0) return `${open}${parts.join(', ')}${close}`;
  const pad = ' '.repeat(Math.max(0, indent - 2 + (comment.length % 4)));
  parts.forEach((part, i) =>
    out.push(`${pad}${part}${i < parts.length - 1 ? ',' : ''}${i === 0 ? comment : ''}`),
  );
  out.push(' '.repeat(Math.max(0, indent - 2)) + close);
  return open;
}

function flowText(node: Node): string {
  switch (node.kind) {
    case 'scalar':
      return node.token;
    case 'block':
      return node.body[0] ?? 'x';
    case 'map':
      return `{${node.entries.map((e) => `${e.key}: ${flowText(e.value)}`).join(', ')}}`;
    case 'seq':
      return `[${node.items.map((i) => flowText(i.value)).join(', ')}]`;
  }
}

/** Mostly a mapping at the root, like a manifest; sometimes anything. */
const rootArb: fc.Arbitrary<Node> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('map' as const),
      flow: fc.constant(false),
      entries: fc.uniqueArray(
        fc.record({ key: fc.constantFrom(...KEYS), value: nodeArb, comment: commentArb }),
        { minLength: 1, maxLength: 8, selector: (e) => e.key },
      ),
    }),
  },
  { weight: 1, arbitrary: nodeArb },
);

export const documentArb: fc.Arbitrary<string> = fc
  .tuple(rootArb, fc.constantFrom('', '', '', '---', '--- # doc', '# leading comment'))
  .map(([root, header]) => renderDocument(root, header));

const MUTATION_CHARS = [
  '\t',
  ' ',
  '\n',
  '"',
  "'",
  ':',
  '#',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '?',
  '%',
  '@',
  '\\',
  '\u00a0',
  '\u0001',
  '\ufeff',
  '\r',
  '…',
  '😀',
  '.',
  '0',
  '  ',
];

/** One edit of a valid document: insert, delete or replace a character, or re-indent a line. */
export const mutationArb = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(...MUTATION_CHARS),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), text: fc.constant('') }),
  fc.record({
    op: fc.constant('replace' as const),
    at: fc.nat(),
    text: fc.constantFrom(...MUTATION_CHARS),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 3 }),
  }),
);

export function applyMutations(
  text: string,
  mutations: readonly { op: 'insert' | 'delete' | 'replace'; at: number; text: string }[],
): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.op === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.op === 'delete') out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + m.text + out.slice(at + 1);
  }
  return out;
}

export const mutatedDocumentArb: fc.Arbitrary<string> = fc
  .tuple(documentArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
  .map(([text, mutations]) => applyMutations(text, mutations));

type LineEdit = { op: string; line: number; amount: number; at: number };

/** Line-level edits: re-indent a line, duplicate it, swap it with the next, or split it. */
export const lineEditArb = fc.record({
  op: fc.constantFrom('indent', 'dedent', 'duplicate', 'swap', 'split', 'join'),
  line: fc.nat(),
  amount: fc.integer({ min: 1, max: 3 }),
  at: fc.nat(),
});

export function applyLineEdits(text: string, edits: readonly LineEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const i = e.line % lines.length;
    const line = lines[i] ?? '';
    switch (e.op) {
      case 'indent':
        lines[i] = ' '.repeat(e.amount) + line;
        break;
      case 'dedent':
        lines[i] = line.replace(new RegExp(`^ {0,${e.amount}}`), '');
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap':
        if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1] ?? '', line];
        break;
      case 'split': {
        const at = e.at % (line.length + 1);
        lines.splice(i, 1, line.slice(0, at), ' '.repeat(e.amount) + line.slice(at));
        break;
      }
      case 'join':
        if (i + 1 < lines.length) lines.splice(i, 2, line + ' ' + (lines[i + 1] ?? '').trimStart());
        break;
    }
  }
  return lines.join('\n');
}

export const reshapedDocumentArb: fc.Arbitrary<string> = fc
  .tuple(documentArb, fc.array(lineEditArb, { minLength: 1, maxLength: 3 }))
  .map(([text, edits]) => applyLineEdits(text, edits));

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

/** Line fragments: keys, values, indicators, scalar pieces and flow pieces, valid or not. */
const FRAGMENTS = [
  'a:',
  'b: 1',
  'c: x y',
  'd: "q"',
  "e: 'q'",
  'f: |',
  'g: >-',
  'h: |+',
  'i: |2',
  'j: [1, 2]',
  'k: {x: 1}',
  'l: [',
  'm: {',
  ']',
  '}',
  '],',
  '},',
  'x,',
  '"x",',
  'x: 1,',
  '- ',
  '-',
  '- a',
  '- a: 1',
  '- - a',
  '- |',
  '- [a]',
  '- "multi',
  'line"',
  "'multi",
  "line'",
  'plain',
  'more words',
  '# comment',
  'a: b # c',
  '',
  '   ',
  '"k": v',
  "'k': v",
  'a: "x\\',
  'y"',
  'n: ~',
  'o: 0o14',
  'p:   ',
  '- # c',
  '? x',
  '--- ',
  '...',
  'key with space: v',
  'u: on',
  'v: -',
  'w: "a#b"',
  'z: a#b',
  '\ttab',
  'x:\ty',
  '{a: 1}',
  '[a, b]',
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
