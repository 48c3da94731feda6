import type { Report } from '../report/types.js';

export interface MarkdownOptions {
  /** A link to a file line on the forge, when the caller knows the repository and commit. */
  readonly linkToLine?: (file: string, line: number) => string | null;
}

/**
 * Placeholder renderer: verdict and findings only. Replaced by the full PR-comment renderer
 * (diagram, tables, budgets) on the `render` branch.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const lines = [
    `**meshguard: ${report.verdict === 'fail' ? 'regression' : 'no regression'}**`,
    '',
  ];
  for (const f of report.findings) {
    const link = options.linkToLine?.(f.at.file, f.at.line);
    const where = `${f.at.file}:${f.at.line}`;
    lines.push(`- ${f.severity} ${f.code} ${f.message} (${link ? `[${where}](${link})` : where})`);
  }
  return `${lines.join('\n')}\n`;
}
