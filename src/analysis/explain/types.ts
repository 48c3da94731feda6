import type { Access, Explanation } from '../authz/index.js';
import type { Source, ResourceRef } from '../model/source.js';
import type { EdgeTransport } from '../mtls/index.js';
import type { CallerId, Chain, PeerIdentity, Protocol } from '../topology/index.js';
import type { EdgeQuery } from './query.js';

/** Why a question has no answer: the message names the input, the suggestions what exists. */
export type ExplainProblem =
  | {
      readonly kind: 'unknown-caller' | 'unknown-workload';
      readonly id: string;
      readonly suggestions: readonly string[];
    }
  | {
      readonly kind: 'unknown-port';
      readonly workload: string;
      readonly port: number;
      readonly ports: readonly string[];
    }
  | { readonly kind: 'no-ports'; readonly workload: string };

/** How the port of the answer was chosen from the question. */
export interface PortChoice {
  readonly requested: number | null;
  /** `service-port`: the number was a Service port of the workload, mapped to its target port. */
  readonly as: 'workload-port' | 'service-port' | 'every-port';
  readonly service: { readonly ref: ResourceRef; readonly port: number } | null;
}

/** The answer for one workload port. */
export interface PortAnswer {
  readonly port: number;
  readonly name: string | null;
  readonly protocol: Protocol;
  readonly chain: Chain;
  readonly choice: PortChoice;
  /** The hop as the mTLS engine evaluates it (through the chosen Service when there is one). */
  readonly transport: EdgeTransport;
  /** Other Services that reach the same port with a different transport. */
  readonly otherPaths: readonly EdgeTransport[];
  /** What the caller gets: `deny` when the connection fails, else the authorization answer. */
  readonly access: Access;
  /** The authorization explanation with the peer identity the transport yields; null when broken. */
  readonly authorization: Explanation | null;
  /**
   * For a broken connection, what authorization would decide if the caller reached the port
   * over Istio mTLS with its own identity: where to look once the transport is fixed.
   */
  readonly ifConnected: Explanation | null;
  readonly exact: boolean;
  /** One sentence: the decision and its main reason. */
  readonly summary: string;
}

/** An ALLOW-capable policy of the workload's namespace whose selector differs by label values only. */
export interface SelectorMiss {
  readonly policy: ResourceRef;
  readonly action: string;
  readonly at: Source;
  /** `app=frontend` as the selector asks, and as the workload has it. */
  readonly wants: readonly string[];
  readonly has: readonly string[];
}

export interface EdgeExplanation {
  readonly query: EdgeQuery;
  readonly caller: {
    readonly id: CallerId;
    readonly kind: 'workload' | 'unauthenticated' | 'any-mesh-identity';
    /** The identity it would present over Istio mTLS; null without a sidecar. */
    readonly identity: PeerIdentity | null;
  };
  readonly workload: string;
  readonly ports: readonly PortAnswer[];
  /** Shown for denials: a label rename is the usual reason a policy stops applying. */
  readonly selectorMisses: readonly SelectorMiss[];
  /** The input of this side could not be read whole. */
  readonly partialInput: boolean;
}

export type EdgeResult =
  | { readonly kind: 'answer'; readonly explanation: EdgeExplanation }
  | { readonly kind: 'problem'; readonly problem: ExplainProblem };

/** How an AuthorizationPolicy's part in the answer changed between base and head. */
export interface PolicyChange {
  readonly policy: ResourceRef;
  readonly change: 'added' | 'removed' | 'modified' | 'now-applies' | 'no-longer-applies';
  /** Where to look: the head line, or the base line for something gone. */
  readonly at: Source;
  readonly side: 'base' | 'head';
  readonly note: string;
}

export interface PortChange {
  readonly port: number;
  readonly base: PortAnswer | null;
  readonly head: PortAnswer | null;
  readonly accessChanged: boolean;
  readonly transportChanged: boolean;
  /** The rules that decided differ (same access, other reasons). */
  readonly reasonsChanged: boolean;
}

export interface ChangeExplanation {
  readonly query: EdgeQuery;
  readonly base: EdgeResult;
  readonly head: EdgeResult;
  /** Every port answered on either side, by number. */
  readonly ports: readonly PortChange[];
  readonly policies: readonly PolicyChange[];
}

export type ChangeResult =
  | { readonly kind: 'answer'; readonly explanation: ChangeExplanation }
  | { readonly kind: 'problem'; readonly problem: ExplainProblem };
