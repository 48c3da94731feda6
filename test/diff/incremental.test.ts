import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirtyScope } from '../../src/analysis/diff/dirty.js';
import { diffEdges } from '../../src/analysis/diff/edges.js';
import { evaluateSide } from '../../src/analysis/graph/side.js';
import { applyEdit, edit, meshFiles, meshSpec } from './random-mesh.js';
import { flatten, referenceChanges } from './reference.js';

describe('the incremental edge diff', () => {
  it('finds exactly the changes the brute-force reference finds, for random meshes and edits', () => {
    fc.assert(
      fc.property(meshSpec, fc.array(edit, { minLength: 1, maxLength: 3 }), (spec, edits) => {
        const headSpec = edits.reduce(applyEdit, spec);
        const base = evaluateSide(meshFiles(spec), {});
        const head = evaluateSide(meshFiles(headSpec), {});
        const scope = dirtyScope(base, head);
        expect(flatten(diffEdges(base, head, scope))).toEqual(referenceChanges(base, head));
      }),
      { numRuns: 500 },
    );
  });

  it('reports nothing when nothing changed, without evaluating any edge', () => {
    fc.assert(
      fc.property(meshSpec, (spec) => {
        const base = evaluateSide(meshFiles(spec), {});
        const head = evaluateSide(meshFiles(spec), {});
        const scope = dirtyScope(base, head);
        expect(scope).toEqual({ all: false, destinations: new Set(), callers: new Set() });
        expect(diffEdges(base, head, scope)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
