import type { AuthorizationAction, MatchField } from '../model/istio.js';
import type { Source } from '../model/source.js';
import type { Atom, DimensionKey, Expr } from './dimensions.js';
import { TRUE, and, atomExpr, not, or } from './dimensions.js';
import type { IdentityAtom } from './identity.js';
import { parseCidr } from './ip.js';
import type { StringAtom } from './strings.js';
import { asciiLower, stringAtom } from './strings.js';

/**
 * The vocabulary of rule compilation: the context a rule is compiled in, the clauses it becomes,
 * and the atoms each field value turns into (`generator.go`: `StringMatcher`, `HeaderMatcher`,
 * `HostMatcher`, CIDR ranges, `requestPrincipalGenerator`).
 */

export type ChainKind = 'http' | 'tcp';

export interface RuleContext {
  readonly action: AuthorizationAction;
  readonly chain: ChainKind;
  /** The workload port the request arrives on: `ports` and `destination.port` compare to it. */
  readonly port: number;
  /** `[trustDomain, ...aliases]`; sidecars rewrite principals with it (`istio-semantics.md` §3.6). */
  readonly bundle: readonly string[];
  readonly policyNamespace: string;
  /**
   * For a condition the engine cannot model: `failSafe` makes ALLOW match less and DENY match
   * more; `opposite` does the reverse, to tell whether the approximation changed an answer.
   */
  readonly substitute: 'failSafe' | 'opposite';
}

/** A `from`, `to` or `when` entry: an identity predicate and a request cube, both required. */
export interface Clause {
  readonly identity: Expr<IdentityAtom>;
  readonly cube: ReadonlyMap<DimensionKey, Expr>;
  readonly at: Source;
}

export interface Note {
  readonly at: Source;
  readonly field: string;
}

export interface CompiledRuleBody {
  /** Why the rule never matches on this chain (an ALLOW rule with HTTP-only fields on TCP). */
  readonly skipped: {
    readonly reason: 'http-only-on-tcp';
    readonly fields: readonly Note[];
  } | null;
  /** `null`: no `from`, any source. */
  readonly from: readonly Clause[] | null;
  readonly to: readonly Clause[] | null;
  /** ANDed. */
  readonly when: readonly Clause[];
  /** HTTP-only fields dropped from a DENY/AUDIT/CUSTOM rule on a TCP chain (§4.3). */
  readonly droppedOnTcp: readonly Note[];
  /** Conditions replaced by a fail-safe constant. */
  readonly approximated: readonly Note[];
}

/** `request.headers[...]` and `request.auth.*` are HTTP-only (`generator.go`, §4.2). */
export function isHttpOnlyKey(key: string): boolean {
  return key.startsWith('request.');
}

export function serviceAccountAtom(value: string, policyNamespace: string): IdentityAtom {
  const slash = value.indexOf('/');
  return slash < 0
    ? { kind: 'serviceAccount', namespace: policyNamespace, name: value }
    : { kind: 'serviceAccount', namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}

export function fieldExpr(
  values: MatchField | undefined,
  notValues: MatchField | undefined,
  atom: (value: string) => Atom,
): Expr | null {
  if (values === undefined && notValues === undefined) return null;
  return valuesExpr(
    values?.values.map((v) => v.value) ?? [],
    notValues?.values.map((v) => v.value) ?? [],
    (v) => [atomExpr(atom(v))],
  );
}

/** Values are ORed, not-values are "none of", and both together are ANDed. */
export function valuesExpr<A>(
  values: readonly string[],
  notValues: readonly string[],
  atoms: (v: string) => Expr<A>[],
): Expr<A> {
  return and([
    values.length > 0 ? or(values.flatMap(atoms)) : TRUE,
    notValues.length > 0 ? not(or(notValues.flatMap(atoms))) : TRUE,
  ]);
}

export function addPredicate(
  cube: Map<DimensionKey, Expr>,
  dimension: DimensionKey,
  expr: Expr | null,
): void {
  if (expr === null) return;
  const existing = cube.get(dimension);
  cube.set(dimension, existing ? and([existing, expr]) : expr);
}

export function stringAtomOf(value: string, presence: 'nonEmpty' | 'present'): Atom {
  return { kind: 'string', atom: stringAtom(value, presence) };
}

/** `HostMatcher`: case-insensitive, so hosts are compared lower-cased. */
export function hostAtom(value: string): Atom {
  return stringAtomOf(asciiLower(value), 'nonEmpty');
}

export function cidrAtom(value: string): Atom {
  const range = parseCidr(value);
  // The loader rejects malformed addresses; a range that still fails to parse matches nothing.
  return range === null
    ? { kind: 'string', atom: { kind: 'exact', value: `\u0000${value}` } }
    : { kind: 'cidr', range };
}

/** `requestPrincipalGenerator`: split at the last `/`, wildcards applied to each side. */
export function requestPrincipalAtom(value: string): Atom {
  const any: StringAtom = { kind: 'nonEmpty' };
  const slash = value.lastIndexOf('/');
  const iss = slash >= 0 ? value.slice(0, slash) : value;
  const sub = slash >= 0 ? value.slice(slash + 1) : '';
  const atom = (issAtom: StringAtom, subAtom: StringAtom): Atom => ({
    kind: 'requestPrincipal',
    pattern: value,
    iss: issAtom,
    sub: subAtom,
  });
  if (value === '*') return atom(any, any);
  if (value.startsWith('*')) {
    if (slash < 0) return atom(any, { kind: 'suffix', value: value.slice(1) });
    return atom(iss === '*' ? any : { kind: 'suffix', value: iss.slice(1) }, {
      kind: 'exact',
      value: sub,
    });
  }
  if (value.endsWith('*')) {
    if (slash < 0) return atom({ kind: 'prefix', value: value.slice(0, -1) }, any);
    return atom(
      { kind: 'exact', value: iss },
      sub === '*' ? any : { kind: 'prefix', value: sub.slice(0, -1) },
    );
  }
  return atom({ kind: 'exact', value: iss }, { kind: 'exact', value: sub });
}
