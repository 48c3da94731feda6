/**
 * What an object means, without where it was written: positions, provenance and the API
 * version (v1 and v1beta1 are the same API) are dropped, `Located` values are reduced to their
 * value, so a refactor that moves, reorders or re-versions objects yields equal keys.
 */
export function contentKey(value: unknown): string {
  return JSON.stringify(strip(value));
}

// creationTimestamp stays: Istio breaks PeerAuthentication ties by age.
const POSITION_KEYS = new Set(['source', 'at', 'apiVersion']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if ('value' in record && 'at' in record && Object.keys(record).length === 2)
    return strip(record.value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (POSITION_KEYS.has(key) || key.endsWith('At')) continue;
    out[key] = strip(record[key]);
  }
  return out;
}
