import type { StringAtom } from './strings.js';
import { PCHAR, asciiLower, isLoop, templateTokens } from './strings.js';

/**
 * The finite set of witness strings that stands for every string a dimension can take, given the
 * pattern atoms that read it (see `stringWitnesses` for why it covers every region).
 */

/** Which strings a dimension can take: the universe the witnesses are drawn from. */
export interface StringDomain {
  /** The attribute may be missing (a header, a JWT claim, the SNI). */
  readonly absent: boolean;
  readonly empty: boolean;
  /** Every value starts with this (`/` for paths). */
  readonly startsWith: string;
  /** Values compared case-insensitively (hosts): atoms and witnesses are lower-cased. */
  readonly lowercase: boolean;
}

/** Deterministic finite automaton over characters; states are small integers, -1 is dead. */
interface Machine {
  readonly start: number;
  step(state: number, char: string): number;
  accepts(state: number): boolean;
}

/** Upper bound on explored automaton states; beyond it the caller falls back fail-safe. */
const STATE_LIMIT = 50_000;

/**
 * One witness per non-empty region of the partition the atoms induce on the domain, or `null`
 * when the search exceeds its budget.
 *
 * Why this covers every region: each atom is a finite automaton, so whether a string satisfies
 * an atom depends only on the tuple of automaton states it reaches. Characters that occur in no
 * atom behave alike in every automaton, except that templates tell pchars, `/` and other
 * characters apart; so the alphabet "every character of every atom, `/`, one unused pchar, one
 * unused non-pchar" reaches every reachable tuple. A breadth-first search over that product
 * visits every reachable tuple, and the tuple fixes the truth value of every atom (and of the
 * domain constraint, which is part of the product). Keeping one string per distinct vector of
 * atom truth values therefore leaves exactly one witness per non-empty region.
 */
export function stringWitnesses(
  atoms: readonly StringAtom[],
  domain: StringDomain,
): (string | null)[] | null {
  const alphabet = alphabetOf(atoms, domain);
  if (alphabet === null) return null;
  const machines = [domainMachine(domain), ...atoms.map(machineOf)];
  const found = new Map<string, string>();
  const seen = new Set<string>();
  let frontier: { states: number[]; text: string }[] = [
    { states: machines.map((m) => m.start), text: '' },
  ];
  // Emptiness is part of a region (presence atoms, domains without the empty value), so it is
  // part of the search state: a non-empty string can return every automaton to its start state
  // (a suffix automaton after a character that starts no match) and must still be recorded.
  const stateKey = (states: readonly number[], text: string) =>
    `${text === '' ? 'e' : 'n'}${states.join(',')}`;
  seen.add(stateKey(frontier[0]?.states ?? [], ''));
  while (frontier.length > 0) {
    const next: typeof frontier = [];
    for (const { states, text } of frontier) {
      record(machines, states, text, domain, found);
      for (const char of alphabet) {
        const stepped = states.map((s, i) => (s < 0 ? s : (machines[i]?.step(s, char) ?? -1)));
        const key = stateKey(stepped, text + char);
        if (seen.has(key)) continue;
        seen.add(key);
        if (seen.size > STATE_LIMIT) return null;
        next.push({ states: stepped, text: text + char });
      }
    }
    frontier = next;
  }
  const witnesses: (string | null)[] = [...found.values()].sort();
  if (domain.absent) witnesses.unshift(null);
  return witnesses;
}

function record(
  machines: readonly Machine[],
  states: readonly number[],
  text: string,
  domain: StringDomain,
  found: Map<string, string>,
): void {
  const inDomain = machines[0]?.accepts(states[0] ?? -1) === true;
  if (!inDomain || (!domain.empty && text === '')) return;
  let vector = text === '' ? 'e' : 'n';
  for (let i = 1; i < machines.length; i++)
    vector += machines[i]?.accepts(states[i] ?? -1) ? '1' : '0';
  if (!found.has(vector)) found.set(vector, text);
}

const PCHAR_CANDIDATES = 'zqxjkvwy0123456789abcdefghilmnoprstu~!$&@=;:,+';
const OTHER_CANDIDATES = '"<>\\^`|#[]{} ';

