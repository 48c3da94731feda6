import type { SetRelation } from './types.js';
import type { Atom, DimensionKey, Expr, Value } from './dimensions.js';
import { atomsOf, compareDimensions, keyOfAtom, testAtom, witnessesOf } from './dimensions.js';
import { fallbackWitnesses } from './fallback.js';

/**
 * Symbolic request sets. A set is a union of cubes; a cube constrains each dimension by a
 * predicate over pattern atoms. To decide emptiness, containment and equality exactly, every
 * dimension's atoms are turned into witnesses (one value per region of the partition the atoms
 * induce; see `stringWitnesses`), so a predicate becomes the finite set of regions it holds on,
 * a bitset. A cube is then a box of bitsets and set algebra is box algebra over finite domains.
 *
 * Sets built from different atoms live in different spaces; operations first re-project both
 * onto the space of the union of their atoms. Each new region lies inside exactly one old region
 * (old atoms are a subset of the new ones), which the old atoms' truth values identify.
 */

export interface DimensionSpace {
  readonly key: DimensionKey;
  /** Sorted by key, without duplicates. */
  readonly atoms: readonly Atom[];
  readonly witnesses: readonly Value[];
  /** Bitset of every witness. */
  readonly full: bigint;
  /** Witnesses satisfying each atom, by atom key. */
  readonly atomBits: ReadonlyMap<string, bigint>;
  /** Witness index by the truth vector of the atoms, to re-project onto finer spaces. */
  readonly regionIndex: ReadonlyMap<string, number>;
  /** False when the witness search hit its budget and a coarser sample was used. */
  readonly exact: boolean;
}

export interface Space {
  /** Sorted by `compareDimensions`. */
  readonly dimensions: readonly DimensionSpace[];
  readonly exact: boolean;
}

/** One bitset per dimension of the space, in the space's order. */
export type Box = readonly bigint[];

export interface RequestSet {
  readonly space: Space;
  /** Never contains an empty box. */
  readonly boxes: readonly Box[];
}

/** A cube: one predicate per constrained dimension; absent dimensions are unconstrained. */
export type Cube = ReadonlyMap<DimensionKey, Expr>;

// ---- spaces -----------------------------------------------------------------------------------

const dimensionCache = new Map<string, DimensionSpace>();

export function spaceOf(atomsByDimension: ReadonlyMap<DimensionKey, readonly Atom[]>): Space {
  const dimensions = [...atomsByDimension.keys()]
    .sort(compareDimensions)
    .map((key) => dimensionSpace(key, atomsByDimension.get(key) ?? []));
  return { dimensions, exact: dimensions.every((d) => d.exact) };
}

/** The space of every atom the cubes mention. */
export function spaceOfCubes(cubes: Iterable<Cube>, extra?: Space): Space {
  const atoms = new Map<DimensionKey, Atom[]>();
  for (const cube of cubes)
    for (const [key, expr] of cube) {
      const list = atoms.get(key) ?? [];
      atomsOf(expr, list);
      atoms.set(key, list);
    }
  if (extra)
    for (const d of extra.dimensions) atoms.set(d.key, [...(atoms.get(d.key) ?? []), ...d.atoms]);
  return spaceOf(atoms);
}

function dimensionSpace(key: DimensionKey, atoms: readonly Atom[]): DimensionSpace {
  const unique = [...new Map(atoms.map((a) => [keyOfAtom(a), a])).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, a]) => a);
  const cacheKey = `${key}\u0001${unique.map(keyOfAtom).join('\u0001')}`;
  const cached = dimensionCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const found = witnessesOf(key, unique);
  const witnesses = found ?? fallbackWitnesses(key, unique);
  const atomBits = new Map<string, bigint>();
  for (const atom of unique) {
    let bits = 0n;
    witnesses.forEach((w, i) => {
      if (testAtom(atom, w)) bits |= 1n << BigInt(i);
    });
    atomBits.set(keyOfAtom(atom), bits);
  }
  const regionIndex = new Map<string, number>();
  witnesses.forEach((w, i) => {
    const vector = regionVector(unique, w);
    if (!regionIndex.has(vector)) regionIndex.set(vector, i);
  });
  const space: DimensionSpace = {
    key,
    atoms: unique,
    witnesses,
    full: (1n << BigInt(witnesses.length)) - 1n,
    atomBits,
    regionIndex,
    exact: found !== null,
  };
  if (dimensionCache.size > 20_000) dimensionCache.clear();
  dimensionCache.set(cacheKey, space);
  return space;
}

