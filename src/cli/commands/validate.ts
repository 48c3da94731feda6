import { loadMesh } from '../../analysis/load/index.js';
import { isPartialInput } from '../../analysis/findings/catalogue.js';
import { renderSarif } from '../../analysis/render/sarif.js';
import { renderValidationJson, renderValidationText } from '../../analysis/render/validation.js';
import { namespaceFlag, parseArgs, stringFlag, UsageError } from '../args.js';
import { ExitCode } from '../io.js';
import type { CliIo } from '../io.js';
import { VERSION } from '../version.js';
import { readManifestTree, unreadableDiagnostics } from '../walk.js';

export const VALIDATE_USAGE = `Usage: meshguard validate [--format text|json|sarif] [--namespace NS] PATH...

Reads every .yaml, .yml and .json manifest under each PATH and reports what Istio and the
Kubernetes API would reject, with file, line and column.

Options:
  --format FORMAT    text (default), json or sarif
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 no errors (warnings allowed), 1 errors in the manifests,
2 usage error or input that could not be read whole.
`;

export function runValidate(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {
    format: { type: 'string', choices: ['text', 'json', 'sarif'] },
    namespace: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.flags.help === true) {
    io.stdout(VALIDATE_USAGE);
    return ExitCode.ok;
  }
  if (args.positionals.length === 0) throw new UsageError('validate needs at least one PATH');
  const options = namespaceFlag(args);
  const tree = readManifestTree(args.positionals, io.cwd);
  const result = loadMesh(tree.files, options);
  const unreadable = unreadableDiagnostics(tree);
  const report = { ...result, diagnostics: [...unreadable, ...result.diagnostics] };
  const format = stringFlag(args, 'format') ?? 'text';
  if (format === 'json') io.stdout(renderValidationJson(report));
  else if (format === 'sarif') io.stdout(renderSarif(report.diagnostics, { toolVersion: VERSION }));
  else io.stdout(renderValidationText(report));
  if (report.diagnostics.some((d) => isPartialInput(d.code))) return ExitCode.usageOrInput;
  return report.diagnostics.some((d) => d.severity === 'error') ? ExitCode.findings : ExitCode.ok;
}
