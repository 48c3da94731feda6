import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { ENTRY_POINTS, buildOptions } from '../scripts/build.mjs';

const ROOT = join(import.meta.dirname, '..');

describe('dist/', () => {
  it('is exactly what the sources build to (run `npm run build` and commit dist/)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'meshguard-dist-'));
    await build({ ...buildOptions(out), absWorkingDir: ROOT });
    const expected = Object.keys(ENTRY_POINTS as Record<string, string>)
      .map((name) => `${name}.js`)
      .sort();
    expect(
      readdirSync(join(ROOT, 'dist'))
        .filter((f) => f.endsWith('.js'))
        .sort(),
    ).toEqual(expected);
    for (const file of expected) {
      const fresh = readFileSync(join(out, file), 'utf8');
      const committed = readFileSync(join(ROOT, 'dist', file), 'utf8');
      // Compare sizes first so a stale bundle fails with a short message, not a 300 kB diff.
      expect({ file, length: committed.length }).toEqual({ file, length: fresh.length });
      expect(committed === fresh, `${file} is stale`).toBe(true);
    }
  });
});
