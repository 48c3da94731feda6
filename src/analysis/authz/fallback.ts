import type { Atom, DimensionKey, Value } from './dimensions.js';
import { formatStringAtom } from './strings.js';

/** At most this many sample values when the exact witness search gives up. */
const SAMPLE_LIMIT = 512;

/**
 * Sample values for a dimension whose exact witness search exceeded its budget: every literal an
 * atom names, and each prefix glued to each suffix with a character no atom uses. This covers the
 * regions of exact, prefix and suffix atoms (the "longest prefix + fresh + longest suffix"
 * argument) but not every interplay with path templates, so the space is marked inexact and the
 * answers built on it say so.
 */
export function fallbackWitnesses(dimension: DimensionKey, atoms: readonly Atom[]): Value[] {
  if (dimension === 'jwt') {
    const tokens = atoms.flatMap((atom) =>
      atom.kind === 'jwt'
        ? fallbackWitnesses(atom.component, [{ kind: 'string', atom: atom.atom }]).map((v) => ({
            iss: '\u00a7',
            [atom.component]: typeof v === 'string' ? v : null,
          }))
        : [],
    );
    return [null, ...tokens.slice(0, SAMPLE_LIMIT)];
  }
  const prefixes = new Set<string>(['']);
  const suffixes = new Set<string>(['']);
  const exact = new Set<string>();
  for (const atom of atoms) {
    if (atom.kind !== 'string' && atom.kind !== 'jwt') continue;
    const inner = atom.atom;
    if (inner.kind === 'prefix') prefixes.add(inner.value);
    else if (inner.kind === 'suffix') suffixes.add(inner.value);
    else if (inner.kind === 'exact' || inner.kind === 'template')
      exact.add(formatStringAtom(inner));
  }
  const fresh = '\u00a7';
  const samples = new Set<string>(exact);
  for (const p of prefixes)
    for (const s of suffixes) if (samples.size < SAMPLE_LIMIT) samples.add(p + fresh + s);
  const start = dimension === 'path' ? '/' : '';
  const values: Value[] = [...samples].map((s) => (s.startsWith(start) ? s : start + s)).sort();
  return dimension.startsWith('header:') || dimension === 'sni' ? [null, ...values] : values;
}
