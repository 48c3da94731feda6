import type { Condition } from '../model/istio.js';
import type { Atom, DimensionKey, Expr } from './dimensions.js';
import { FALSE, TRUE, atomExpr, not } from './dimensions.js';
import type { IdentityAtom } from './identity.js';
import { expandTrustDomain, rewritePrincipal } from './identity.js';
import type { Clause, Note, RuleContext } from './compile-atoms.js';
import {
  cidrAtom,
  isHttpOnlyKey,
  requestPrincipalAtom,
  serviceAccountAtom,
  stringAtomOf,
  valuesExpr,
} from './compile-atoms.js';
import { asciiLower, stringAtom } from './strings.js';

/** A `when` condition as a clause: identity keys resolve per caller, the others are cubes (§3.4). */
/** Audiences and custom claims may be lists; Envoy matches when any element matches. */
function isListClaimKey(key: string): boolean {
  return key === 'request.auth.audiences' || key.startsWith('request.auth.claims');
}

export function conditionClause(
  condition: Condition,
  context: RuleContext,
  approximated: Note[],
): Clause {
  const key = condition.key.value;
  const clause = (identity: Expr<IdentityAtom>, dimension?: DimensionKey, expr?: Expr): Clause => ({
    identity,
    cube: dimension && expr ? new Map([[dimension, expr]]) : new Map(),
    at: condition.at,
  });
  if (context.chain === 'tcp' && isHttpOnlyKey(key)) return clause(TRUE);
  const values = condition.values?.map((v) => v.value) ?? [];
  const notValues = condition.notValues?.map((v) => v.value) ?? [];
  const identity = (atoms: (v: string) => IdentityAtom[]): Clause =>
    clause(valuesExpr(values, notValues, (v) => atoms(v).map((a) => atomExpr(a))));
  const request = (dimension: DimensionKey, atom: (v: string) => Atom): Clause =>
    clause(
      TRUE,
      dimension,
      valuesExpr(values, notValues, (v) => [atomExpr(atom(v))]),
    );
  switch (key) {
    case 'source.ip':
    case 'remote.ip':
    case 'destination.ip':
      return request(key, cidrAtom);
    case 'destination.port': {
      const port = String(context.port);
      const ok = (values.length === 0 || values.includes(port)) && !notValues.includes(port);
      return clause(ok ? TRUE : FALSE);
    }
    case 'source.namespace':
      return identity((v) => [{ kind: 'namespace', pattern: v }]);
    case 'source.principal':
      return identity((v) =>
        rewritePrincipal(v, context.bundle).map((pattern) => ({ kind: 'principal', pattern })),
      );
    case 'source.serviceAccount':
      return identity((v) => [serviceAccountAtom(v, context.policyNamespace)]);
    case 'source.trustDomain':
      return identity((v) =>
        expandTrustDomain(v, context.bundle).map((pattern) => ({ kind: 'trustDomain', pattern })),
      );
    case 'connection.sni':
      return request('sni', (v) => stringAtomOf(v, 'nonEmpty'));
    case 'request.auth.principal':
      return request('jwt', requestPrincipalAtom);
    case 'request.auth.presenter':
      return request('jwt', (v) => ({
        kind: 'jwt',
        component: 'azp',
        atom: stringAtom(v, 'nonEmpty'),
      }));
  }
  if (key.startsWith('request.headers[')) {
    const name = asciiLower(key.slice('request.headers['.length, -1));
    return request(`header:${name}`, (v) => stringAtomOf(v, 'present'));
  }
  if (isListClaimKey(key) && context.action === 'ALLOW' && notValues.length === 0) {
    const component =
      key === 'request.auth.audiences' ? 'aud' : `claim:${claimPath(key).join('\u0000')}`;
    return request('jwt', (v) => ({ kind: 'jwt', component, atom: stringAtom(v, 'nonEmpty') }));
  }
  // Not modelled: list-valued claims outside a plain ALLOW match, and `experimental.*` metadata.
  approximated.push({ at: condition.key.at, field: key });
  const failSafe = context.action === 'ALLOW' ? FALSE : TRUE;
  return clause(context.substitute === 'failSafe' ? failSafe : not(failSafe));
}

/** `request.auth.claims[a][b]` → `[a, b]` (`extractNameInNestedBrackets`). */
function claimPath(key: string): string[] {
  const rest = key.slice('request.auth.claims'.length);
  const nested = [...rest.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  return nested.join('').length + nested.length * 2 === rest.length ? nested : [rest.slice(1, -1)];
}
