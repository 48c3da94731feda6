import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REVIEW_EVENTS } from '../../src/app/app.js';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('app.yml', () => {
  const manifest = parse(read('app.yml')) as {
    default_events: string[];
    default_permissions: Record<string, string>;
    public: boolean;
  };

  it('subscribes to exactly the events the App handles', () => {
    const handled = new Set([
      ...REVIEW_EVENTS.map((e) => e.split('.')[0]),
      'check_run',
      'issue_comment',
    ]);
    expect([...manifest.default_events].sort()).toEqual([...handled].sort());
  });

  it('asks for the least permissions: writes only checks and pull requests', () => {
    // issues: read is what GitHub requires to subscribe to issue_comment; comments and
    // reactions on pull requests are written with pull_requests: write.
    expect(manifest.default_permissions).toEqual({
      checks: 'write',
      contents: 'read',
      issues: 'read',
      metadata: 'read',
      pull_requests: 'write',
    });
    expect(manifest.public).toBe(false);
  });
});

describe('npm start, the Docker image and the command workflow', () => {
  it('npm start runs the bundled App', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start']).toBe('node dist/app.js');
  });

  it('the image runs the same file, listening on all interfaces, and ships only what it needs', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toContain('CMD ["node", "dist/app.js"]');
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(
      read('.dockerignore')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('#')),
    ).toEqual(['*', '!package.json', '!app.yml', '!dist/app.js']);
  });

  it('the issue_comment workflow checks nothing out and asks only what commands use', () => {
    const workflow = parse(read('docs/workflows/meshguard-commands.yml')) as {
      on: Record<string, { types: string[] }>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string }[] }>;
    };
    expect(workflow.on).toEqual({ issue_comment: { types: ['created'] } });
    expect(workflow.permissions).toEqual({
      checks: 'write',
      contents: 'read',
      'pull-requests': 'write',
    });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((s) => s.uses)).toEqual(['meshguard/meshguard@v1']);
  });
});
