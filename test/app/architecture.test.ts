import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** `file -> specifier` for every import of every .ts file under `src/<dir>`. */
function imports(dir: string): string[] {
  const files = (path: string): string[] =>
    readdirSync(path, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? files(join(path, e.name))
        : e.name.endsWith('.ts')
          ? [join(path, e.name)]
          : [],
    );
  return files(join(SRC, dir)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map(
      (m) => `${relative(SRC, file)} -> ${m[1] ?? ''}`,
    ),
  );
}

// style.md §1: the Action and the App call src/github and never each other; the commands live
// in src/github/commands so both doors answer them with the same code.
describe('the two doors', () => {
  it('keep src/app and src/action apart', () => {
    expect(imports('app').filter((line) => line.includes('/action/'))).toEqual([]);
    expect(imports('action').filter((line) => /\/app\/|-> probot$/.test(line))).toEqual([]);
  });

  it('keep Probot out of src/github, so the Action bundle does not carry it', () => {
    expect(imports('github').filter((line) => line.endsWith('-> probot'))).toEqual([]);
  });
});
