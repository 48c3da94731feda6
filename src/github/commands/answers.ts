import { analyzeChange } from '../../analysis/index.js';
import type { MeshguardConfig } from '../../analysis/config/index.js';
import { explainChange, explainSideOf, problemMessage } from '../../analysis/explain/index.js';
import type { EdgeQuery, ExplainSide } from '../../analysis/explain/index.js';
import { isCode } from '../../analysis/findings/catalogue.js';
import { diagnostic } from '../../analysis/model/diagnostic.js';
import { codeSpan, escapeMessage } from '../../analysis/render/escape.js';
import { renderFindingMarkdown } from '../../analysis/render/explain-finding.js';
import type { FindingMatch } from '../../analysis/render/explain-finding.js';
import { renderChangeMarkdown } from '../../analysis/render/explain-markdown.js';
import { blobUrl } from '../context.js';
import type { ReviewContext } from '../context.js';
import { footerLines } from '../review.js';
import type { ReadResult } from '../sources/types.js';
import type { PullRequestSides } from './sides.js';

/** An answer to post, and whether it answered the question (false: the question was wrong). */
export interface Answer {
  readonly markdown: string;
  readonly answered: boolean;
}

/** `/mesh explain a -> b[:port] [METHOD] [/path]`: both sides, what changed, links to the lines. */
export function answerEdge(
  context: ReviewContext,
  sides: PullRequestSides,
  config: MeshguardConfig,
  query: EdgeQuery,
): Answer {
  const base = sideOf(sides.base, config);
  const head = sideOf(sides.head, config);
  const result = explainChange(base, head, query);
  const footer = footerLines(sides.comparison, []).join('\n');
  if (result.kind === 'problem')
    return {
      markdown: `${escapeMessage(problemMessage(result.problem))}\n\n${footer}\n`,
      answered: false,
    };
  const { comparison } = sides;
  const markdown = renderChangeMarkdown(result.explanation, {
    labels: { base: comparison.baseSha.slice(0, 7), head: comparison.headSha.slice(0, 7) },
    linkToLine: (side, file, line) =>
      blobUrl(context, side === 'base' ? comparison.baseSha : comparison.headSha, file, line),
  });
  return { markdown: `${markdown}\n${footer}\n`, answered: true };
}

/** One side for `explain`; files the API could not give make its answer partial. */
function sideOf(read: ReadResult, config: MeshguardConfig): ExplainSide {
  const side = explainSideOf(read.files, config.analyze);
  const unreadable = read.unreadable.map((file) =>
    diagnostic(
      'MG005',
      { file: file.path, documentIndex: 0, line: 1, column: 1 },
      { detail: file.reason },
    ),
  );
  return { ...side, diagnostics: [...unreadable, ...side.diagnostics] };
}

/**
 * `/mesh explain MG101` or `/mesh explain MG101:<subject>`: the review's own findings (same
 * analysis, same ignores) filtered by code or id, with the catalogue's reasoning and advice.
 */
export function answerFinding(
  context: ReviewContext,
  sides: PullRequestSides,
  config: MeshguardConfig,
  asked: string,
  configPath: string,
): Answer {
  const code = asked.slice(0, 5);
  if (!isCode(code))
    return {
      markdown: `${codeSpan(code)} is not a meshguard code; the codes are listed in docs/findings.md.\n`,
      answered: false,
    };
  const report = analyzeChange({
    base: sides.base.files,
    head: sides.head.files,
    options: config.analyze,
    problems: {
      unreadable: { base: sides.base.unreadable, head: sides.head.unreadable },
      limits: sides.limits,
    },
  });
  const all: FindingMatch[] = [
    ...report.findings.map((finding) => ({ finding, ignored: null })),
    ...report.ignored.map((i) => ({ finding: i.finding, ignored: i.reason })),
  ];
  const matches = all.filter((m) =>
    asked === code ? m.finding.code === code : m.finding.id === asked,
  );
  const { comparison } = sides;
  const markdown = renderFindingMarkdown(
    { asked, code, matches },
    {
      configPath,
      linkToLine: (side, file, line) =>
        blobUrl(context, side === 'base' ? comparison.baseSha : comparison.headSha, file, line),
    },
  );
  return { markdown: `${markdown}\n${footerLines(comparison, []).join('\n')}\n`, answered: true };
}
