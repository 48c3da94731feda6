/**
 * Path globs for the `paths` setting. Written here rather than taken from a package because the
 * REST source also needs `couldContain(directory)` to prune truncated trees, and the whole
 * dialect fits in one small, fully tested file.
 *
 * Dialect (documented in docs/configuration.md):
 * - patterns match the whole repository path, `/`-separated, case-sensitive;
 * - `*` matches any characters except `/`, `?` one character except `/`;
 * - `**` as a whole segment matches zero or more directories;
 * - `{a,b}` alternatives (nestable), `[abc]`, `[a-z]`, `[!abc]` character classes;
 * - a leading `!` excludes: a path is selected when an include matches and no exclude does,
 *   whatever the order of the patterns.
 * Dots are not special: `*` matches `.hidden` too.
 */

export interface PathMatcher {
  /** The patterns as given, for messages. */
  readonly patterns: readonly string[];
  matches(path: string): boolean;
  /**
   * Whether some file under `directory` (a path without trailing slash) could be selected.
   * Conservative: true unless no include pattern can reach below it.
   */
  couldContain(directory: string): boolean;
}

interface CompiledPattern {
  readonly regex: RegExp;
  /** Segments after brace expansion, for directory pruning. */
  readonly segments: readonly string[];
}

export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const includes: CompiledPattern[] = [];
  const excludes: CompiledPattern[] = [];
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const body = stripLeadingSlash(negated ? raw.slice(1) : raw);
    for (const expanded of expandBraces(body)) {
      (negated ? excludes : includes).push(compilePattern(expanded));
    }
  }
  return {
    patterns: [...patterns],
    matches: (path) =>
      includes.some((p) => p.regex.test(path)) && !excludes.some((p) => p.regex.test(path)),
    couldContain: (directory) => {
      const parts = directory === '' ? [] : directory.split('/');
      return includes.some((p) => prefixCouldMatch(p.segments, parts));
    },
  };
}

/** Validates one pattern; returns a problem description or null. */
export function globProblem(pattern: string): string | null {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body.trim() === '') return 'the pattern is empty';
  let depth = 0;
  for (const ch of body) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) return 'a `}` has no matching `{`';
  }
  if (depth !== 0) return 'a `{` is never closed';
  if (/\[[^\]]*$/.test(body)) return 'a `[` is never closed';
  if (body.split('/').some((s) => s.includes('**') && s !== '**')) {
    return '`**` must be a whole path segment, as in `a/**/b`';
  }
  return null;
}

function stripLeadingSlash(pattern: string): string {
  return pattern.replace(/^(\.\/|\/)+/, '');
}

/** `a/{b,c/{d,e}}` → `a/b`, `a/c/d`, `a/c/e`. An unbalanced brace is kept literally. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '{') depth++;
    else if (ch === ',' && depth === 1) commas.push(i);
    else if (ch === '}' && --depth === 0) {
      const prefix = pattern.slice(0, open);
      const suffixes = expandBraces(pattern.slice(i + 1));
      const bounds = [open, ...commas, i];
      const options = bounds
        .slice(0, -1)
        .flatMap((start, k) => expandBraces(pattern.slice(start + 1, bounds[k + 1])));
      return options.flatMap((option) => suffixes.map((suffix) => prefix + option + suffix));
    }
  }
  return [pattern];
}

function compilePattern(pattern: string): CompiledPattern {
  const segments = pattern.split('/');
  let source = '^';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      source += last ? '.*' : '(?:[^/]*/)*';
      return;
    }
    source += segmentSource(segment) + (last ? '' : '/');
  });
  return { regex: new RegExp(`${source}$`), segments };
}

function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] ?? '';
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else out += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return out;
}

const segmentCache = new Map<string, RegExp>();

function segmentMatches(pattern: string, name: string): boolean {
  let regex = segmentCache.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^${segmentSource(pattern)}$`);
    segmentCache.set(pattern, regex);
  }
  return regex.test(name);
}

function prefixCouldMatch(pattern: readonly string[], directory: readonly string[]): boolean {
  const [head, ...rest] = pattern;
  if (head === undefined) return false;
  if (head === '**') return true;
  const [name, ...below] = directory;
  // The directory itself is reached: a file below it can match if the pattern goes deeper.
  if (name === undefined) return true;
  return segmentMatches(head, name) && prefixCouldMatch(rest, below);
}
