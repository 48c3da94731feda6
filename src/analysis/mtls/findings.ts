import type { Finding } from '../findings/finding.js';
import { internalsOf } from './evaluate.js';
import { EVERYTHING } from '../topology/index.js';
import type { ChangeScope } from '../topology/index.js';
import { sortFindings } from './finding.js';
import { credentialFindings } from './findings-credentials.js';
import { edgeFindings } from './findings-edges.js';
import { policyFindings } from './findings-policies.js';
import type { MtlsSide } from './types.js';

/**
 * Problems visible on one side: ignored or conflicting PeerAuthentications, selectors and port
 * keys that miss, DestinationRules that break connections or hide other rules, the auto mTLS gap
 * of istio/istio#56084, PERMISSIVE nobody needs, and what meshguard could not model exactly.
 * Sorted by severity, file and line; ids are stable (code and subject, no line numbers). With a
 * scope, edge findings are looked for only where the change can reach (both sides of a diff use
 * the same scope, so what is left out is equal on both).
 */
export function mtlsFindings(
  side: MtlsSide,
  which: 'base' | 'head' = 'head',
  scope: ChangeScope = EVERYTHING,
): Finding[] {
  const internals = internalsOf(side.mtls, side.mesh, side.topology);
  return sortFindings([
    ...policyFindings(internals, which),
    ...edgeFindings(internals, which, scope),
    ...credentialFindings(internals, which),
  ]);
}
