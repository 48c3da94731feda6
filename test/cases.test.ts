// @vitest-environment happy-dom
/**
 * Golden scenarios: test/cases/<scenario>/{base/, head/, expected.json, expected.md, README.md,
 * config.yml?}. Each scenario is one semantic change with its expected report. To refresh after
 * a deliberate change: `UPDATE_GOLDEN=1 npx vitest run test/cases.test.ts`, then review the diff
 * of every expected file like code (refused under CI).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../src/analysis/index.js';
import type { AnalyzeOptions, InputFile } from '../src/analysis/index.js';
import { renderJson } from '../src/analysis/render/json.js';
import { renderMarkdown } from '../src/analysis/render/markdown.js';
import { mermaidBlocks, parseFlowchart } from './render/mermaid-parser.js';

const CASES = join(import.meta.dirname, 'cases');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
if (UPDATE && process.env.CI)
  throw new Error('UPDATE_GOLDEN is refused under CI: refresh goldens locally and review them');

function readTree(root: string): InputFile[] {
  if (!existsSync(root)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return walk(root)
    .sort()
    .map((path) => ({
      path: relative(root, path).split(sep).join('/'),
      text: readFileSync(path, 'utf8'),
    }));
}

function expectGolden(file: string, actual: string): void {
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (expected !== actual) {
    const patch = createTwoFilesPatch(
      `${file} (expected)`,
      `${file} (actual)`,
      expected,
      actual,
      '',
      '',
      { context: 3 },
    );
    expect.fail(`golden mismatch; review and refresh with UPDATE_GOLDEN=1 if intended:\n${patch}`);
  }
}

const scenarios = readdirSync(CASES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('golden scenarios', () => {
  it('has a README for every scenario saying what changed, what we expect and which rule', () => {
    const missing = scenarios.filter((name) => !existsSync(join(CASES, name, 'README.md')));
    expect(missing).toEqual([]);
  });

  describe.each(scenarios)('%s', (name) => {
    const dir = join(CASES, name);
    const configFile = join(dir, 'config.yml');
    const options: AnalyzeOptions = {
      today: '2026-11-25',
      ...(existsSync(configFile)
        ? (parse(readFileSync(configFile, 'utf8')) as AnalyzeOptions)
        : {}),
    };
    const report = analyzeChange({
      base: readTree(join(dir, 'base')),
      head: readTree(join(dir, 'head')),
      options,
    });

    it('produces the expected JSON report', () => {
      expectGolden(join(dir, 'expected.json'), renderJson(report));
    });

    it('produces the expected PR comment, whose diagrams Mermaid parses', async () => {
      const markdown = renderMarkdown(report);
      expectGolden(join(dir, 'expected.md'), markdown);
      for (const block of mermaidBlocks(markdown))
        await expect(parseFlowchart(block)).resolves.toBeDefined();
    });
  });
});