function regionVector(atoms: readonly Atom[], value: Value): string {
  let vector = '';
  for (const atom of atoms) vector += testAtom(atom, value) ? '1' : '0';
  return vector;
}

/** The bitset of a predicate in one dimension of a space. */
export function predicateBits(dimension: DimensionSpace, expr: Expr): bigint {
  switch (expr.op) {
    case 'true':
      return dimension.full;
    case 'false':
      return 0n;
    case 'atom':
      return dimension.atomBits.get(keyOfAtom(expr.atom)) ?? 0n;
    case 'not':
      return dimension.full & ~predicateBits(dimension, expr.arg);
    case 'and':
      return expr.args.reduce((bits, a) => bits & predicateBits(dimension, a), dimension.full);
    case 'or':
      return expr.args.reduce((bits, a) => bits | predicateBits(dimension, a), 0n);
  }
}

// ---- building sets ----------------------------------------------------------------------------

export function emptySet(space: Space): RequestSet {
  return { space, boxes: [] };
}

export function fullSet(space: Space): RequestSet {
  return { space, boxes: [space.dimensions.map((d) => d.full)] };
}

/** A cube as a set in `space`, which must contain every atom the cube mentions. */
export function cubeSet(space: Space, cube: Cube): RequestSet {
  const box = space.dimensions.map((d) => {
    const expr = cube.get(d.key);
    return expr === undefined ? d.full : predicateBits(d, expr);
  });
  return { space, boxes: box.some((b) => b === 0n) ? [] : [box] };
}

// ---- algebra within one space -----------------------------------------------------------------

function boxContains(outer: Box, inner: Box): boolean {
  return inner.every((bits, i) => (bits & ~(outer[i] ?? 0n)) === 0n);
}

function boxIntersect(a: Box, b: Box): Box | null {
  const out: bigint[] = [];
  for (let i = 0; i < a.length; i++) {
    const bits = (a[i] ?? 0n) & (b[i] ?? 0n);
    if (bits === 0n) return null;
    out.push(bits);
  }
  return out;
}

/** `a − b` as disjoint boxes: peel off, dimension by dimension, the part of `a` outside `b`. */
function boxSubtract(a: Box, b: Box): Box[] {
  if (boxIntersect(a, b) === null) return [a];
  const pieces: Box[] = [];
  const current = [...a];
  for (let i = 0; i < a.length; i++) {
    const outside = (current[i] ?? 0n) & ~(b[i] ?? 0n);
    if (outside !== 0n) {
      const piece = [...current];
      piece[i] = outside;
      pieces.push(piece);
    }
    current[i] = (current[i] ?? 0n) & (b[i] ?? 0n);
  }
  return pieces;
}

/** Drops boxes contained in another box (the first of equal boxes is kept). */
function simplify(boxes: readonly Box[]): Box[] {
  const kept: Box[] = [];
  boxes.forEach((box, i) => {
    const covered = boxes.some(
      (other, j) => j !== i && boxContains(other, box) && (!boxContains(box, other) || j < i),
    );
    if (!covered) kept.push(box);
  });
  return kept;
}

function sameSpaceUnion(a: RequestSet, b: RequestSet): RequestSet {
  return { space: a.space, boxes: simplify([...a.boxes, ...b.boxes]) };
}

function sameSpaceIntersect(a: RequestSet, b: RequestSet): RequestSet {
  const boxes: Box[] = [];
  for (const x of a.boxes)
    for (const y of b.boxes) {
      const meet = boxIntersect(x, y);
      if (meet !== null) boxes.push(meet);
    }
  return { space: a.space, boxes: simplify(boxes) };
}

function sameSpaceSubtract(a: RequestSet, b: RequestSet): RequestSet {
  let pieces: Box[] = [...a.boxes];
  for (const y of b.boxes) {
    pieces = pieces.flatMap((x) => boxSubtract(x, y));
    if (pieces.length === 0) break;
  }
  return { space: a.space, boxes: simplify(pieces) };
}

