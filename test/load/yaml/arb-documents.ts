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
// prettier-ignore
export const TRICKY_PLAIN = [
  'on', 'off', 'yes', 'no', 'y', 'n', 'true', 'True', 'TRUE', 'false', 'FALSE', 'tRue', 'null',
  'Null', 'NULL', '~', 'nULL', '0', '-0', '+0', '007', '0o14', '0o8', '0O14', '0x1F', '0X1F',
  '0xg', '1_000', '1,000', '.5', '5.', '-.5', '+.5', '1e3', '1E3', '1e+3', '-1.5e-3', '.e3', '1e',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '-.nan', '12345678901234567890', '0.1', '1.0', '1.2.3',
  'v1', '-', '--', '-foo', ':x', '?x', 'a:b', 'a#b', 'a #b', 'http://x.y/z?q=1#f', 'foo bar',
  'a, b', 'a]', 'b}', 'x[0]', '{x', 'é', '日本語', '😀', 'a\u00a0b', 'a\tb', '%x', '@x', '`x', 'foo:',
  'a: b', '- a', '*a', '&a b', '!t x', '<<', '=', 'a b  c',
];

// prettier-ignore
export const KEYS = [
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'app', 'spec', 'selector',
  'matchLabels', 'ports', 'port', 'targetPort', 'protocol', 'rules', 'from', 'to', 'source',
  'principals', 'operation', 'methods', 'paths', 'when', 'values', 'mtls', 'mode',
  'app.kubernetes.io/name', 'sidecar.istio.io/inject', 'key with spaces', '8080', '0x10', '1.0',
  '-1', 'null', '~', 'true', 'yes', '-a', 'a-b', 'x.y', 'é', '"quoted"', "'single'", '"a b"',
  '"8080"', '"true"', '"#"', '""', "''", '"a:b"', 'a:b', 'a#b',
];

// prettier-ignore
const DQ_BODIES = [
  '', '#', 'a b', '\\"', '\\\\', '\\/', '\\u00e9', '\\ud83d\\ude00', '\\x41', '\\t', '\\n',
  'tab\there', '\\N\\_\\L\\P', '\\0\\a\\b\\e\\f\\r\\v', 'a\\ b', 'end ', ' lead', "it's",
  '\\U0001F600', '\\q', '\\x4', '\\u12', 'a: b', '- x', '{a}', 'é😀',
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
