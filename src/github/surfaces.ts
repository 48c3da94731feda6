import type { Report } from '../analysis/index.js';
import { renderMarkdown } from '../analysis/render/markdown.js';
import type { MarkdownOptions } from '../analysis/render/markdown.js';
import { CHECK_SUMMARY_BUDGET, COMMENT_BUDGET, JOB_SUMMARY_BUDGET } from './fit.js';
import type { Budget } from './fit.js';

/** The report as each GitHub surface shows it, each within that surface's size limit. */
export interface Surfaces {
  readonly comment: string;
  readonly checkSummary: string;
  readonly jobSummary: string;
}

export interface SurfaceOptions {
  readonly linkToLine: (file: string, line: number) => string | null;
  /** The run page (job summary): where a cut report points. */
  readonly fullReportUrl: string | null;
  /** Characters the comment needs besides the report: marker and footer. */
  readonly commentReserve: number;
}

/**
 * Renders the report once per surface. The renderer is given each budget (`maxLength`,
 * `maxBytes`) so it can shorten tables and the diagram itself; `fitMarkdown` in the publishers
 * remains the guarantee that nothing over GitHub's limits is ever sent.
 */
export function renderSurfaces(report: Report, options: SurfaceOptions): Surfaces {
  const render = (budget: Budget): string => {
    const renderOptions: MarkdownOptions & Record<string, unknown> = {
      linkToLine: options.linkToLine,
      maxLength: budget.chars,
      maxBytes: budget.bytes,
      ...(options.fullReportUrl === null ? {} : { fullReportUrl: options.fullReportUrl }),
    };
    return renderMarkdown(report, renderOptions);
  };
  return {
    comment: render({
      chars: COMMENT_BUDGET.chars - options.commentReserve,
      bytes: COMMENT_BUDGET.bytes - options.commentReserve * 4,
    }),
    checkSummary: render(CHECK_SUMMARY_BUDGET),
    jobSummary: render(JOB_SUMMARY_BUDGET),
  };
}
