import type { InputFile } from '../../analysis/load/index.js';
import {
  explainChange,
  explainEdge,
  explainSideOf,
  methodProblem,
  parseCaller,
  parseDestination,
  pathProblem,
  problemMessage,
} from '../../analysis/explain/index.js';
import type { EdgeQuery, ExplainSide } from '../../analysis/explain/index.js';
import { isPartialInput } from '../../analysis/findings/catalogue.js';
import {
  renderChangeJson,
  renderChangeText,
  renderEdgeJson,
  renderEdgeText,
} from '../../analysis/render/explain-edge.js';
import { terminalText } from '../../analysis/render/escape.js';
import { diagnosticLine } from '../../analysis/render/validation.js';
import { listFlag, namespaceFlag, parseArgs, stringFlag, UsageError } from '../args.js';
import type { ParsedArgs } from '../args.js';
import { ExitCode } from '../io.js';
import type { CliIo } from '../io.js';
import { readManifestTree, unreadableDiagnostics } from '../walk.js';

export const EXPLAIN_USAGE = `Usage: meshguard explain --dir DIR --from ns/workload --to ns/workload[:port]
                         [--method M] [--path P] [--format text|json]
       meshguard explain --base DIR --head DIR --from ... --to ... (explain a change)

Explains whether a caller can reach a workload, per port: the transport (mtls, plaintext or
broken) with the PeerAuthentication and DestinationRule lines that decided it, the peer identity
the server sees, and the authorization decision with the policies and rules that made it
(file:line); for a denial, the nearest ALLOW rule and what it still requires. With --base and
--head, both answers and what changed between them.

Options:
  --dir DIR          the manifests (repeatable)
  --base DIR         the manifests before a change; with --head
  --head DIR         the manifests after it
  --from ID          the caller: namespace/workload, (unauthenticated) or (any mesh identity)
  --to ID[:PORT]     the destination workload; PORT is a workload port or a Service port of it
                     (default: every port of the workload)
  --method M         an HTTP method, such as GET
  --path P           an HTTP path, such as /api/v1/items
  --format FORMAT    text (default) or json
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 answered, 2 usage error, unknown workload or port, or input that could not be
read whole (the answer is still printed; stderr names each file and line).
`;

export function runExplain(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {
    dir: { type: 'list' },
    base: { type: 'string' },
    head: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    method: { type: 'string' },
    path: { type: 'string' },
    format: { type: 'string', choices: ['text', 'json'] },
    namespace: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.flags.help === true) {
    io.stdout(EXPLAIN_USAGE);
    return ExitCode.ok;
  }
  const query = readQuery(args);
  const json = stringFlag(args, 'format') === 'json';
  const options = namespaceFlag(args);
  const roots = [...args.positionals, ...listFlag(args, 'dir')];
  const base = stringFlag(args, 'base');
  const head = stringFlag(args, 'head');
  if ((base === undefined) !== (head === undefined))
    throw new UsageError('--base and --head go together');
  if (base !== undefined && head !== undefined) {
    if (roots.length > 0) throw new UsageError('give either --dir or --base and --head, not both');
    const before = readSide([base], io, options);
    const after = readSide([head], io, options);
    const result = explainChange(before.side, after.side, query);
    if (result.kind === 'problem') return fail(io, problemMessage(result.problem));
    io.stdout(json ? renderChangeJson(result.explanation) : renderChangeText(result.explanation));
    return before.partial || after.partial ? ExitCode.usageOrInput : ExitCode.ok;
  }
  if (roots.length === 0) throw new UsageError('explain needs --dir DIR (or --base and --head)');
  const { side, partial } = readSide(roots, io, options);
  const result = explainEdge(side, query);
  if (result.kind === 'problem') return fail(io, problemMessage(result.problem));
  io.stdout(json ? renderEdgeJson(result.explanation) : renderEdgeText(result.explanation));
  return partial ? ExitCode.usageOrInput : ExitCode.ok;
}

function readQuery(args: ParsedArgs): EdgeQuery {
  const fromText = stringFlag(args, 'from');
  const toText = stringFlag(args, 'to');
  if (fromText === undefined || toText === undefined)
    throw new UsageError('explain needs --from and --to');
  const from = parseCaller(fromText);
  if (from === null)
    throw new UsageError(
      `--from ${JSON.stringify(fromText)} is not namespace/workload, (unauthenticated) or (any mesh identity)`,
    );
  const destination = parseDestination(toText);
  if ('error' in destination) throw new UsageError(`--to: ${destination.error}`);
  const method = stringFlag(args, 'method') ?? null;
  const path = stringFlag(args, 'path') ?? null;
  const problem =
    (method === null ? null : methodProblem(method)) ?? (path === null ? null : pathProblem(path));
  if (problem !== null) throw new UsageError(problem);
  return { from, ...destination.value, method, path };
}

/**
 * Reads one side. What could not be read (a missing or binary file, broken YAML) makes the
 * answer partial (exit 2) and is named on stderr with its file and line, as `validate` names it:
 * stdout holds the answer, which may be JSON, and the user needs to know what to fix.
 */
function readSide(
  roots: readonly string[],
  io: CliIo,
  options: { defaultNamespace?: string },
): { side: ExplainSide; partial: boolean } {
  const tree = readManifestTree(roots, io.cwd);
  const files: readonly InputFile[] = tree.files;
  const side = explainSideOf(files, options);
  const diagnostics = [...unreadableDiagnostics(tree), ...side.diagnostics];
  const partial = diagnostics.filter((d) => isPartialInput(d.code));
  for (const d of partial) io.stderr(`${terminalText(diagnosticLine(d))}\n`);
  return { side: { ...side, diagnostics }, partial: partial.length > 0 };
}

function fail(io: CliIo, message: string): number {
  io.stderr(`meshguard explain: ${terminalText(message)}\n`);
  return ExitCode.usageOrInput;
}
