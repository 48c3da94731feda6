import { catalogue } from '../findings/catalogue.js';
import type { Code, MessageParams, Severity } from '../findings/catalogue.js';
import type { ResourceRef, Source } from './source.js';

/**
 * A problem found in the input: broken YAML, an invalid policy, an unknown field. Diagnostics are
 * data, collected and returned; the loader never throws on bad input.
 */
export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly at: Source;
  /** The object the problem is in, when there is one. */
  readonly ref?: ResourceRef;
}

export function diagnostic<C extends Code>(
  code: C,
  at: Source,
  params: MessageParams<C>,
  ref?: ResourceRef,
): Diagnostic {
  const entry = catalogue[code];
  const message = (entry.message as (p: MessageParams<C>) => string)(params);
  return ref === undefined
    ? { code, severity: entry.severity, message, at }
    : { code, severity: entry.severity, message, at, ref };
}
