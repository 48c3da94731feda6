import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { RenderCommand } from '../../src/analysis/config/index.js';
import { renderEnvironment, renderManifests } from '../../src/github/sources/render.js';

function command(argv: string[], timeoutSeconds = 30): RenderCommand {
  return { name: 'prod', argv, paths: ['**'], timeoutSeconds };
}

// Render commands read the pull request's files: they are untrusted (docs/configuration.md).
describe('render commands', () => {
  it('never see the workflow token or the runner tokens', async () => {
    const env = {
      PATH: process.env['PATH'],
      HOME: '/home/runner',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      GITHUB_TOKEN: 'ghs_secret',
      ACTIONS_RUNTIME_TOKEN: 'secret',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'secret',
      AWS_SECRET_ACCESS_KEY: 'secret',
      HELM_CACHE_HOME: '/tmp/helm',
      LC_ALL: 'C',
    };
    expect(Object.keys(renderEnvironment(env)).sort()).toEqual([
      'HELM_CACHE_HOME',
      'HOME',
      'LC_ALL',
      'PATH',
    ]);
    const printed = await renderManifests(
      [
        command([
          process.execPath,
          '-e',
          'process.stdout.write(Object.keys(process.env).sort().join(","))',
        ]),
      ],
      tmpdir(),
      env,
    );
    expect(printed.files[0]?.text.split(',')).not.toContain('INPUT_GITHUB-TOKEN');
    expect(printed.files[0]?.text).not.toContain('TOKEN');
  });

  it('run without a shell: a pipe is an argument, not a pipe', async () => {
    const result = await renderManifests(
      [
        command([
          process.execPath,
          '-e',
          'process.stdout.write(JSON.stringify(process.argv.slice(1)))',
          '|',
          'cat',
        ]),
      ],
      tmpdir(),
    );
    expect(result.files).toEqual([{ path: 'rendered/prod.yaml', text: '["|","cat"]' }]);
  });

  it('are stopped at their timeout and reported', async () => {
    const result = await renderManifests(
      [command([process.execPath, '-e', 'setTimeout(() => {}, 60000)'], 1)],
      tmpdir(),
    );
    expect(result.unreadable).toEqual([
      {
        path: 'rendered/prod.yaml',
        reason: `\`${process.execPath} -e setTimeout(() => {}, 60000)\` timed out after 1s`,
      },
    ]);
  });

  it('that do not exist are reported, not thrown', async () => {
    const result = await renderManifests([command(['meshguard-no-such-tool', 'build'])], tmpdir());
    expect(result.unreadable[0]?.reason).toMatch(
      /^`meshguard-no-such-tool build` could not start: spawn meshguard-no-such-tool ENOENT/,
    );
  });
});
