import type { Access } from '../authz/types.js';
import type { Finding } from '../findings/finding.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ResourceRef, Source } from '../model/source.js';
import type { ServerMode, Transport } from '../mtls/types.js';

/**
 * The result of comparing two versions of a mesh: what every renderer (JSON, Markdown, SARIF,
 * text) and the GitHub adapters consume. Plain data, deterministic order.
 */

export const REPORT_SCHEMA_VERSION = 1;

/** How an edge changed between base and head. */
export type EdgeChange =
  /** deny → allow or partial */
  | 'added'
  /** allow or partial → deny */
  | 'removed'
  /** the allowed request set grew */
  | 'widened'
  /** the allowed request set shrank */
  | 'narrowed'
  /** neither set contains the other */
  | 'changed'
  /** same access, different transport (e.g. mtls → plaintext) */
  | 'transport';

export interface EdgeState {
  readonly access: Access;
  readonly transport: Transport;
  /** Symbolic allowed requests, one line per cube; empty for deny. */
  readonly requests: readonly string[];
  /** False when a fail-safe approximation was involved. */
  readonly exact: boolean;
}

/** A policy rule or object behind an answer, with its line. */
export interface Reason {
  readonly object: string;
  readonly note: string;
  readonly at: Source;
  /** Which side `at` is on: `head` unless the line is one the change deleted or left behind. */
  readonly side?: 'base' | 'head';
  /** The object behind `object`, so a finding caused by this reason can name it (not in JSON). */
  readonly ref?: ResourceRef;
}

export interface EdgeDelta {
  /**
   * The caller: a workload `namespace/name`, a pseudo-caller (`(unauthenticated)`,
   * `(any mesh identity)`), or a group `namespace/*` standing for `callers` workloads of that
   * namespace that changed identically.
   */
  readonly from: string;
  /** How many callers `from` stands for (1 unless a group). */
  readonly callers: number;
  /** For a `namespace/*` group: the callers it stands for. */
  readonly members?: readonly string[];
  /** `namespace/name` of the destination workload. */
  readonly to: string;
  /** Workload (container) port. */
  readonly port: number;
  readonly protocol: string;
  readonly change: EdgeChange;
  readonly base: EdgeState;
  readonly head: EdgeState;
  /** Requests allowed in head but not base, and the reverse (symbolic). */
  readonly newlyAllowed: readonly string[];
  readonly newlyDenied: readonly string[];
  /** What decided the head answer (or the base one for removals). */
  readonly reasons: readonly Reason[];
}

export type MtlsMode = ServerMode;

export interface MtlsDelta {
  readonly workload: string;
  /** `null` when every port of the workload changed the same way. */
  readonly port: number | null;
  readonly base: MtlsMode;
  readonly head: MtlsMode;
  /** The line that caused it (head), or the deleted one (base). */
  readonly at: Source | null;
  /** Which side `at` is on: `head` unless the line is one the change deleted. */
  readonly side?: 'base' | 'head';
}

export interface WorkloadChange {
  readonly workload: string;
  readonly at: Source;
}

export interface SideSummary {
  readonly files: number;
  readonly documents: number;
  readonly objects: number;
  readonly workloads: number;
  readonly policies: number;
}

export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** `fail` when a finding's severity reaches the configured `fail-on` level. */
  readonly verdict: 'pass' | 'fail';
  readonly failOn: 'error' | 'warning' | 'never';
  readonly summary: {
    readonly edges: Readonly<Record<EdgeChange, number>>;
    readonly mtlsWeakened: number;
    readonly mtlsStrengthened: number;
    readonly workloadsAdded: number;
    readonly workloadsRemoved: number;
    readonly findings: Readonly<Record<'error' | 'warning' | 'notice', number>>;
  };
  /** Sorted by destination, port, caller. */
  readonly edges: readonly EdgeDelta[];
  readonly mtls: readonly MtlsDelta[];
  readonly workloads: {
    readonly added: readonly WorkloadChange[];
    readonly removed: readonly WorkloadChange[];
  };
  /** Sorted by severity, then file and line. Ignored findings are not here. */
  readonly findings: readonly Finding[];
  /** Findings suppressed by configuration, with the reason given. */
  readonly ignored: readonly { readonly finding: Finding; readonly reason: string }[];
  /** Validation diagnostics of each side (errors in head are also findings). */
  readonly diagnostics: {
    readonly base: readonly Diagnostic[];
    readonly head: readonly Diagnostic[];
  };
  readonly inputs: {
    readonly base: SideSummary;
    readonly head: SideSummary;
    readonly partial: boolean;
  };
}