// ---- re-projection ----------------------------------------------------------------------------

/** Both sets expressed in one space (the finer of the two, or their union's). */
export function align(a: RequestSet, b: RequestSet): [RequestSet, RequestSet] {
  if (a.space === b.space) return [a, b];
  const space = mergeSpaces(a.space, b.space);
  return [reproject(a, space), reproject(b, space)];
}

export function mergeSpaces(a: Space, b: Space): Space {
  if (a === b) return a;
  const atoms = new Map<DimensionKey, Atom[]>();
  for (const d of [...a.dimensions, ...b.dimensions])
    atoms.set(d.key, [...(atoms.get(d.key) ?? []), ...d.atoms]);
  return spaceOf(atoms);
}

export function reproject(set: RequestSet, space: Space): RequestSet {
  if (set.space === space) return set;
  const maps = space.dimensions.map((target) => {
    const index = set.space.dimensions.findIndex((d) => d.key === target.key);
    const source = set.space.dimensions[index];
    if (source === undefined) return null;
    const mapping = target.witnesses.map(
      (w) => source.regionIndex.get(regionVector(source.atoms, w)) ?? -1,
    );
    return { index, mapping };
  });
  const boxes = set.boxes.map((box) =>
    space.dimensions.map((target, i) => {
      const map = maps[i];
      if (map === null || map === undefined) return target.full;
      const bits = box[map.index] ?? 0n;
      let out = 0n;
      map.mapping.forEach((old, j) => {
        if (old >= 0 && ((bits >> BigInt(old)) & 1n) === 1n) out |= 1n << BigInt(j);
      });
      return out;
    }),
  );
  return { space, boxes: simplify(boxes.filter((b) => b.every((bits) => bits !== 0n))) };
}

// ---- public algebra ---------------------------------------------------------------------------

export function union(a: RequestSet, b: RequestSet): RequestSet {
  const [x, y] = align(a, b);
  return sameSpaceUnion(x, y);
}

export function intersect(a: RequestSet, b: RequestSet): RequestSet {
  const [x, y] = align(a, b);
  return sameSpaceIntersect(x, y);
}

/** Requests in `a` and not in `b`: the diff's "newly allowed" when `a` is head and `b` is base. */
export function subtract(a: RequestSet, b: RequestSet): RequestSet {
  const [x, y] = align(a, b);
  return sameSpaceSubtract(x, y);
}

export function isEmpty(set: RequestSet): boolean {
  return set.boxes.length === 0;
}

export function isSubset(a: RequestSet, b: RequestSet): boolean {
  return isEmpty(subtract(a, b));
}

/**
 * The set with no constraint left on one dimension: a request is in it whatever its value there,
 * as long as it is in the set for some value. For a destination that validates no token, whether
 * a request carries one makes no difference (`jwt`).
 */
export function unconstrained(set: RequestSet, key: DimensionKey): RequestSet {
  const index = set.space.dimensions.findIndex((d) => d.key === key);
  const dimension = set.space.dimensions[index];
  if (dimension === undefined) return set;
  const boxes = set.boxes.map((box) => box.map((bits, i) => (i === index ? dimension.full : bits)));
  return { space: set.space, boxes: simplify(boxes) };
}

/** How `b` (head) relates to `a` (base): `wider` when `b` allows strictly more. */
export function relation(a: RequestSet, b: RequestSet): SetRelation {
  const [x, y] = align(a, b);
  const lost = !isEmpty(sameSpaceSubtract(x, y));
  const gained = !isEmpty(sameSpaceSubtract(y, x));
  if (!lost && !gained) return 'equal';
  if (!lost) return 'wider';
  return gained ? 'different' : 'narrower';
}

/** Does the set contain the concrete request? `values` gives each dimension's value. */
export function containsPoint(
  set: RequestSet,
  values: (dimension: DimensionKey) => Value,
): boolean {
  const position = set.space.dimensions.map((d) => {
    const vector = regionVector(d.atoms, values(d.key));
    return d.regionIndex.get(vector) ?? -1;
  });
  return set.boxes.some((box) =>
    box.every((bits, i) => {
      const at = position[i] ?? -1;
      return at >= 0 && ((bits >> BigInt(at)) & 1n) === 1n;
    }),
  );
}
