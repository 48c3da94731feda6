import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1] ?? '');
}

describe('architecture', () => {
  it('keeps src/analysis pure: no Node I/O, no GitHub, no adapters', () => {
    const offenders = sources(join(SRC, 'analysis')).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            /^(node:|fs$|path$|child_process$|os$|@actions\/|@octokit\/|probot)/.test(spec) ||
            /\/(cli|github|action|app)\//.test(spec),
        )
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps src/analysis free of process state and clocks', () => {
    const offenders = sources(join(SRC, 'analysis')).filter((file) =>
      /\bprocess\.|Date\.now\(|new Date\(\)|Math\.random\(/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });

  it('keeps the CLI independent of GitHub', () => {
    const offenders = sources(join(SRC, 'cli')).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            /^(@actions\/|@octokit\/|probot)/.test(spec) || /\/(github|action|app)\//.test(spec),
        )
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
