import type { LoadResult } from '../load/index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatRef } from '../model/source.js';
import { terminalText } from './escape.js';

/** One line per diagnostic, then a summary of what was read. */
export function renderValidationText(result: LoadResult): string {
  const lines = result.diagnostics.map(diagnosticLine);
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

/**
 * `file:line:column: severity CODE message (object)`, the form editors and terminals link; every
 * command that names a problem in the manifests writes it this way. File names, messages and
 * object names come from the manifests, so each goes through `terminalText`: an escape sequence
 * cannot reach the terminal, nor a line break forge a diagnostic line.
 */
export function diagnosticLine(d: Diagnostic): string {
  const where = `${terminalText(d.at.file)}:${d.at.line}:${d.at.column}`;
  const what = d.ref ? ` (${terminalText(formatRef(d.ref))})` : '';
  return `${where}: ${d.severity} ${d.code} ${terminalText(d.message)}${what}`;
}

export function summaryLine(result: LoadResult): string {
  const count = (severity: string) =>
    result.diagnostics.filter((d) => d.severity === severity).length;
  const { stats } = result;
  const skipped = stats.notKubernetes + stats.notModelled;
  return (
    `${plural(stats.files, 'file')}, ${plural(stats.documents, 'document')}, ${plural(stats.objects, 'object')} modelled` +
    (skipped > 0
      ? `, ${skipped} skipped (${stats.notModelled} of kinds meshguard does not read, ${stats.notKubernetes} not Kubernetes)`
      : '') +
    (stats.templates > 0 ? `, ${plural(stats.templates, 'template')} not rendered` : '') +
    `: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export const VALIDATION_SCHEMA_VERSION = 1;

/** Stable JSON: one object per diagnostic, positions flattened. */
export function renderValidationJson(result: LoadResult): string {
  return `${JSON.stringify(
    {
      schemaVersion: VALIDATION_SCHEMA_VERSION,
      stats: result.stats,
      diagnostics: result.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.at.file,
        line: d.at.line,
        column: d.at.column,
        ...(d.ref ? { object: formatRef(d.ref) } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}
