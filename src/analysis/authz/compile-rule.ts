import type { AuthorizationRule, MatchField, OperationMatch, SourceMatch } from '../model/istio.js';
import type { DimensionKey, Expr } from './dimensions.js';
import { FALSE, TRUE, and, atomExpr, not, or } from './dimensions.js';
import type { IdentityAtom } from './identity.js';
import { expandTrustDomain, rewritePrincipal } from './identity.js';
import type { Clause, CompiledRuleBody, Note, RuleContext } from './compile-atoms.js';
import {
  addPredicate,
  cidrAtom,
  fieldExpr,
  hostAtom,
  isHttpOnlyKey,
  requestPrincipalAtom,
  serviceAccountAtom,
  stringAtomOf,
} from './compile-atoms.js';
import { conditionClause } from './compile-condition.js';
import { pathAtom } from './strings.js';

/**
 * One AuthorizationPolicy rule compiled for one inbound chain and port, the way
 * `pilot/pkg/security/authz/model/model.go` (`New`, `Generate`) and `generator.go` build Envoy
 * RBAC: each `from` entry becomes a principal, each `to` entry a permission, every `when`
 * condition is ANDed into all of them; the rule matches when some principal and some permission
 * match. Identity fields become identity predicates (resolved per caller), everything else a
 * cube of request predicates.
 */

export type { ChainKind, Clause, CompiledRuleBody, Note, RuleContext } from './compile-atoms.js';
export { isHttpOnlyKey, requestPrincipalAtom } from './compile-atoms.js';

const HTTP_SOURCE_FIELDS = new Set(['requestPrincipals', 'notRequestPrincipals']);
const HTTP_OPERATION_FIELDS = new Set([
  'hosts',
  'notHosts',
  'methods',
  'notMethods',
  'paths',
  'notPaths',
]);

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
  const when = (rule.when ?? []).map((condition) =>
    conditionClause(condition, context, approximated),
  );
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
    if (isHttpOnlyKey(condition.key.value))
      notes.push({ at: condition.key.at, field: condition.key.value });
  return notes;
}

// ---- from ------------------------------------------------------------------------------------

function sourceClause(source: SourceMatch, context: RuleContext): Clause {
  const tcp = context.chain === 'tcp';
  const identity: Expr<IdentityAtom>[] = [
    identityField(source.principals, source.notPrincipals, (v) =>
      rewritePrincipal(v, context.bundle).map((pattern) => ({ kind: 'principal', pattern })),
    ),
    identityField(source.namespaces, source.notNamespaces, (v) => [
      { kind: 'namespace', pattern: v },
    ]),
    identityField(source.serviceAccounts, source.notServiceAccounts, (v) => [
      serviceAccountAtom(v, context.policyNamespace),
    ]),
    identityField(source.trustDomains, source.notTrustDomains, (v) =>
      expandTrustDomain(v, context.bundle).map((pattern) => ({ kind: 'trustDomain', pattern })),
    ),
  ];
  const cube = new Map<DimensionKey, Expr>();
  if (!tcp)
    addPredicate(
      cube,
      'jwt',
      fieldExpr(source.requestPrincipals, source.notRequestPrincipals, requestPrincipalAtom),
    );
  addPredicate(cube, 'source.ip', fieldExpr(source.ipBlocks, source.notIpBlocks, cidrAtom));
  addPredicate(
    cube,
    'remote.ip',
    fieldExpr(source.remoteIpBlocks, source.notRemoteIpBlocks, cidrAtom),
  );
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

// ---- to --------------------------------------------------------------------------------------

function operationClause(operation: OperationMatch, context: RuleContext): Clause {
  const portMatches = portCondition(operation.ports, operation.notPorts, context.port);
  const cube = new Map<DimensionKey, Expr>();
  if (context.chain === 'http') {
    addPredicate(cube, 'host', fieldExpr(operation.hosts, operation.notHosts, hostAtom));
    addPredicate(
      cube,
      'method',
      fieldExpr(operation.methods, operation.notMethods, (v) => stringAtomOf(v, 'nonEmpty')),
    );
    addPredicate(
      cube,
      'path',
      fieldExpr(operation.paths, operation.notPaths, (v) => ({
        kind: 'string',
        atom: pathAtom(v),
      })),
    );
  }
  return { identity: portMatches ? TRUE : FALSE, cube, at: operation.at };
}

function portCondition(
  ports: MatchField | undefined,
  notPorts: MatchField | undefined,
  port: number,
): boolean {
  const has = (field: MatchField): boolean => field.values.some((v) => Number(v.value) === port);
  return (ports === undefined || has(ports)) && (notPorts === undefined || !has(notPorts));
}
