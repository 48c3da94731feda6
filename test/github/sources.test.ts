import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGlobs } from '../../src/analysis/config/index.js';
import { MissingPermissionError } from '../../src/github/errors.js';
import { DirectoryManifestSource } from '../../src/github/sources/directory.js';
import { GitManifestSource, GitRepository } from '../../src/github/sources/git.js';
import { RestManifestSource } from '../../src/github/sources/rest.js';
import { tree } from '../support/cli.js';
import { api, testClient } from './support/client.js';
import { commit, git, repository } from './support/git.js';
import { OWNER, REPO } from './support/payloads.js';

const YAML = compileGlobs(['**/*.yaml']);
const BASE = `/repos/${OWNER}/${REPO}`;
const SHA = 'a'.repeat(40);

function restSource() {
  const { octokit, logger } = testClient();
  return { source: new RestManifestSource(octokit, { owner: OWNER, repo: REPO }, logger), logger };
}

describe('the git source', () => {
  it('lists and reads files at both commits without touching the working tree', async () => {
    const repo = repository(
      { 'mesh/a.yaml': 'kind: A\n', 'mesh/b.yaml': 'kind: B\n', 'README.md': 'x' },
      { 'mesh/a.yaml': 'kind: A2\n', 'mesh/b.yaml': null, 'mesh/deep/c.yaml': 'kind: C\n' },
    );
    const source = new GitManifestSource(new GitRepository(repo.dir));
    const head = await source.list(repo.headSha, YAML);
    expect(head.map((e) => e.path)).toEqual(['mesh/a.yaml', 'mesh/deep/c.yaml']);
    expect(await source.read(head)).toEqual({
      files: [
        { path: 'mesh/a.yaml', text: 'kind: A2\n' },
        { path: 'mesh/deep/c.yaml', text: 'kind: C\n' },
      ],
      unreadable: [],
    });
    const base = await source.list(repo.baseSha, YAML);
    expect(base.map((e) => e.path)).toEqual(['mesh/a.yaml', 'mesh/b.yaml']);
    expect(git(repo.dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
  });

  it('skips symbolic links, which could point outside the repository', async () => {
    const repo = repository({ 'a.yaml': 'kind: A\n' }, {});
    symlinkSync('/etc/hostname', join(repo.dir, 'link.yaml'));
    const sha = commit(repo.dir, {}, 'add a link');
    const entries = await new GitManifestSource(new GitRepository(repo.dir)).list(sha, YAML);
    expect(entries.map((e) => e.path)).toEqual(['a.yaml']);
  });

  it('knows which commits it has and finds the merge base', async () => {
    const repo = repository({ 'a.yaml': 'x: 1\n' }, { 'a.yaml': 'x: 2\n' });
    const base = repo.baseSha;
    const moved = commit(repo.dir, { 'b.yaml': 'y: 1\n' }, 'main moves on');
    const clone = new GitRepository(repo.dir);
    expect(await clone.hasCommit(repo.headSha)).toBe(true);
    expect(await clone.hasCommit('b'.repeat(40))).toBe(false);
    expect(await clone.mergeBase(moved, repo.headSha)).toBe(base);
    expect(await clone.readFile(moved, 'b.yaml')).toEqual(Buffer.from('y: 1\n'));
    expect(await clone.readFile(moved, 'missing.yaml')).toBeNull();
  });
});

describe('the REST source', () => {
  it('lists one recursive tree and fetches each selected blob once, whatever side shares it', async () => {
    const { source } = restSource();
    api()
      .get(`${BASE}/git/trees/${SHA}`)
      .query({ recursive: '1' })
      .reply(200, {
        truncated: false,
        tree: [
          { path: 'mesh', mode: '040000', type: 'tree', sha: 't1' },
          { path: 'mesh/a.yaml', mode: '100644', type: 'blob', sha: 'b1', size: 8 },
          { path: 'mesh/same.yaml', mode: '100644', type: 'blob', sha: 'b1', size: 8 },
          { path: 'mesh/link.yaml', mode: '120000', type: 'blob', sha: 'b2', size: 10 },
          { path: 'sub', mode: '160000', type: 'commit', sha: 'c1' },
          { path: 'README.md', mode: '100644', type: 'blob', sha: 'b3', size: 3 },
        ],
      })
      .get(`${BASE}/git/blobs/b1`)
      .once()
      .reply(200, {
        sha: 'b1',
        encoding: 'base64',
        content: Buffer.from('kind: A\n').toString('base64'),
      });
    const entries = await source.list(SHA, YAML);
    expect(entries.map((e) => e.path)).toEqual(['mesh/a.yaml', 'mesh/same.yaml']);
    expect((await source.read(entries)).files).toEqual([
      { path: 'mesh/a.yaml', text: 'kind: A\n' },
      { path: 'mesh/same.yaml', text: 'kind: A\n' },
    ]);
  });

  it('walks a truncated tree directory by directory, only where a configured path can reach', async () => {
    const { source, logger } = restSource();
    api()
      .get(`${BASE}/git/trees/${SHA}`)
      .query({ recursive: '1' })
      .reply(200, { truncated: true, tree: [] })
      .get(`${BASE}/git/trees/${SHA}`)
      .reply(200, {
        truncated: false,
        tree: [
          { path: 'istio', mode: '040000', type: 'tree', sha: 'tree-istio' },
          { path: 'frontend', mode: '040000', type: 'tree', sha: 'tree-frontend' },
          { path: 'top.yaml', mode: '100644', type: 'blob', sha: 'b0', size: 1 },
        ],
      })
      .get(`${BASE}/git/trees/tree-istio`)
      .reply(200, {
        truncated: false,
        tree: [
          { path: 'policy.yaml', mode: '100644', type: 'blob', sha: 'b1', size: 1 },
          { path: 'notes.txt', mode: '100644', type: 'blob', sha: 'b2', size: 1 },
        ],
      });
    const entries = await source.list(SHA, compileGlobs(['istio/**/*.yaml']));
    expect(entries.map((e) => e.path)).toEqual(['istio/policy.yaml']);
    expect(logger.lines).toContain(
      'info: the tree of aaaaaaaaaaaa is too large for one request; listed it directory by directory',
    );
  });

  it('fetches blobs over 1 MB with the raw media type', async () => {
    const { source } = restSource();
    const big = `kind: List\n${'# padding\n'.repeat(120_000)}`;
    api()
      .get(`${BASE}/git/blobs/big`)
      .matchHeader('accept', /application\/vnd\.github\.v3\.raw/)
      .reply(200, big, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
    const result = await source.read([
      { path: 'big.yaml', key: 'big.yaml', id: 'big', size: big.length },
    ]);
    expect(result.files[0]?.text).toBe(big);
  });

  it('reports a file over the size limit as unreadable without downloading it', async () => {
    const { source } = restSource();
    const result = await source.read([
      { path: 'huge.yaml', key: 'huge.yaml', id: 'h', size: 20 * 1024 * 1024 },
    ]);
    expect(result).toEqual({
      files: [],
      unreadable: [{ path: 'huge.yaml', reason: 'larger than 8 MiB' }],
    });
  });

  it('names `contents: read` when the token may not read the repository', async () => {
    const { source } = restSource();
    api()
      .get(`${BASE}/git/trees/${SHA}`)
      .query({ recursive: '1' })
      .reply(403, { message: 'Resource not accessible by integration' });
    const error = await source.list(SHA, YAML).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPermissionError);
    expect((error as MissingPermissionError).permissions).toEqual(['contents: read']);
  });
});

describe('the directory source', () => {
  it('compares files by their path inside each folder', async () => {
    const root = tree({
      'examples/base/shop/a.yaml': 'kind: A\n',
      'examples/head/shop/a.yaml': 'kind: A\n',
      'examples/head/x.txt': 'no',
    });
    const source = new DirectoryManifestSource(root);
    const [base, head] = [
      await source.list('examples/base', YAML),
      await source.list('examples/head', YAML),
    ];
    expect(base).toEqual([
      { path: 'examples/base/shop/a.yaml', key: 'shop/a.yaml', id: head[0]?.id, size: 8 },
    ]);
    expect(head.map((e) => e.path)).toEqual(['examples/head/shop/a.yaml']);
    expect((await source.read(head)).files).toEqual([
      { path: 'examples/head/shop/a.yaml', text: 'kind: A\n' },
    ]);
  });

  it.runIf(process.platform !== 'win32')(
    'enters each directory and reads each file once, whatever links lead back to them',
    async () => {
      const root = tree({ 'examples/head/shop/a.yaml': 'kind: A\n' });
      symlinkSync('.', join(root, 'examples/head/self'));
      symlinkSync('..', join(root, 'examples/head/shop/up'));
      symlinkSync('a.yaml', join(root, 'examples/head/shop/link.yaml'));
      const head = await new DirectoryManifestSource(root).list('examples/head', YAML);
      expect(head.map((e) => e.path)).toEqual(['examples/head/shop/a.yaml']);
    },
  );

  it.runIf(process.platform !== 'win32')(
    'reports a dangling link named like a manifest as unreadable and skips other dangling links',
    async () => {
      const root = tree({ 'examples/head/shop/a.yaml': 'kind: A\n' });
      symlinkSync('gone.yaml', join(root, 'examples/head/shop/b.yaml'));
      symlinkSync('gone', join(root, 'examples/head/shop/notes'));
      const source = new DirectoryManifestSource(root);
      const head = await source.list('examples/head', YAML);
      expect(head.map((e) => e.path)).toEqual([
        'examples/head/shop/a.yaml',
        'examples/head/shop/b.yaml',
      ]);
      const read = await source.read(head);
      expect(read.files.map((f) => f.path)).toEqual(['examples/head/shop/a.yaml']);
      expect(read.unreadable).toEqual([
        {
          path: 'examples/head/shop/b.yaml',
          reason: 'a symbolic link to nothing (no such file or directory)',
        },
      ]);
    },
  );

  it('refuses a folder that does not exist rather than comparing with nothing', async () => {
    const source = new DirectoryManifestSource(tree({ 'a.yaml': '' }));
    await expect(source.list('examples/head', YAML)).rejects.toThrow(
      'the directory `examples/head` does not exist in the workspace',
    );
  });
});
