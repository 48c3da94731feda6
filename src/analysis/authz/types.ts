import type { AuthorizationAction } from '../model/istio.js';
import type { ResourceRef, Source } from '../model/source.js';
import type { RequestSet } from './request-set.js';

/** Public contract of the authorization engine (`src/analysis/authz/`). */

/** `allow`: every request; `partial`: some requests; `deny`: none. */
export type Access = 'allow' | 'partial' | 'deny';

/** A policy rule that decided (or would decide) an answer. */
export interface RuleRef {
  readonly policy: ResourceRef;
  readonly action: AuthorizationAction;
  /** Index into `spec.rules`, or `null` for the policy as a whole (allow-nothing, dry-run). */
  readonly rule: number | null;
  readonly at: Source;
}

export interface AccessResult {
  readonly access: Access;
  /**
   * The allowed requests as a small symbolic description, one line per cube:
   * `GET /api/v1/products`, `POST /cart/* (header x-user present)`. Empty for `deny`;
   * `["all requests"]` for `allow`.
   */
  readonly requests: readonly string[];
  /**
   * False when the engine could not model something exactly and took the fail-safe answer
   * (narrower ALLOW, wider DENY, CUSTOM treated as "may deny").
   */
  readonly exact: boolean;
  /** The rules that decided: matching DENY rules, matching ALLOW rules, or the ALLOW policies that matched nothing. */
  readonly determining: readonly RuleRef[];
  /**
   * The allowed requests as a symbolic set, for `relation` and `subtract` in the diff (the
   * "widened", "narrowed" and "newly allowed requests" lines). Sets of different edges or sides
   * may be compared directly: operations align their spaces.
   */
  readonly allowed: RequestSet;
  /**
   * Every request the port can see (its chains' traffic; a token matters only where a
   * RequestAuthentication validates it, elsewhere the same request with or without one is
   * answered alike): the context for `describe`, so lines leave out what always holds.
   */
  readonly universe: RequestSet;
  /**
   * Set when the engine did not evaluate this destination (an ambient workload, whose ztunnel and
   * waypoint semantics differ from a sidecar's): the reason, and `access` is `partial`, `exact`
   * false, `allowed` empty.
   */
  readonly notEvaluated: string | null;
}

/** How two request sets relate: what the diff reports as widened, narrowed or changed. */
export type SetRelation = 'equal' | 'wider' | 'narrower' | 'different';
