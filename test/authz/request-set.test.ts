import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalKey,
  describe as describeSet,
  describeChange,
} from '../../src/analysis/authz/describe.js';
import type { Atom, Expr } from '../../src/analysis/authz/dimensions.js';
import { and, atomExpr, not, or } from '../../src/analysis/authz/dimensions.js';
import { ipWitnesses, parseAddress, parseCidr, cidrContains } from '../../src/analysis/authz/ip.js';
import type { Cube } from '../../src/analysis/authz/request-set.js';
import {
  cubeSet,
  intersect,
  isEmpty,
  relation,
  spaceOfCubes,
  subtract,
  union,
} from '../../src/analysis/authz/request-set.js';
import type { StringAtom } from '../../src/analysis/authz/strings.js';
import { pathAtom, stringAtom, testStringAtom } from '../../src/analysis/authz/strings.js';
import { stringWitnesses } from '../../src/analysis/authz/witnesses.js';

/** The symbolic set machinery on its own: witnesses, algebra, canonical descriptions. */

const PATH = { absent: false, empty: false, startsWith: '/', lowercase: false } as const;
const HEADER = { absent: true, empty: true, startsWith: '', lowercase: false } as const;

const vector = (atoms: readonly StringAtom[], value: string | null) =>
  atoms.map((a) => (testStringAtom(a, value) ? '1' : '0')).join('');

