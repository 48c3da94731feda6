import type { Atom } from './dimensions.js';
import { dimensionLabel, formatAtom, keyOfAtom } from './dimensions.js';
import type { Box, DimensionSpace, RequestSet } from './request-set.js';
import { align, fullSet, subtract } from './request-set.js';

/**
 * Short, canonical descriptions of request sets: `GET /api/products/*`,
 * `(any method except PUT) /admin (header x-token admin)`.
 *
 * Canonical form: a decision diagram over the dimensions in a fixed order. At each level the
 * witnesses with the same remaining set are grouped, so the structure depends only on which
 * regions the set holds, never on how the policies were written or ordered. Each group is then
 * written with the atoms that cover it exactly (`express`), preferring the largest atoms, so
 * duplicated or subsumed patterns disappear.
 */

export const ALL_REQUESTS = 'all requests';

interface Group {
  readonly bits: bigint;
  readonly child: Node;
}
/** `null`: the end of the box (every remaining dimension unconstrained). */
type Node = readonly Group[] | null;

/** Lines describing `set`; dimensions equal to the universe's are left out. */
export function describe(set: RequestSet, universe?: RequestSet): string[] {
  if (set.boxes.length === 0) return [];
  const [s, u] = align(set, universe ?? fullSet(set.space));
  const diagram = build(s.boxes, 0, s.space.dimensions.length);
  const lines = render(diagram, s.space.dimensions, u.boxes, 0, emptyLine());
  const unique = [...new Set(lines)];
  return unique.length === 1 && unique[0] === 'any request' ? [ALL_REQUESTS] : unique;
}

/**
 * The diff's "newly allowed" and "newly denied" request lines between two answers for the same
 * edge, each described within the universe of the side it comes from.
 */
export function describeChange(
  base: { readonly allowed: RequestSet; readonly universe: RequestSet },
  head: { readonly allowed: RequestSet; readonly universe: RequestSet },
): { readonly newlyAllowed: string[]; readonly newlyDenied: string[] } {
  return {
    newlyAllowed: describe(subtract(head.allowed, base.allowed), head.universe),
    newlyDenied: describe(subtract(base.allowed, head.allowed), base.universe),
  };
}

/** A string equal for equal sets of one space: for caching and grouping results. */
export function canonicalKey(set: RequestSet): string {
  return keyOf(build(set.boxes, 0, set.space.dimensions.length));
}

function build(boxes: readonly Box[], level: number, depth: number): Node {
  if (boxes.length === 0) return [];
  if (level === depth) return null;
  let union = 0n;
  for (const box of boxes) union |= box[level] ?? 0n;
  const groups = new Map<string, { bits: bigint; child: Node }>();
  for (let i = 0n; union >> i !== 0n; i++) {
    if (((union >> i) & 1n) === 0n) continue;
    const rest = boxes.filter((b) => (((b[level] ?? 0n) >> i) & 1n) === 1n);
    const child = build(rest, level + 1, depth);
    const key = keyOf(child);
    const group = groups.get(key);
    if (group) group.bits |= 1n << i;
    else groups.set(key, { bits: 1n << i, child });
  }
  return [...groups.values()].sort((a, b) => (a.bits < b.bits ? -1 : a.bits > b.bits ? 1 : 0));
}

const keys = new WeakMap<readonly Group[], string>();

function keyOf(node: Node): string {
  if (node === null) return '*';
  let key = keys.get(node);
  if (key === undefined) {
    key = `[${node.map((g) => `${g.bits.toString(36)}:${keyOf(g.child)}`).join(',')}]`;
    keys.set(node, key);
  }
  return key;
}

// ---- rendering --------------------------------------------------------------------------------

interface Line {
  readonly traffic: string | null;
  readonly method: string | null;
  readonly path: string | null;
  readonly host: string | null;
  readonly conditions: readonly string[];
  /** On a port that also sees non-HTTP traffic, the line is about HTTP requests only. */
  readonly http?: boolean;
}

function emptyLine(): Line {
  return { traffic: null, method: null, path: null, host: null, conditions: [] };
}

/**
 * `context` holds the universe's boxes still compatible with the path taken so far: a dimension
 * is printed relative to what the universe allows there, and left out when it allows no more.
 */
