import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlobs, expandBraces, globProblem } from '../../src/analysis/config/glob.js';

// The dialect is documented at the top of src/analysis/config/glob.ts and in
// docs/configuration.md; each row is one rule of it.
describe('path globs', () => {
  it.each([
    ['*.yaml', 'mesh.yaml', true],
    ['*.yaml', 'istio/mesh.yaml', false], // `*` never crosses `/`
    ['**/*.yaml', 'mesh.yaml', true], // `**` is zero or more directories
    ['**/*.yaml', 'a/b/c/mesh.yaml', true],
    ['istio/**', 'istio/a/b.yaml', true],
    ['istio/**', 'istio', false],
    ['istio/**/policy.yaml', 'istio/policy.yaml', true],
    ['istio/**/policy.yaml', 'istio/x/y/policy.yaml', true],
    ['istio/**/policy.yaml', 'other/istio/policy.yaml', false],
    ['**/*.{yaml,yml}', 'a/b.yml', true],
    ['**/*.{yaml,yml}', 'a/b.json', false],
    ['k8s/{prod,stage/{eu,us}}/*.yaml', 'k8s/stage/eu/a.yaml', true],
    ['k8s/{prod,stage/{eu,us}}/*.yaml', 'k8s/stage/a.yaml', false],
    ['?.yaml', 'a.yaml', true],
    ['?.yaml', 'ab.yaml', false],
    ['[ab].yaml', 'b.yaml', true],
    ['[!ab].yaml', 'c.yaml', true],
    ['[!ab].yaml', 'a.yaml', false],
    ['[a-c]x.yaml', 'bx.yaml', true],
    ['*.yaml', '.hidden.yaml', true], // dots are not special
    ['/istio/*.yaml', 'istio/a.yaml', true], // a leading slash means the repository root
    ['./istio/*.yaml', 'istio/a.yaml', true],
    ['a+b/(x).yaml', 'a+b/(x).yaml', true], // regex characters are literal
    ['a+b/(x).yaml', 'aab/x.yaml', false],
    ['Istio/*.yaml', 'istio/a.yaml', false], // case-sensitive, like git on Linux
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(compileGlobs([pattern]).matches(path)).toBe(expected);
  });

  it('selects a path when an include matches and no exclude does, whatever the order', () => {
    const patterns = ['!**/vendor/**', '**/*.yaml', '!tmp/*.yaml'];
    const matcher = compileGlobs(patterns);
    expect(
      ['a.yaml', 'x/vendor/a.yaml', 'tmp/a.yaml', 'tmp/b/a.yaml'].filter(matcher.matches),
    ).toEqual(['a.yaml', 'tmp/b/a.yaml']);
    const reversed = compileGlobs([...patterns].reverse());
    expect(['a.yaml', 'x/vendor/a.yaml', 'tmp/a.yaml'].filter(reversed.matches)).toEqual([
      'a.yaml',
    ]);
  });

  it('selects nothing with only excludes', () => {
    expect(compileGlobs(['!a.yaml']).matches('b.yaml')).toBe(false);
  });

  it.each([
    ['istio/policies/*.yaml', 'istio', true],
    ['istio/policies/*.yaml', 'istio/policies', true],
    ['istio/policies/*.yaml', 'istio/other', false],
    ['istio/policies/*.yaml', 'istio/policies/deeper', false],
    ['istio/**/x.yaml', 'istio/a/b/c', true],
    ['**/x.yaml', 'anything', true],
    ['{a,b}/*.yaml', 'b', true],
    ['{a,b}/*.yaml', 'c', false],
    ['*.yaml', 'dir', false],
  ])('%s could reach below %s: %s', (pattern, directory, expected) => {
    expect(compileGlobs([pattern]).couldContain(directory)).toBe(expected);
  });

  it('never prunes a directory that holds a matching file (property)', () => {
    const segment = fc.constantFrom('a', 'b', 'istio', 'x.yaml', 'y.yml');
    const pattern = fc.constantFrom(
      '**/*.yaml',
      'a/*.yaml',
      'a/**/x.yaml',
      '{a,b}/**',
      'istio/*/x.yaml',
      '*/b/*.yml',
    );
    fc.assert(
      fc.property(pattern, fc.array(segment, { minLength: 1, maxLength: 5 }), (glob, parts) => {
        const matcher = compileGlobs([glob]);
        const path = parts.join('/');
        if (!matcher.matches(path)) return;
        for (let depth = 0; depth < parts.length; depth++) {
          expect(matcher.couldContain(parts.slice(0, depth).join('/'))).toBe(true);
        }
      }),
    );
  });

  it('expands nested braces and keeps an unbalanced one literally', () => {
    expect(expandBraces('a/{b,c/{d,e}}.yaml')).toEqual(['a/b.yaml', 'a/c/d.yaml', 'a/c/e.yaml']);
    expect(expandBraces('a{b')).toEqual(['a{b']);
  });

  it.each([
    ['', 'the pattern is empty'],
    ['!', 'the pattern is empty'],
    ['a/{b,c', 'a `{` is never closed'],
    ['a/b}', 'a `}` has no matching `{`'],
    ['a/[bc', 'a `[` is never closed'],
    ['a/**b/c', '`**` must be a whole path segment, as in `a/**/b`'],
  ])('rejects %j: %s', (pattern, problem) => {
    expect(globProblem(pattern)).toBe(problem);
  });

  it('accepts the default patterns', () => {
    expect(['**/*.{yaml,yml}', '!**/node_modules/**'].map(globProblem)).toEqual([null, null]);
  });
});
