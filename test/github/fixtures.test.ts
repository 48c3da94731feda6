import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface WebhookExamples {
  readonly name: string;
  readonly examples: readonly { readonly action?: string }[];
}

const require = createRequire(import.meta.url);
const examples =
  require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExamples[];
const of = (name: string) => examples.find((e) => e.name === name)?.examples ?? [];

// Provenance: test/fixtures/github/README.md says where each payload comes from; this keeps
// the claim true.
describe('webhook payload fixtures', () => {
  it.each([
    ['pull_request.synchronize.json', of('pull_request').find((e) => e.action === 'synchronize')],
    ['pull_request.opened.json', of('pull_request').find((e) => e.action === 'opened')],
    ['merge_group.checks_requested.json', of('merge_group')[0]],
    ['workflow_run.completed.json', of('workflow_run').filter((e) => e.action === 'completed')[2]],
  ])('%s is the published example', (file, example) => {
    const fixture: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'fixtures', 'github', file), 'utf8'),
    );
    expect(example).toBeDefined();
    expect(fixture).toEqual(example);
  });
});