function render(
  node: Node,
  dimensions: readonly DimensionSpace[],
  context: readonly Box[],
  level: number,
  line: Line,
): string[] {
  if (node === null || level >= dimensions.length) return [formatLine(line)];
  const dimension = dimensions[level];
  if (dimension === undefined) return [formatLine(line)];
  let within = 0n;
  for (const box of context) within |= box[level] ?? 0n;
  if (within === 0n) within = dimension.full;
  return node.flatMap((group) => {
    const bits = group.bits & within;
    const terms = express(dimension, bits, within);
    const narrowed = context.filter((box) => ((box[level] ?? 0n) & bits) !== 0n);
    const variants = placeTerms(dimension, terms, line);
    return variants.flatMap((next) => render(group.child, dimensions, narrowed, level + 1, next));
  });
}

function placeTerms(dimension: DimensionSpace, terms: readonly Term[], line: Line): Line[] {
  if (terms.length === 1 && terms[0]?.atom === null && terms[0].except.length === 0) return [line];
  const key = dimension.key;
  if (key === 'traffic') {
    const text = terms.map((t) => formatTerm(t, 'traffic')).join(', ');
    return [text === 'HTTP' ? { ...line, http: true } : { ...line, traffic: text }];
  }
  if (key === 'path') return terms.map((t) => ({ ...line, path: formatTerm(t, 'path') }));
  const text = terms.map((t) => formatTerm(t, key)).join(', ');
  if (key === 'method') return [{ ...line, method: text }];
  if (key === 'host') return [{ ...line, host: `host ${text}` }];
  const label = dimensionLabel(key) ?? key;
  return [{ ...line, conditions: [...line.conditions, `${label} ${text}`] }];
}

function formatLine(line: Line): string {
  const parts = [line.method, line.path, line.host].filter((p) => p !== null);
  // `any method except GET /api/*` reads as if GET /api/* were the exception: a part with its own
  // exception is bracketed unless it ends the line.
  const head = parts.map((p, i) => (i < parts.length - 1 && p.includes(' except ') ? `(${p})` : p));
  const any = line.http === true ? 'any HTTP request' : 'any request';
  const text = line.traffic ?? (head.length === 0 ? any : head.join(' '));
  return line.conditions.length === 0 ? text : `${text} (${line.conditions.join('; ')})`;
}

// ---- one dimension as atoms -------------------------------------------------------------------

interface Term {
  /** `null`: everything in the context. */
  readonly atom: Atom | null;
  readonly except: readonly Term[];
}

const MAX_DEPTH = 4;

/**
 * Terms whose union, within `context`, is exactly `bits`: first the largest atoms inside it, then
 * "atom except …" for what is left, else "anything except …". The regions outside every atom
 * form a single region, so once the plain and excepted atoms cannot cover the rest, the
 * complement can, and the recursion always ends.
 */
function express(dimension: DimensionSpace, bits: bigint, context: bigint, depth = 0): Term[] {
  if (bits === 0n) return [];
  if (bits === context) return [{ atom: null, except: [] }];
  const candidates = dimension.atoms
    .map((atom) => ({ atom, bits: (dimension.atomBits.get(keyOfAtom(atom)) ?? 0n) & context }))
    .filter((c) => c.bits !== 0n && c.bits !== context);
  const inside = maximal(candidates.filter((c) => (c.bits & ~bits) === 0n));
  let rest = bits;
  for (const c of inside) rest &= ~c.bits;
  const terms: Term[] = inside.map((c) => ({ atom: c.atom, except: [] }));
  if (rest === 0n) return terms;
  // One atom holding all the rest reads best as that atom with its excess excepted: the
  // smallest such atom has the least to except (`/api/v1/{*}/items/{**} except /api/v1/x/items/`).
  const cover = candidates.filter((c) => (rest & ~c.bits) === 0n).sort(bySize)[0];
  if (cover !== undefined && depth < MAX_DEPTH) {
    terms.push({
      atom: cover.atom,
      except: express(dimension, cover.bits & ~rest, cover.bits, depth + 1),
    });
    return sortTerms(terms);
  }
  const overlapping = maximal(
    candidates.filter((c) => (c.bits & rest) !== 0n && (c.bits & ~bits) !== 0n),
  );
  const chosen: typeof overlapping = [];
  let uncovered = rest;
  for (const c of [...overlapping].sort(
    (a, b) => popcount(b.bits & rest) - popcount(a.bits & rest),
  )) {
    if ((c.bits & uncovered) === 0n) continue;
    chosen.push(c);
    uncovered &= ~c.bits;
  }
  if (uncovered === 0n && depth < MAX_DEPTH) {
    // The exception may also drop what the plain terms already cover: excepting everything of
    // the atom outside `rest` is the largest choice, usually the one plain atoms express.
    for (const c of chosen)
      terms.push({ atom: c.atom, except: express(dimension, c.bits & ~rest, c.bits, depth + 1) });
    return sortTerms(terms);
  }
  if (depth >= MAX_DEPTH) return regionTerms(dimension, bits, context);
  return [{ atom: null, except: express(dimension, context & ~bits, context, depth + 1) }];
}

