import { describeChange, isEmpty, relation } from '../authz/index.js';
import type { EdgeChange } from '../report/types.js';
import type { EdgeEvaluation } from '../graph/edge-eval.js';

export interface EdgeComparison {
  readonly change: EdgeChange;
  readonly newlyAllowed: readonly string[];
  readonly newlyDenied: readonly string[];
}

/**
 * How one edge changed, judged on what reaches the application: `added` when nothing did and
 * something now does, `removed` the reverse, `widened`/`narrowed`/`changed` by set relation, and
 * `transport` when the same requests now arrive differently (mTLS to plaintext, say). `null`
 * when nothing a reviewer can observe changed.
 */
export function compareEdge(base: EdgeEvaluation, head: EdgeEvaluation): EdgeComparison | null {
  const before = isEmpty(base.reaching);
  const after = isEmpty(head.reaching);
  if (before && after) return null;
  const lines = () =>
    describeChange(
      { allowed: base.reaching, universe: base.access.universe },
      { allowed: head.reaching, universe: head.access.universe },
    );
  if (before) return { change: 'added', ...lines() };
  if (after) return { change: 'removed', ...lines() };
  const how = relation(base.reaching, head.reaching);
  if (how === 'equal') {
    return base.transport.transport === head.transport.transport
      ? null
      : { change: 'transport', newlyAllowed: [], newlyDenied: [] };
  }
  return {
    change: how === 'wider' ? 'widened' : how === 'narrower' ? 'narrowed' : 'changed',
    ...lines(),
  };
}
