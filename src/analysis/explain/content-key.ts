/**
 * What an object says, without where it says it: positions (`at`, `source`, `…At`), the
 * apiVersion (v1 and v1beta1 of one kind mean the same) and metadata labels and annotations
 * (the fields that matter, such as dry-run, are already read into their own fields). Two
 * versions of a policy with equal keys behave identically, however the file moved around them.
 */
export function contentKey(value: unknown): string {
  return JSON.stringify(canonical(value));
}

const DROPPED = new Set(['source', 'at', 'apiVersion', 'labels', 'annotations']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    if (DROPPED.has(key) || /At$/.test(key)) continue;
    out[key] = canonical((value as Record<string, unknown>)[key]);
  }
  return out;
}