/**
 * Last resort past the nesting budget: each region on its own, exactly. A region is the points in
 * every atom of one set and in none of the others, so it is written as its smallest atom except
 * the atoms it lies outside and except what that atom holds outside its other atoms. Never wider
 * than `bits`: an allowed set must not be described as more than it is.
 */
function regionTerms(dimension: DimensionSpace, bits: bigint, context: bigint): Term[] {
  const atoms = dimension.atoms
    .map((atom) => ({ atom, bits: (dimension.atomBits.get(keyOfAtom(atom)) ?? 0n) & context }))
    .filter((a) => a.bits !== 0n);
  const out: Term[] = [];
  for (let i = 0n; bits >> i !== 0n; i++) {
    const bit = 1n << i;
    if ((bits & bit) === 0n) continue;
    const inside = atoms.filter((a) => (a.bits & bit) !== 0n);
    const outside = atoms.filter((a) => (a.bits & bit) === 0n);
    const smallest = [...inside].sort(bySize)[0];
    if (smallest === undefined) {
      out.push({ atom: null, except: outside.map((a) => ({ atom: a.atom, except: [] })) });
      continue;
    }
    const except: Term[] = [
      ...outside
        .filter((a) => (a.bits & smallest.bits) !== 0n)
        .map((a) => ({ atom: a.atom, except: [] })),
      ...inside
        .filter((a) => (smallest.bits & ~a.bits) !== 0n)
        .map((a) => ({ atom: smallest.atom, except: [{ atom: a.atom, except: [] }] })),
    ];
    out.push({ atom: smallest.atom, except });
  }
  return out.length > 0 ? out : [{ atom: null, except: [] }];
}

/** Fewest regions first; equal sizes by text, so the choice never depends on policy order. */
function bySize(a: { atom: Atom; bits: bigint }, b: { atom: Atom; bits: bigint }): number {
  return popcount(a.bits) - popcount(b.bits) || compareText(keyOfAtom(a.atom), keyOfAtom(b.atom));
}

function maximal<T extends { atom: Atom; bits: bigint }>(items: readonly T[]): T[] {
  const sorted = [...items].sort((a, b) => compareText(keyOfAtom(a.atom), keyOfAtom(b.atom)));
  return sorted.filter((item, i) =>
    sorted.every((other, j) => {
      if (i === j || (item.bits & ~other.bits) !== 0n) return true;
      // `other` contains `item`: keep `item` only when they are equal and `item` sorts first.
      return other.bits !== item.bits ? false : i < j;
    }),
  );
}

function sortTerms(terms: Term[]): Term[] {
  return terms.sort((a, b) => compareText(termText(a), termText(b)));
}

function termText(term: Term): string {
  return term.atom === null ? '' : keyOfAtom(term.atom);
}

function formatTerm(term: Term, dimension: string): string {
  const head = term.atom === null ? anyOf(dimension) : formatAtom(term.atom);
  if (term.except.length === 0) return head;
  if (term.atom === null && optional(dimension) && isPresenceOnly(term.except)) return 'absent';
  const inner = term.except.map((t) => {
    const text = formatTerm(t, dimension);
    return t.except.length > 0 ? `(${text})` : text;
  });
  return `${head} except ${inner.join(', ')}`;
}

function isPresenceOnly(terms: readonly Term[]): boolean {
  return (
    terms.length === 1 &&
    terms[0]?.except.length === 0 &&
    formatAtom(terms[0].atom ?? { kind: 'token' }) === 'present'
  );
}

function optional(dimension: string): boolean {
  return dimension.startsWith('header:') || dimension === 'jwt' || dimension === 'sni';
}

function anyOf(dimension: string): string {
  if (dimension === 'method' || dimension === 'path' || dimension === 'host')
    return `any ${dimension}`;
  return 'any';
}

function popcount(bits: bigint): number {
  let count = 0;
  for (let b = bits; b !== 0n; b &= b - 1n) count++;
  return count;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
