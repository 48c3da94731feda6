import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DIST = join(import.meta.dirname, '..', '..', '..', 'dist', 'index.js');

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `name=value` outputs written to `GITHUB_OUTPUT`. */
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly runnerTemp: string;
}

/**
 * Runs the bundled Action as the runner does: `node dist/index.js` with the runner's
 * environment variables, inputs as `INPUT_<NAME>`, and files for the event, outputs and summary.
 */
export async function runAction(options: {
  readonly apiUrl: string;
  readonly workspace: string;
  readonly eventName: string;
  readonly event: unknown;
  readonly repository: string;
  readonly inputs?: Readonly<Record<string, string>>;
}): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'meshguard-runner-'));
  const files = {
    event: join(temp, 'event.json'),
    output: join(temp, 'output'),
    summary: join(temp, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(options.event));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const inputs = { 'github-token': 'test-token', ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTOR: 'octocat',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: temp,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
  const child = spawn(process.execPath, [DIST], { env, cwd: options.workspace });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    runnerTemp: temp,
  };
}

/** `@actions/core` writes `name<<delimiter\nvalue\ndelimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}
