import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileGlobs, DEFAULT_PATHS, parseConfig } from '../../analysis/config/index.js';
import { analyzeChange } from '../../analysis/index.js';
import type { AnalyzeOptions, InputFile, Report } from '../../analysis/index.js';
import { renderFindingsSarif } from '../../analysis/render/findings-sarif.js';
import { renderJson } from '../../analysis/render/json.js';
import { renderMarkdown } from '../../analysis/render/markdown.js';
import { renderText } from '../../analysis/render/text.js';
import { namespaceFlag, parseArgs, stringFlag, UsageError } from '../args.js';
import type { ParsedArgs } from '../args.js';
import { ExitCode } from '../io.js';
import type { CliIo } from '../io.js';
import { VERSION } from '../version.js';
import { readManifestTree } from '../walk.js';

export const DIFF_USAGE = `Usage: meshguard diff --base DIR --head DIR [--config FILE] [--format FORMAT] [--fail-on LEVEL]

Evaluates both versions of the manifests as Istio would and reports what the change does to
access (who may reach which workload, port, method and path) and to mTLS, with the findings a
zero-trust review needs and the lines that caused them.

Options:
  --base DIR         the manifests before the change (e.g. a checkout of the target branch)
  --head DIR         the manifests after the change
  --config FILE      .github/meshguard.yml: paths, severities, ignores, protected workloads...
  --format FORMAT    text (default), markdown (the PR comment), json (docs/report-schema.md) or sarif
  --fail-on LEVEL    error (default), warning or never: which findings fail the run
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 no failing finding, 1 failing findings, 2 usage or configuration error, or input
that could not be read whole (the message names file and line).
`;

const RENDER: Record<string, (report: Report) => string> = {
  text: (report) => renderText(report),
  markdown: (report) => renderMarkdown(report),
  json: renderJson,
  sarif: (report) => renderFindingsSarif(report, { toolVersion: VERSION }),
};

export function runDiff(argv: readonly string[], io: CliIo, today: () => string): number {
  const args = parseArgs(argv, {
    base: { type: 'string' },
    head: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string', choices: Object.keys(RENDER) },
    'fail-on': { type: 'string', choices: ['error', 'warning', 'never'] },
    namespace: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.flags.help === true) {
    io.stdout(DIFF_USAGE);
    return ExitCode.ok;
  }
  const baseDir = stringFlag(args, 'base');
  const headDir = stringFlag(args, 'head');
  if (baseDir === undefined || headDir === undefined)
    throw new UsageError('diff needs --base DIR and --head DIR');
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const flags = flagOptions(args);
  const config = readConfig(stringFlag(args, 'config'), io);
  if (config === null) return ExitCode.usageOrInput;
  const options: AnalyzeOptions = {
    ...config.options,
    ...flags,
    today: today(),
  };
  const base = readSide(baseDir, io.cwd, config.paths);
  const head = readSide(headDir, io.cwd, config.paths);
  const report = analyzeChange({
    base: base.files,
    head: head.files,
    options,
    problems: { unreadable: { base: base.unreadable, head: head.unreadable } },
  });
  const render = RENDER[stringFlag(args, 'format') ?? 'text'] ?? renderText;
  io.stdout(render(report));
  if (report.inputs.partial) {
    io.stderr(
      'meshguard diff: some input could not be read whole; the answer is partial (see the findings)\n',
    );
    return ExitCode.usageOrInput;
  }
  return report.verdict === 'fail' ? ExitCode.findings : ExitCode.ok;
}

function flagOptions(args: ParsedArgs): AnalyzeOptions {
  const failOn = stringFlag(args, 'fail-on');
  return {
    ...(failOn === undefined ? {} : { failOn: failOn as AnalyzeOptions['failOn'] }),
    ...namespaceFlag(args),
  };
}

/** Paths are matched relative to each side's root, as they are relative to the repository. */
function readSide(
  root: string,
  cwd: string,
  paths: readonly string[] | null,
): { files: InputFile[]; unreadable: { path: string; reason: string }[] } {
  const base = resolve(cwd, root);
  const tree = readManifestTree([base], base, paths === null ? undefined : compileGlobs(paths));
  return {
    files: [...tree.files],
    unreadable: tree.unreadable.map((file) => ({
      // A missing root is shown as the user wrote it, not as an absolute path.
      path: file.path === base ? root : file.path,
      reason: file.reason,
    })),
  };
}

/** The configuration's analysis options and paths; `null` after reporting an invalid file. */
function readConfig(
  path: string | undefined,
  io: CliIo,
): { options: AnalyzeOptions; paths: readonly string[] | null } | null {
  if (path === undefined) return { options: {}, paths: null };
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    io.stderr(
      `meshguard diff: cannot read the configuration ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return null;
  }
  const parsed = parseConfig(text, path);
  for (const problem of parsed.problems) {
    io.stderr(
      `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}${problem.field ? ` ${problem.field}` : ''}: ${problem.message}\n`,
    );
  }
  if (parsed.problems.some((p) => p.severity === 'error')) return null;
  if (parsed.config.render.length > 0)
    io.stderr(
      'meshguard diff: `render` commands are run by the Action and the App only; pass rendered directories here\n',
    );
  return {
    options: parsed.config.analyze,
    paths: parsed.config.paths === DEFAULT_PATHS ? null : parsed.config.paths,
  };
}