function alphabetOf(atoms: readonly StringAtom[], domain: StringDomain): string[] | null {
  const used = new Set<string>(domain.startsWith);
  for (const atom of atoms) for (const c of literalChars(atom)) used.add(c);
  used.add('/');
  const fresh = [...PCHAR_CANDIDATES].find((c) => !used.has(c));
  const other = [...OTHER_CANDIDATES].find((c) => !used.has(c));
  if (fresh === undefined || other === undefined) return null;
  const letters = [...used, fresh, other];
  return [...new Set(domain.lowercase ? letters.map(asciiLower) : letters)].sort();
}

function literalChars(atom: StringAtom): string {
  if (atom.kind === 'template')
    return templateTokens(atom.value)
      .map((t) => (t.type === 'literal' ? t.char : ''))
      .join('');
  return 'value' in atom ? atom.value : '';
}

function domainMachine(domain: StringDomain): Machine {
  return domain.startsWith === ''
    ? { start: 0, step: () => 0, accepts: () => true }
    : prefixMachine(domain.startsWith);
}

function machineOf(atom: StringAtom): Machine {
  switch (atom.kind) {
    case 'exact':
      return exactMachine(atom.value);
    case 'prefix':
      return prefixMachine(atom.value);
    case 'suffix':
      return suffixMachine(atom.value);
    case 'template':
      return templateMachine(atom.value);
    default:
      // Presence atoms are decided by emptiness alone, which `record` tracks.
      return { start: 0, step: () => 1, accepts: (s) => s === 1 || atom.kind === 'present' };
  }
}

function exactMachine(value: string): Machine {
  return {
    start: 0,
    step: (s, c) => (s < value.length && value[s] === c ? s + 1 : -1),
    accepts: (s) => s === value.length,
  };
}

function prefixMachine(value: string): Machine {
  return {
    start: 0,
    step: (s, c) => (s === value.length ? s : value[s] === c ? s + 1 : -1),
    accepts: (s) => s === value.length,
  };
}

/** Knuth–Morris–Pratt: the state is the longest prefix of `value` that ends the input. */
function suffixMachine(value: string): Machine {
  const failure = [0];
  for (let i = 1, k = 0; i < value.length; i++) {
    while (k > 0 && value[i] !== value[k]) k = failure[k - 1] ?? 0;
    if (value[i] === value[k]) k++;
    failure[i] = k;
  }
  return {
    start: 0,
    step: (s, c) => {
      let k = s === value.length ? (failure[s - 1] ?? 0) : s;
      while (k > 0 && value[k] !== c) k = failure[k - 1] ?? 0;
      return value[k] === c ? k + 1 : 0;
    },
    accepts: (s) => s === value.length,
  };
}

/** Subset construction over the template's token positions, built lazily. */
function templateMachine(template: string): Machine {
  const tokens = templateTokens(template);
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const idOf = (positions: number[]): number => {
    const key = positions.join(',');
    let id = ids.get(key);
    if (id === undefined) {
      id = sets.length;
      ids.set(key, id);
      sets.push(positions);
    }
    return id;
  };
  // A loop may match nothing, so standing before it also means standing after it.
  const close = (positions: Iterable<number>): number[] => {
    const out = new Set<number>();
    for (const p of positions)
      for (let q = p; ; q++) {
        out.add(q);
        if (!isLoop(tokens[q])) break;
      }
    return [...out].sort((a, b) => a - b);
  };
  const start = idOf(close([0]));
  return {
    start,
    step: (s, c) => {
      const next: number[] = [];
      for (const p of sets[s] ?? []) {
        const token = tokens[p];
        if (token === undefined) continue;
        if (token.type === 'literal') {
          if (token.char === c) next.push(p + 1);
        } else if (token.type === 'pchar') {
          if (PCHAR.test(c)) next.push(p + 1);
        } else if (PCHAR.test(c) || (token.type === 'anyLoop' && c === '/')) next.push(p);
      }
      return next.length === 0 ? -1 : idOf(close(next));
    },
    accepts: (s) => (sets[s] ?? []).includes(tokens.length),
  };
}
