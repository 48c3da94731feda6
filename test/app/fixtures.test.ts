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
const withAction = (name: string, action: string) => of(name).filter((e) => e.action === action);

// Provenance: test/fixtures/app/README.md says where each payload comes from; this keeps it true.
describe('App webhook payload fixtures', () => {
  it.each([
    ['issue_comment.created.json', withAction('issue_comment', 'created')[3]],
    ['issue_comment.edited.json', withAction('issue_comment', 'edited')[0]],
    ['pull_request.opened.json', withAction('pull_request', 'opened')[1]],
    ['pull_request.synchronize.json', withAction('pull_request', 'synchronize')[0]],
    ['pull_request.reopened.json', withAction('pull_request', 'reopened')[0]],
    ['pull_request.ready_for_review.json', withAction('pull_request', 'ready_for_review')[1]],
    ['check_run.rerequested.json', withAction('check_run', 'rerequested')[0]],
  ])('%s is the published example', (file, example) => {
    const fixture: unknown = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', 'fixtures', 'app', file), 'utf8'),
    );
    expect(example).toBeDefined();
    expect(fixture).toEqual(example);
  });
});
