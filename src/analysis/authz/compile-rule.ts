import type {
  AuthorizationAction,
  AuthorizationRule,
  Condition,
  MatchField,
  OperationMatch,
  SourceMatch,
} from '../model/istio.js';
import type { Source } from '../model/source.js';
import type { Atom, DimensionKey, Expr } from './dimensions.js';
import { FALSE, TRUE, and, atomExpr, not, or } from './dimensions.js';
import type { IdentityAtom } from './identity.js';
import { expandTrustDomain, rewritePrincipal } from './identity.js';
import { parseCidr } from './ip.js';
import type { StringAtom } from './strings.js';
import { asciiLower, pathAtom, stringAtom } from './strings.js';

/**
 * One AuthorizationPolicy rule compiled for one inbound chain and port, the way
 * `pilot/pkg/security/authz/model/model.go` (`New`, `Generate`) and `generator.go` build Envoy
 * RBAC: each `from` entry becomes a principal, each `to` entry a permission, every `when`
 * condition is ANDed into all of them; the rule matches when some principal and some permission
 * match. Identity fields become identity predicates (resolved per caller), everything else a
 * cube of request predicates.
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
  readonly skipped: { readonly reason: 'http-only-on-tcp'; readonly fields: readonly Note[] } | null;
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

const HTTP_SOURCE_FIELDS = new Set(['requestPrincipals', 'notRequestPrincipals']);
const HTTP_OPERATION_FIELDS = new Set(['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths']);

/** `request.headers[...]` and `request.auth.*` are HTTP-only (`generator.go`, §4.2). */
export function isHttpOnlyKey(key: string): boolean {
  return key.startsWith('request.');
}

/** Audiences and custom claims may be lists; Envoy matches when any element matches. */
function isListClaimKey(key: string): boolean {
  return key === 'request.auth.audiences' || key.startsWith('request.auth.claims');
}

export function compileRule(rule: AuthorizationRule, context: RuleContext): CompiledRuleBody {
  const tcp = context.chain === 'tcp';
  const httpFields = tcp ? httpOnlyNotes(rule) : [];
  if (tcp && context.action === 'ALLOW' && httpFields.length > 0) {
    // `checkError` returns the generator error for ALLOW, so `Generate` fails and the builder
    // skips the whole rule ("skipped rule ... on TCP filter chain"): narrower.
    return {
      skipped: { reason: 'http-only-on-tcp', fields: httpFields },
      from: null,
      to: null,
      when: [],
      droppedOnTcp: [],
      approximated: [],
    };
  }
  const approximated: Note[] = [];
  const from = rule.from && rule.from.map((source) => sourceClause(source, context));
  const to = rule.to && rule.to.map((operation) => operationClause(operation, context));
  const when = (rule.when ?? []).map((condition) => conditionClause(condition, context, approximated));
  return { skipped: null, from, to, when, droppedOnTcp: httpFields, approximated };
}

function httpOnlyNotes(rule: AuthorizationRule): Note[] {
  const notes: Note[] = [];
  for (const source of rule.from ?? [])
    for (const name of HTTP_SOURCE_FIELDS) {
      const field = source[name as keyof SourceMatch] as MatchField | undefined;
      if (field) notes.push({ at: field.at, field: name });
    }
  for (const operation of rule.to ?? [])
    for (const name of HTTP_OPERATION_FIELDS) {
      const field = operation[name as keyof OperationMatch] as MatchField | undefined;
      if (field) notes.push({ at: field.at, field: name });
    }
  for (const condition of rule.when ?? [])
    if (isHttpOnlyKey(condition.key.value)) notes.push({ at: condition.key.at, field: condition.key.value });
  return notes;
}

// ---- from ------------------------------------------------------------------------------------

function sourceClause(source: SourceMatch, context: RuleContext): Clause {
  const tcp = context.chain === 'tcp';
  const identity: Expr<IdentityAtom>[] = [
    identityField(source.principals, source.notPrincipals, (v) =>
      rewritePrincipal(v, context.bundle).map((pattern) => ({ kind: 'principal', pattern })),
    ),
    identityField(source.namespaces, source.notNamespaces, (v) => [{ kind: 'namespace', pattern: v }]),
    identityField(source.serviceAccounts, source.notServiceAccounts, (v) => [
      serviceAccountAtom(v, context.policyNamespace),
    ]),
    identityField(source.trustDomains, source.notTrustDomains, (v) =>
      expandTrustDomain(v, context.bundle).map((pattern) => ({ kind: 'trustDomain', pattern })),
    ),
  ];
  const cube = new Map<DimensionKey, Expr>();
  if (!tcp) addPredicate(cube, 'jwt', fieldExpr(source.requestPrincipals, source.notRequestPrincipals, requestPrincipalAtom));
  addPredicate(cube, 'source.ip', fieldExpr(source.ipBlocks, source.notIpBlocks, cidrAtom));
  addPredicate(cube, 'remote.ip', fieldExpr(source.remoteIpBlocks, source.notRemoteIpBlocks, cidrAtom));
  return { identity: and(identity), cube, at: source.at };
}

function identityField(
  values: MatchField | undefined,
  notValues: MatchField | undefined,
  atoms: (value: string) => IdentityAtom[],
): Expr<IdentityAtom> {
  const expr = (field: MatchField): Expr<IdentityAtom> =>
    or(field.values.flatMap((v) => atoms(v.value).map((a) => atomExpr(a))));
  return and([values ? expr(values) : TRUE, notValues ? not(expr(notValues)) : TRUE]);
}

