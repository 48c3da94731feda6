import { describe, expect, it } from 'vitest';
import { compileGlobs, DEFAULT_PATHS } from '../../src/analysis/config/index.js';
import type { MeshguardConfig, PathMatcher } from '../../src/analysis/config/index.js';
import { API_READS_WARNING, collectSides, MAX_FILES_PER_SIDE } from '../../src/github/collect.js';
import type { Comparison } from '../../src/github/comparison.js';
import { memoryLogger } from '../../src/github/logger.js';
import type { ManifestEntry, ManifestSource } from '../../src/github/sources/types.js';

/** A source over two in-memory listings; records what was read. */
function source(kind: ManifestSource['kind'], sides: Record<string, Record<string, string>>) {
  const reads: string[][] = [];
  const fake: ManifestSource = {
    kind,
    list: async (ref: string, matcher: PathMatcher) =>
      Object.entries(sides[ref] ?? {})
        .filter(([path]) => matcher.matches(path))
        .map(([path, id]): ManifestEntry => ({ path, key: path, id, size: 10 })),
    read: async (entries) => {
      reads.push(entries.map((e) => e.path));
      return { files: entries.map((e) => ({ path: e.path, text: '' })), unreadable: [] };
    },
  };
  return { fake, reads };
}

function comparison(manifests: ManifestSource): Comparison {
  return {
    baseRef: 'base',
    headRef: 'head',
    configRef: 'base',
    baseSha: 'b',
    headSha: 'h',
    source: manifests,
    git: null,
    notes: [],
  };
}

const CONFIG: MeshguardConfig = { paths: DEFAULT_PATHS, render: [], analyze: {} };

describe('collectSides', () => {
  it('reads nothing when no configured file differs', async () => {
    const { fake, reads } = source('git', {
      base: { 'mesh/a.yaml': '1', 'README.md': '1' },
      head: { 'mesh/a.yaml': '1', 'README.md': '2' },
    });
    expect(await collectSides(comparison(fake), CONFIG, '/', memoryLogger())).toEqual({
      changed: false,
    });
    expect(reads).toEqual([]);
  });

  it('sees an added, a removed and a modified file as changes', async () => {
    const heads: Record<string, string>[] = [
      { 'a.yaml': '1', 'b.yaml': '1' },
      {},
      { 'a.yaml': '2' },
    ];
    for (const head of heads) {
      const { fake } = source('git', { base: { 'a.yaml': '1' }, head });
      expect((await collectSides(comparison(fake), CONFIG, '/', memoryLogger())).changed).toBe(
        true,
      );
    }
  });

  it("counts a change to a render command's inputs, but reads only the analysed paths", async () => {
    const config: MeshguardConfig = {
      paths: ['mesh/*.yaml'],
      render: [{ name: 'prod', argv: ['true'], paths: ['overlays/**'], timeoutSeconds: 1 }],
      analyze: {},
    };
    const { fake, reads } = source('directory', {
      base: { 'mesh/a.yaml': '1', 'overlays/k.yaml': '1' },
      head: { 'mesh/a.yaml': '1', 'overlays/k.yaml': '2' },
    });
    const result = await collectSides(
      comparison(fake),
      config,
      '/nonexistent',
      memoryLogger(),
    ).catch((e: unknown) => e);
    // The directory source renders in `<workspace>/<ref>`; here that folder does not exist, so
    // the command fails to start and is reported as an unreadable rendered input.
    expect(reads).toEqual([['mesh/a.yaml'], ['mesh/a.yaml']]);
    expect(result).toMatchObject({
      changed: true,
      head: { unreadable: [{ path: 'rendered/prod.yaml' }] },
    });
  });

  it(`analyses at most ${MAX_FILES_PER_SIDE} files per side and says so`, async () => {
    const many = Object.fromEntries(
      Array.from({ length: MAX_FILES_PER_SIDE + 2 }, (_, i) => [
        `m/${String(i).padStart(5, '0')}.yaml`,
        `${i}`,
      ]),
    );
    const { fake, reads } = source('git', { base: {}, head: many });
    const result = await collectSides(comparison(fake), CONFIG, '/', memoryLogger());
    expect(reads[1]).toHaveLength(MAX_FILES_PER_SIDE);
    expect(result).toMatchObject({
      limits: [
        {
          side: 'head',
          detail: `the head has ${MAX_FILES_PER_SIDE + 2} manifest files; only the first ${MAX_FILES_PER_SIDE} by path were analysed`,
        },
      ],
    });
  });

  it('warns before spending hundreds of API requests on blobs', async () => {
    const files = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`m/${i}.yaml`, `id-${i}`]));
    const logger = memoryLogger();
    const { fake } = source('api', {
      base: files(API_READS_WARNING),
      head: { ...files(API_READS_WARNING), 'm/new.yaml': 'new' },
    });
    await collectSides(comparison(fake), CONFIG, '/', logger);
    expect(logger.lines.filter((l) => l.startsWith('warning'))).toEqual([
      `warning: reading ${API_READS_WARNING + 1} files through the GitHub API uses as many requests of the token's rate limit; check out with \`fetch-depth: 0\` (or narrow \`paths\`) to read them from git`,
    ]);
  });

  it('matches the default paths: YAML anywhere, not vendored code', () => {
    const matcher = compileGlobs(DEFAULT_PATHS);
    expect(
      ['a.yaml', 'x/b.yml', 'x/node_modules/c.yaml', 'vendor/d.yaml', 'e.json'].filter(
        matcher.matches,
      ),
    ).toEqual(['a.yaml', 'x/b.yml']);
  });
});
