import fc from 'fast-check';
import { documentArb } from './arb-documents.js';

/*
 * Edits of valid generated documents: character-level (tabs, quotes, indicators, stray bytes)
 * and line-level (re-indent, duplicate, swap, split, join). Most results are invalid; the
 * reference decides which.
 */

// prettier-ignore
const MUTATION_CHARS = [
  '\t', ' ', '\n', '"', "'", ':', '#', '-', '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '?',
  '%', '@', '\\', '\u00a0', '\u0001', '\ufeff', '\r', '…', '😀', '.', '0', '  ',
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
