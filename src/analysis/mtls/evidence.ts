import type { ObjectBase } from '../model/kubernetes.js';
import type { Source } from '../model/source.js';
import type { Evidence } from './types.js';

/** Evidence pointing at an object, or at one of its lines when `at` is given. */
export function objectEvidence(object: ObjectBase, note: string, at?: Source): Evidence {
  return { ref: object.ref, at: at ?? object.source, note };
}

/** Evidence that rests on Istio's defaults or on meshguard's assumptions: no line to point at. */
export function noteEvidence(note: string): Evidence {
  return { ref: null, at: null, note };
}

/** `security.istio.io/tlsMode` and friends, written the way users type them in notes. */
export function labelText(key: string, value: string | undefined): string {
  return value === undefined ? `${key} (absent)` : `${key}=${value}`;
}
