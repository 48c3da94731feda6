import type { ResourceRef, Source } from '../model/source.js';
import type { Code, Severity } from './catalogue.js';

/**
 * A judgement about the change or about one side of it: an mTLS downgrade, access newly granted
 * across namespaces, a policy that matches nothing. Like diagnostics, findings carry a catalogue
 * code and the exact line; they also say which side that line is on.
 */
export interface Finding {
  /**
   * Stable identity across runs (code + subject), so a comment, an ignore entry or `/mesh explain
   * <id>` can refer to it. Never includes line numbers, which move with unrelated edits.
   */
  readonly id: string;
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  /** The head line that caused it, or the base line for something deleted. */
  readonly at: Source;
  readonly side: 'base' | 'head';
  /** The object at fault, when there is one. */
  readonly ref?: ResourceRef;
  /** The edge it is about, when there is one. */
  readonly edge?: { readonly from: string; readonly to: string; readonly port: number };
}
