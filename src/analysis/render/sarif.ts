import { catalogue } from '../findings/catalogue.js';
import type { Code, Severity } from '../findings/catalogue.js';
import type { Source } from '../model/source.js';
import { sarifText, uriReference } from './escape.js';

/** Anything with a catalogue code and a position: validation diagnostics and findings alike. */
export interface Reportable {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly at: Source;
  /** `base` when the position is in the base commit (a deleted policy): not a head line. */
  readonly side?: 'base' | 'head';
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  notice: 'note',
};

export interface SarifOptions {
  readonly toolVersion: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other viewers. Rules come from the catalogue, so the
 * code, title and help a user sees are the same everywhere.
 */
export function renderSarif(items: readonly Reportable[], options: SarifOptions): string {
  const codes = [...new Set(items.map((item) => item.code))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const rules = codes.map((code) => {
    const entry = catalogue[code];
    return {
      id: code,
      name: entry.name,
      shortDescription: { text: entry.title },
      fullDescription: { text: entry.description },
      help: { text: entry.help },
      helpUri: `https://github.com/meshguard/meshguard/blob/main/docs/findings.md#${code.toLowerCase()}`,
      defaultConfiguration: { level: LEVEL[entry.severity] },
    };
  });
  const results = items.map((item) => ({
    ruleId: item.code,
    ruleIndex: ruleIndex.get(item.code) ?? 0,
    level: LEVEL[item.severity],
    message: { text: sarifText(messageOf(item)) },
    locations: [{ physicalLocation: physicalLocation(item) }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'meshguard',
            version: options.toolVersion,
            informationUri: 'https://github.com/meshguard/meshguard',
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * SARIF knows one commit: a base-side position names the file only, and the message says where
 * in the base it is, so code scanning never pins it on an unrelated line of the head.
 */
function physicalLocation(item: Reportable) {
  const artifactLocation = { uri: uriReference(item.at.file) };
  if (item.side === 'base') return { artifactLocation };
  return { artifactLocation, region: { startLine: item.at.line, startColumn: item.at.column } };
}

function messageOf(item: Reportable): string {
  if (item.side !== 'base') return item.message;
  return `${item.message} (line ${item.at.line} of ${item.at.file} in the base commit)`;
}