function serviceAccountAtom(value: string, policyNamespace: string): IdentityAtom {
  const slash = value.indexOf('/');
  return slash < 0
    ? { kind: 'serviceAccount', namespace: policyNamespace, name: value }
    : { kind: 'serviceAccount', namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}

// ---- to --------------------------------------------------------------------------------------

function operationClause(operation: OperationMatch, context: RuleContext): Clause {
  const portMatches = portCondition(operation.ports, operation.notPorts, context.port);
  const cube = new Map<DimensionKey, Expr>();
  if (context.chain === 'http') {
    addPredicate(cube, 'host', fieldExpr(operation.hosts, operation.notHosts, hostAtom));
    addPredicate(cube, 'method', fieldExpr(operation.methods, operation.notMethods, (v) => stringAtomOf(v, 'nonEmpty')));
    addPredicate(cube, 'path', fieldExpr(operation.paths, operation.notPaths, (v) => ({ kind: 'string', atom: pathAtom(v) })));
  }
  return { identity: portMatches ? TRUE : FALSE, cube, at: operation.at };
}

function portCondition(ports: MatchField | undefined, notPorts: MatchField | undefined, port: number): boolean {
  const has = (field: MatchField): boolean => field.values.some((v) => Number(v.value) === port);
  return (ports === undefined || has(ports)) && (notPorts === undefined || !has(notPorts));
}

// ---- when ------------------------------------------------------------------------------------

function conditionClause(condition: Condition, context: RuleContext, approximated: Note[]): Clause {
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
    clause(TRUE, dimension, valuesExpr(values, notValues, (v) => [atomExpr(atom(v))]));
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
      return identity((v) => rewritePrincipal(v, context.bundle).map((pattern) => ({ kind: 'principal', pattern })));
    case 'source.serviceAccount':
      return identity((v) => [serviceAccountAtom(v, context.policyNamespace)]);
    case 'source.trustDomain':
      return identity((v) => expandTrustDomain(v, context.bundle).map((pattern) => ({ kind: 'trustDomain', pattern })));
    case 'connection.sni':
      return request('sni', (v) => stringAtomOf(v, 'nonEmpty'));
    case 'request.auth.principal':
      return request('jwt', requestPrincipalAtom);
    case 'request.auth.presenter':
      return request('jwt', (v) => ({ kind: 'jwt', component: 'azp', atom: stringAtom(v, 'nonEmpty') }));
  }
  if (key.startsWith('request.headers[')) {
    const name = asciiLower(key.slice('request.headers['.length, -1));
    return request(`header:${name}`, (v) => stringAtomOf(v, 'present'));
  }
  if (isListClaimKey(key) && context.action === 'ALLOW' && notValues.length === 0) {
    const component = key === 'request.auth.audiences' ? 'aud' : `claim:${claimPath(key).join('\u0000')}`;
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

// ---- shared ----------------------------------------------------------------------------------

function fieldExpr(
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
function valuesExpr<A>(values: readonly string[], notValues: readonly string[], atoms: (v: string) => Expr<A>[]): Expr<A> {
  return and([
    values.length > 0 ? or(values.flatMap(atoms)) : TRUE,
    notValues.length > 0 ? not(or(notValues.flatMap(atoms))) : TRUE,
  ]);
}

function addPredicate(cube: Map<DimensionKey, Expr>, dimension: DimensionKey, expr: Expr | null): void {
  if (expr === null) return;
  const existing = cube.get(dimension);
  cube.set(dimension, existing ? and([existing, expr]) : expr);
}

function stringAtomOf(value: string, presence: 'nonEmpty' | 'present'): Atom {
  return { kind: 'string', atom: stringAtom(value, presence) };
}

/** `HostMatcher`: case-insensitive, so hosts are compared lower-cased. */
function hostAtom(value: string): Atom {
  return stringAtomOf(asciiLower(value), 'nonEmpty');
}

function cidrAtom(value: string): Atom {
  const range = parseCidr(value);
  // The loader rejects malformed addresses; a range that still fails to parse matches nothing.
  return range === null ? { kind: 'string', atom: { kind: 'exact', value: `\u0000${value}` } } : { kind: 'cidr', range };
}

/** `requestPrincipalGenerator`: split at the last `/`, wildcards applied to each side. */
export function requestPrincipalAtom(value: string): Atom {
  const any: StringAtom = { kind: 'nonEmpty' };
  const slash = value.lastIndexOf('/');
  const iss = slash >= 0 ? value.slice(0, slash) : value;
  const sub = slash >= 0 ? value.slice(slash + 1) : '';
  const atom = (issAtom: StringAtom, subAtom: StringAtom): Atom => ({ kind: 'requestPrincipal', pattern: value, iss: issAtom, sub: subAtom });
  if (value === '*') return atom(any, any);
  if (value.startsWith('*')) {
    if (slash < 0) return atom(any, { kind: 'suffix', value: value.slice(1) });
    return atom(iss === '*' ? any : { kind: 'suffix', value: iss.slice(1) }, { kind: 'exact', value: sub });
  }
  if (value.endsWith('*')) {
    if (slash < 0) return atom({ kind: 'prefix', value: value.slice(0, -1) }, any);
    return atom({ kind: 'exact', value: iss }, sub === '*' ? any : { kind: 'prefix', value: sub.slice(0, -1) });
  }
  return atom({ kind: 'exact', value: iss }, { kind: 'exact', value: sub });
}
