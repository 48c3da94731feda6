import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/analysis/load/index.js';
import { readManifestTree } from '../../src/cli/walk.js';
import { cli, tree } from '../support/cli.js';

const SA = (name: string) =>
  `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: shop}\n`;
const posix = process.platform !== 'win32';

describe('reading manifest trees', () => {
  it.runIf(posix)('does not enter a directory twice through links back to an ancestor', () => {
    const root = tree({ 'mesh/a.yaml': SA('a'), 'mesh/deep/b.yaml': SA('b') });
    symlinkSync('.', join(root, 'mesh/self'));
    symlinkSync('..', join(root, 'mesh/deep/up'));
    // Two links to the same directory made the walk branch at every level until memory ran out.
    symlinkSync('.', join(root, 'mesh/again'));
    const read = readManifestTree(['mesh'], root);
    expect(read.files.map((f) => f.path)).toEqual(['mesh/a.yaml', 'mesh/deep/b.yaml']);
    expect(read.unreadable).toEqual([]);
  });

  it.runIf(posix)(
    'reads a file once when a second link or an overlapping root reaches it',
    async () => {
      const root = tree({ 'good/shop/a.yaml': SA('a'), 'good/b.yaml': SA('b') });
      symlinkSync('shop/a.yaml', join(root, 'good/link.yaml'));
      for (const roots of [
        ['good'],
        ['good', 'good/shop'],
        ['good/shop', 'good'],
        ['good', 'good'],
      ]) {
        const run = await cli(['validate', ...roots], root);
        expect(run, roots.join(' ')).toMatchObject({
          code: 0,
          stdout: '2 files, 2 documents, 2 objects modelled: 0 errors, 0 warnings\n',
        });
      }
    },
  );

  it.runIf(posix)('names a link that never reaches a file in words, not an errno code', () => {
    const root = tree({ 'mesh/a.yaml': SA('a') });
    symlinkSync('loop.yaml', join(root, 'mesh/loop.yaml'));
    expect(readManifestTree(['mesh'], root).unreadable).toEqual([
      { path: 'mesh/loop.yaml', reason: 'symbolic link loop: the link never reaches a file' },
    ]);
  });

  it.runIf(posix && existsSync('/dev/zero'))(
    'reports a pipe or a device in a directory as unreadable instead of waiting on it',
    async () => {
      const root = tree({ 'mesh/a.yaml': SA('a') });
      execFileSync('mkfifo', [join(root, 'mesh/pipe.yaml')]);
      symlinkSync('/dev/zero', join(root, 'mesh/zero.yaml'));
      const run = await cli(['validate', 'mesh'], root);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(
        'mesh/pipe.yaml:1:1: error MG005 file could not be read: not a regular file (a pipe, socket or device)',
      );
      expect(run.stdout).toContain('mesh/zero.yaml:1:1: error MG005');
    },
  );

  it.runIf(posix && existsSync('/dev/zero'))(
    'reads a device named on the command line only up to the size limit',
    () => {
      expect(readManifestTree(['/dev/zero'], '/').unreadable).toEqual([
        { path: 'dev/zero', reason: 'larger than 8 MiB' },
      ]);
    },
  );

  it('reports a file over the size limit as unreadable, as the Action does', async () => {
    const root = tree({ 'mesh/a.yaml': SA('a') });
    mkdirSync(join(root, 'mesh/big'));
    writeFileSync(join(root, 'mesh/big/huge.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
    const run = await cli(['validate', 'mesh'], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'mesh/big/huge.yaml:1:1: error MG005 file could not be read: larger than 8 MiB',
    );
    expect(run.stdout).toContain('1 object modelled');
  });
});
