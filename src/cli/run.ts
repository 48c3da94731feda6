import { UsageError } from './args.js';
import { DIFF_USAGE, runDiff } from './commands/diff.js';
import { EXPLAIN_USAGE, runExplain } from './commands/explain.js';
import { GRAPH_USAGE, runGraph } from './commands/graph.js';
import { runValidate, VALIDATE_USAGE } from './commands/validate.js';
import { ExitCode } from './io.js';
import type { CliIo } from './io.js';
import { VERSION } from './version.js';

export const USAGE = `meshguard ${VERSION}: what an Istio change does to mTLS and access, before merge

Usage: meshguard <command> [options]

Commands:
  diff --base DIR --head DIR
                      what a change does to access and mTLS, with zero-trust findings
  validate PATH...    check manifests against Istio's and Kubernetes' rules
  graph PATH...       effective mTLS of every workload port and transport of every edge
  explain             why a caller can (or cannot) reach a workload port, on one side or a change

Run 'meshguard <command> --help' for a command's options.
Options: --help, --version
`;

const COMMANDS: Record<
  string,
  { run: (argv: readonly string[], io: CliIo) => number | Promise<number>; usage: string }
> = {
  validate: { run: runValidate, usage: VALIDATE_USAGE },
  diff: { run: (argv, io) => runDiff(argv, io, io.today), usage: DIFF_USAGE },
  graph: { run: runGraph, usage: GRAPH_USAGE },
  explain: { run: runExplain, usage: EXPLAIN_USAGE },
};

/** Runs one CLI invocation and returns its exit status; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return ExitCode.usageOrInput;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return ExitCode.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) {
    io.stderr(`meshguard: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
    return ExitCode.usageOrInput;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`meshguard ${command}: ${error.message}\n\n${entry.usage}`);
      return ExitCode.usageOrInput;
    }
    io.stderr(
      `meshguard ${command}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCode.usageOrInput;
  }
}