describe('witnesses cover every region the atoms induce', () => {
  const literal = fc.stringMatching(/^\/[ab/]{0,4}$/);
  const atom = fc.oneof(
    literal.map((v) => pathAtom(v)),
    literal.map((v) => pathAtom(`${v}*`)),
    literal.map((v) => pathAtom(`*${v}`)),
    fc
      .constantFrom('/a/{*}', '/{*}/b', '/a/{**}', '/{**}/b', '/a/{*}/{**}')
      .map((v) => pathAtom(v)),
  );

  it('for paths with prefixes, suffixes, exact values and templates (random strings land in a witnessed region)', () => {
    fc.assert(
      fc.property(
        fc.array(atom, { minLength: 1, maxLength: 5 }),
        fc.array(fc.stringMatching(/^\/[ab/x%{}]{0,8}$/), { maxLength: 30 }),
        (atoms, samples) => {
          const witnesses = stringWitnesses(atoms, PATH);
          expect(witnesses).not.toBeNull();
          const regions = new Set(witnesses!.map((w) => vector(atoms, w)));
          for (const sample of samples) expect(regions.has(vector(atoms, sample))).toBe(true);
          // One witness per region: no duplicates.
          expect(regions.size).toBe(witnesses!.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for non-empty values with no fixed start (methods), including a lone suffix atom', () => {
    // A lone `*T`: a string like `x` leaves the suffix automaton where the empty string left it,
    // yet it is a region of its own (non-empty, not ending in T). Found by the DENY property test.
    const METHOD = { absent: false, empty: false, startsWith: '', lowercase: false } as const;
    const atom = fc.oneof(
      fc.stringMatching(/^[GET]{1,3}$/).map((v) => stringAtom(v, 'nonEmpty')),
      fc.stringMatching(/^[GET]{1,3}$/).map((v) => stringAtom(`${v}*`, 'nonEmpty')),
      fc.stringMatching(/^[GET]{1,3}$/).map((v) => stringAtom(`*${v}`, 'nonEmpty')),
    );
    expect(
      new Set(
        stringWitnesses([stringAtom('*T', 'nonEmpty')], METHOD)!.map((w) =>
          vector([stringAtom('*T', 'nonEmpty')], w),
        ),
      ),
    ).toEqual(new Set(['0', '1']));
    fc.assert(
      fc.property(
        fc.array(atom, { minLength: 1, maxLength: 4 }),
        fc.array(fc.stringMatching(/^[GETX]{1,6}$/), { maxLength: 30 }),
        (atoms, samples) => {
          const regions = new Set(stringWitnesses(atoms, METHOD)!.map((w) => vector(atoms, w)));
          for (const sample of samples) expect(regions.has(vector(atoms, sample))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for optional headers: absent, empty and present are different regions', () => {
    const atoms = [stringAtom('*', 'present'), stringAtom('a*', 'present')];
    const w = stringWitnesses(atoms, HEADER)!;
    expect(new Set(w.map((v) => vector(atoms, v)))).toEqual(new Set(['00', '10', '11']));
    expect(w).toContain(null);
    expect(w).toContain('');
  });

  it('prefix and suffix overlapping (`ab*` and `*bc` both hold on `abc`)', () => {
    const atoms = [
      stringAtom('ab*', 'nonEmpty'),
      stringAtom('*bc', 'nonEmpty'),
      stringAtom('abc*', 'nonEmpty'),
    ];
    const regions = new Set(
      stringWitnesses(atoms, { ...HEADER, absent: false })!.map((v) => vector(atoms, v)),
    );
    expect(regions.has(vector(atoms, 'abc'))).toBe(true);
    expect(regions.has(vector(atoms, 'abXbc'))).toBe(true);
  });

  it('CIDR ranges: every elementary interval has a witness', () => {
    const ranges = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.3', '::/0'].map((c) => parseCidr(c)!);
    const witnesses = ipWitnesses(ranges);
    const signature = (ip: string) => ranges.map((r) => cidrContains(r, parseAddress(ip)!)).join();
    const regions = new Set(witnesses.map((w) => ranges.map((r) => cidrContains(r, w)).join()));
    for (const ip of [
      '10.1.2.3',
      '10.1.2.4',
      '10.2.0.0',
      '11.0.0.0',
      '9.255.255.255',
      '::1',
      '0.0.0.0',
    ])
      expect(regions.has(signature(ip))).toBe(true);
  });
});

const path = (v: string): Expr => atomExpr<Atom>({ kind: 'string', atom: pathAtom(v) });
const method = (v: string): Expr =>
  atomExpr<Atom>({ kind: 'string', atom: stringAtom(v, 'nonEmpty') });
const set = (...cubes: Cube[]) => {
  const space = spaceOfCubes(cubes);
  return cubes.map((c) => cubeSet(space, c)).reduce((a, b) => union(a, b));
};

describe('set algebra across spaces', () => {
  it('relation: equal, wider, narrower, different', () => {
    const api = set(new Map([['path', path('/api/*')]]));
    const v1 = set(new Map([['path', path('/api/v1/*')]]));
    const other = set(new Map([['path', path('/other')]]));
    expect(relation(api, api)).toBe('equal');
    expect(relation(v1, api)).toBe('wider');
    expect(relation(api, v1)).toBe('narrower');
    expect(relation(api, other)).toBe('different');
  });

  it('equal sets written differently compare equal and print the same', () => {
    const a = set(
      new Map([
        ['method', or([method('GET'), method('HEAD')])],
        ['path', path('/api/*')],
      ]),
    );
    const b = set(
      new Map([
        ['method', method('HEAD')],
        ['path', or([path('/api/*'), path('/api/x')])],
      ]),
      new Map([
        ['method', method('GET')],
        ['path', path('/api/*')],
      ]),
      new Map([
        ['method', method('GET')],
        ['path', path('/api/v1')],
      ]),
    );
    expect(relation(a, b)).toBe('equal');
    expect(describeSet(a)).toEqual(describeSet(b));
    expect(describeSet(a)).toEqual(['GET, HEAD /api/*']);
  });

  it('subtract gives the newly allowed requests', () => {
    const before = set(new Map([['method', method('GET')]]));
    const after = set(
      new Map([
        ['method', or([method('GET'), method('POST')])],
        ['path', path('/x*')],
      ]),
      new Map([['method', method('GET')]]),
    );
    expect(describeSet(subtract(after, before))).toEqual(['POST /x*']);
    expect(isEmpty(subtract(before, after))).toBe(true);
    const everything = set(new Map());
    expect(
      describeChange(
        { allowed: before, universe: everything },
        { allowed: after, universe: everything },
      ),
    ).toEqual({ newlyAllowed: ['POST /x*'], newlyDenied: [] });
    // Within a universe of "POST /x* or GET", the path of a POST goes without saying.
    expect(
      describeChange({ allowed: before, universe: after }, { allowed: after, universe: after })
        .newlyAllowed,
    ).toEqual(['POST']);
  });

  it('intersect and complement', () => {
    const notPut = set(new Map([['method', not(method('PUT'))]]));
    const gets = set(new Map([['method', method('G*')]]));
    expect(describeSet(intersect(notPut, gets))).toEqual(['G*']);
    expect(describeSet(notPut)).toEqual(['any method except PUT']);
  });

  it('brackets an exception that does not end the line, so the rest is not read as excepted', () => {
    const notGetOnApi = set(
      new Map([
        ['method', not(method('GET'))],
        ['path', path('/api/*')],
      ]),
    );
    expect(describeSet(notGetOnApi)).toEqual(['(any method except GET) /api/*']);
    const getOutsideAdmin = set(
      new Map([
        ['method', method('GET')],
        ['path', and([path('/api/*'), not(path('/api/admin'))])],
      ]),
    );
    expect(describeSet(getOutsideAdmin)).toEqual(['GET /api/* except /api/admin']);
  });

  it('nested exceptions read inside out', () => {
    const nested = set(
      new Map([['path', and([path('/a/*'), not(and([path('/a/b/*'), not(path('/a/b/c'))]))])]]),
    );
    expect(describeSet(nested)).toEqual(['/a/b/c', '/a/* except /a/b/*']);
    const deeper = set(
      new Map([['path', and([path('/a/*'), not(path('/a/b/*'))])]]),
      new Map([['path', and([path('/a/b/c*'), not(path('/a/b/c/d'))])]]),
    );
    expect(describeSet(deeper)).toEqual(['/a/* except /a/b/c/d, (/a/b/* except /a/b/c*)']);
  });

  it('an atom that holds the whole set is written with its excess excepted, never wider', () => {
    // The allowed part of a space that also knows /api* and /api/v1/*: a describer that picks the
    // largest atoms first nests four exceptions deep; past its budget it used to say "any path".
    const template = path('/api/v1/{*}/items/{**}');
    const cubes: Cube[] = [
      new Map([['path', path('/api*')]]),
      new Map([['path', path('/api/v1/*')]]),
      new Map([['path', and([template, not(path('/api/v1/x/items/'))])]]),
    ];
    const space = spaceOfCubes(cubes);
    expect(describeSet(cubeSet(space, cubes[2]!))).toEqual([
      '/api/v1/{*}/items/{**} except /api/v1/x/items/',
    ]);
    const notV1 = and([path('/api*'), not(path('/api/v1/*'))]);
    expect(describeSet(cubeSet(space, new Map([['path', notV1]])))).toEqual([
      '/api* except /api/v1/*',
    ]);
  });

  it('canonical keys are equal for equal sets of one space', () => {
    const cubes: Cube[] = [
      new Map([['path', path('/a*')]]),
      new Map([['path', path('/a/b')]]),
      new Map([['path', path('/a/*')]]),
    ];
    const space = spaceOfCubes(cubes);
    const x = cubeSet(space, cubes[0]!);
    const y = union(
      cubeSet(space, cubes[1]!),
      union(cubeSet(space, cubes[2]!), cubeSet(space, cubes[0]!)),
    );
    expect(canonicalKey(x)).toBe(canonicalKey(y));
  });
});
