/**
 * Where a change can matter: destinations (workload ids) whose own inputs changed, whose ports
 * must be compared for every caller, and callers whose own inputs changed, compared against every
 * destination. `all` when a mesh-wide input changed. Engines take it to leave out work whose
 * answer is equal on both sides by construction.
 */
export interface ChangeScope {
  readonly all: boolean;
  readonly destinations: ReadonlySet<string>;
  readonly callers: ReadonlySet<string>;
}

export const EVERYTHING: ChangeScope = { all: true, destinations: new Set(), callers: new Set() };

export function destinationInScope(scope: ChangeScope, id: string): boolean {
  return scope.all || scope.destinations.has(id);
}
