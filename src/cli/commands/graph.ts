import { loadMesh } from '../../analysis/load/index.js';
import { isPartialInput } from '../../analysis/findings/catalogue.js';
import { buildAccessGraphView } from '../../analysis/graph/access-view.js';
import type { AccessGraphView } from '../../analysis/graph/access-view.js';
import { evaluateLoaded } from '../../analysis/graph/side.js';
import type { EvidenceView } from '../../analysis/mtls/index.js';
import { terminalText } from '../../analysis/render/escape.js';
import { renderGraphMermaid } from '../../analysis/render/graph-mermaid.js';
import { diagnosticLine } from '../../analysis/render/validation.js';
import { namespaceProblem } from '../../analysis/config/index.js';
import { isWorkloadId, parseCaller } from '../../analysis/explain/index.js';
import { listFlag, namespaceFlag, parseArgs, stringFlag, UsageError } from '../args.js';
import type { ParsedArgs } from '../args.js';
import { ExitCode } from '../io.js';
import type { CliIo } from '../io.js';
import { readManifestTree, unreadableDiagnostics } from '../walk.js';

export const GRAPH_USAGE = `Usage: meshguard graph [--format text|json|mermaid] [--from ID]... [--to ID]... PATH...

Evaluates the manifests under each PATH as Istio would and prints the effective mTLS mode of
every workload port, and for every caller to every workload port the transport (mtls, plaintext
or broken) and the access (allow, partial with the allowed requests, or deny), with the objects
and lines that decided them.

Options:
  --format FORMAT    text (default), json, or mermaid (the open edges as a diagram)
  --from ID          only callers ID (namespace/name, namespace/*, or a pseudo-caller); repeatable
  --to ID            only destination workloads ID (namespace/name or namespace/*); repeatable
  --dir DIR          same as a PATH
  --namespace NS     namespace for objects that name none (default: default)

Exit status: 0 graph printed, 2 usage error or input that could not be read whole.
`;

export function runGraph(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, {
    format: { type: 'string', choices: ['text', 'json', 'mermaid'] },
    from: { type: 'list' },
    to: { type: 'list' },
    dir: { type: 'list' },
    namespace: { type: 'string' },
    help: { type: 'boolean' },
  });
  if (args.flags.help === true) {
    io.stdout(GRAPH_USAGE);
    return ExitCode.ok;
  }
  const roots = [...args.positionals, ...listFlag(args, 'dir')];
  if (roots.length === 0) throw new UsageError('graph needs at least one PATH');
  const filter = { from: readIds(args, 'from'), to: readIds(args, 'to') };
  const options = namespaceFlag(args);
  const tree = readManifestTree(roots, io.cwd);
  const loaded = loadMesh(tree.files, options);
  const unreadable = unreadableDiagnostics(tree);
  const diagnostics = [...unreadable, ...loaded.diagnostics];
  const view = buildAccessGraphView(evaluateLoaded(loaded), diagnostics, filter);
  const format = stringFlag(args, 'format') ?? 'text';
  io.stdout(
    format === 'json'
      ? `${JSON.stringify(view, null, 2)}\n`
      : format === 'mermaid'
        ? renderGraphMermaid(view)
        : renderText(view),
  );
  return diagnostics.some((d) => isPartialInput(d.code)) ? ExitCode.usageOrInput : ExitCode.ok;
}

/**
 * `--from` or `--to` IDs, read with explain's parser plus `namespace/*`. A malformed ID matches
 * nothing, so it would print an empty graph and exit 0, as if nobody could reach anything.
 */
function readIds(args: ParsedArgs, flag: 'from' | 'to'): string[] {
  return listFlag(args, flag).map((text) => {
    if (text.endsWith('/*') && namespaceProblem(text.slice(0, -2)) === null) return text;
    const id = flag === 'from' ? parseCaller(text) : isWorkloadId(text) ? text : null;
    if (id !== null) return id;
    const forms =
      flag === 'from'
        ? 'namespace/workload, namespace/*, (unauthenticated) or (any mesh identity)'
        : 'namespace/workload or namespace/*';
    throw new UsageError(`--${flag} ${JSON.stringify(text)} is not ${forms}`);
  });
}

function renderText(view: AccessGraphView): string {
  const lines: string[] = [];
  const ports = view.workloads.reduce((n, w) => n + w.ports.length, 0);
  lines.push(
    `mesh graph: ${view.workloads.length} workloads, ${ports} ports, ${view.edges.length} edges ` +
      `(root namespace ${view.settings.rootNamespace}, auto mTLS ${view.settings.enableAutoMtls ? 'on' : 'off'}, ` +
      `outbound ${view.settings.outboundTrafficPolicy})`,
  );
  const edgesByPort = new Map<string, AccessGraphView['edges'][number][]>();
  for (const edge of view.edges) {
    const key = `${edge.to}:${edge.port}`;
    const list = edgesByPort.get(key);
    if (list) list.push(edge);
    else edgesByPort.set(key, [edge]);
  }
  for (const workload of view.workloads) {
    lines.push(
      '',
      `${workload.id} (${workload.kind}, ${workload.dataplane}${workload.gateway ? ', gateway' : ''}${workload.exact ? '' : ', assumed'})`,
    );
    for (const line of workload.evidence.filter((e) => e.file !== null))
      lines.push(`    ${evidence(line)}`);
    for (const port of workload.ports) {
      lines.push(
        `  port ${port.port}${port.name ? ` ${port.name}` : ''} (${port.protocol}): ${port.mode}, ${port.level}${port.exact ? '' : ' (inexact)'}`,
      );
      for (const line of port.evidence) lines.push(`      ${evidence(line)}`);
      for (const edge of edgesByPort.get(`${workload.id}:${port.port}`) ?? []) {
        const t = edge.transport;
        const a = edge.access;
        const allowed = a.value === 'partial' ? ` (${a.requests.join('; ')})` : '';
        lines.push(
          `    from ${edge.from}: ${t.value}${t.exact ? '' : ' (inexact)'}${t.via ? ` via ${t.via}` : ''}: ${t.reason}`,
          `      access: ${a.value}${allowed}${a.exact ? '' : ' (inexact)'}${a.decidedBy.length > 0 ? `, decided by ${a.decidedBy.map(evidence).join('; ')}` : ''}`,
        );
      }
    }
  }
  if (view.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const f of view.findings)
      lines.push(
        `  ${f.at.file}:${f.at.line}:${f.at.column}: ${f.severity} ${f.code} ${f.message}`,
      );
  }
  const problems = view.diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    lines.push('', 'Input errors (objects Istio would reject are left out):');
    for (const d of problems) lines.push(`  ${diagnosticLine(d)}`);
  }
  // Names and messages come from the manifests: never let them drive the terminal.
  return `${lines.map(terminalText).join('\n')}\n`;
}

function evidence(e: EvidenceView): string {
  const where = e.file === null ? '' : ` (${e.file}:${e.line ?? 1}:${e.column ?? 1})`;
  return `${e.object ? `${e.object}: ` : ''}${e.note}${where}`;
}
