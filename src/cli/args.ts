/** A small, strict command-line parser: unknown flags and missing or empty values are usage errors. */

import { namespaceProblem } from '../analysis/config/index.js';

export interface FlagSpec {
  readonly type: 'string' | 'boolean' | 'list';
  readonly choices?: readonly string[];
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | readonly string[]>>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArgs(
  argv: readonly string[],
  specs: Readonly<Record<string, FlagSpec>>,
): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean | string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1).map(nonEmptyPath));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(nonEmptyPath(arg));
      continue;
    }
    const [name = '', inline] = splitOnce(arg.slice(2), '=');
    const spec = specs[name];
    if (spec === undefined) throw new UsageError(`unknown option --${name}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    // `--base=` or `--dir "$UNSET"`: every value is a path, name or pattern, and an empty path
    // would quietly read the working directory and answer for the wrong tree.
    if (value === '') throw new UsageError(`--${name} needs a value, not an empty string`);
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(
        `--${name} must be one of ${spec.choices.join(', ')}, not ${JSON.stringify(value)}`,
      );
    }
    if (spec.type === 'list') {
      const existing = flags[name];
      flags[name] = [...(Array.isArray(existing) ? existing : []), value];
    } else {
      flags[name] = value;
    }
  }
  return { positionals, flags };
}

/** Every positional argument is a path; an empty one (`validate "$UNSET"`) is a mistake. */
function nonEmptyPath(arg: string): string {
  if (arg === '') throw new UsageError('a PATH is an empty string; use `.` for this directory');
  return arg;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function listFlag(args: ParsedArgs, name: string): readonly string[] {
  const value = args.flags[name];
  return Array.isArray(value) ? value : [];
}

export function booleanFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

/**
 * `--namespace`, checked like the configuration's `default-namespace`: a name Kubernetes would
 * refuse (`Bad NS/x`) would otherwise put every object without a namespace somewhere no
 * workload can be.
 */
export function namespaceFlag(args: ParsedArgs): { defaultNamespace?: string } {
  const value = stringFlag(args, 'namespace');
  if (value === undefined) return {};
  const problem = namespaceProblem(value);
  if (problem !== null)
    throw new UsageError(`--namespace ${problem}, not ${JSON.stringify(value)}`);
  return { defaultNamespace: value };
}
