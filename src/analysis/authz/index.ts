/** Public surface of the authorization engine. */
export type { Access, AccessResult, RuleRef, SetRelation } from './types.js';
export { createAuthzEngine } from './evaluate.js';
export type { AuthzEngine, CompiledDestination, EngineOptions } from './evaluate.js';
export { createAccessIndex, evaluateGraph } from './classes.js';
export type { AccessGraph, AccessIndex, GraphStats, PortAccess } from './classes.js';
export { explainAccess } from './explain.js';
export type {
  ExplainQuery,
  Explanation,
  Missing,
  NearestRule,
  PolicyEvidence,
  RuleEvidence,
} from './explain.js';
export { authzFindings } from './findings.js';
export type { AuthzSide } from './findings.js';
export { describe, describeChange, canonicalKey, ALL_REQUESTS } from './describe.js';
export { intersect, isEmpty, isSubset, relation, subtract, union } from './request-set.js';
export type { RequestSet } from './request-set.js';
export { indexPolicies, policiesFor, requestAuthenticationsFor } from './scope.js';
export type { PolicyIndex, PolicyScope } from './scope.js';
export { OUTSIDE_NAMESPACE, outsidePeer, policyPeer, workloadPeer } from './identity.js';
export { evaluateRequest } from './request.js';
export type { ConcreteRequest, ConcreteResult } from './request.js';
export { setContains } from './point.js';
