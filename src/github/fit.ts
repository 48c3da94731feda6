/**
 * GitHub rejects bodies over its limits (a comment: 65,536 characters, and bodies over 262,144
 * bytes have been reported rejected too; a check run summary: 65,535 characters). We budget both
 * characters (UTF-16 units, which never undercount) and UTF-8 bytes, with headroom.
 * Source: /work/shared/github-notes.md §2.1.
 */
export interface Budget {
  readonly chars: number;
  readonly bytes: number;
}

export const COMMENT_BUDGET: Budget = { chars: 60_000, bytes: 250_000 };
export const CHECK_SUMMARY_BUDGET: Budget = { chars: 65_000, bytes: 250_000 };
/** The job summary takes 1 MiB per step. */
export const JOB_SUMMARY_BUDGET: Budget = { chars: 1_000_000, bytes: 1_000_000 };

/**
 * Where a reader finds what a cut surface left out. In Actions that is the run's job summary
 * (1 MiB) and report file; the App has no run page, so the only whole report is a local run.
 */
export function fullReportPointer(fullReportUrl: string | null): string {
  return fullReportUrl === null
    ? "the output of `meshguard diff` run locally on the pull request's base and head commits: GitHub limits what the App can show here"
    : `the [job summary](${fullReportUrl})`;
}

export interface Fitted {
  readonly text: string;
  readonly truncated: boolean;
}

export function fits(text: string, budget: Budget): boolean {
  return text.length <= budget.chars && Buffer.byteLength(text, 'utf8') <= budget.bytes;
}

/**
 * Keeps whole lines from the top of `markdown` (the renderer puts the verdict, summary table and
 * diagram first) and appends `notice`, so the result with `notice` fits. A cut inside a code
 * fence or an open `<details>` is closed so the rest of the page still renders.
 */
export function fitMarkdown(markdown: string, budget: Budget, notice: string): Fitted {
  if (fits(markdown, budget)) return { text: markdown, truncated: false };
  const lines = markdown.split('\n');
  const reserve = { chars: notice.length + 64, bytes: Buffer.byteLength(notice, 'utf8') + 64 };
  let chars = 0;
  let bytes = 0;
  let kept = 0;
  let fence: string | null = null;
  let details = 0;
  let closingAt = { fence: null as string | null, details: 0 };
  for (const line of lines) {
    const lineChars = line.length + 1;
    const lineBytes = Buffer.byteLength(line, 'utf8') + 1;
    const closers = (fence === null ? 0 : fence.length + 2) + details * 11;
    if (
      chars + lineChars + closers + reserve.chars > budget.chars ||
      bytes + lineBytes + closers + reserve.bytes > budget.bytes
    ) {
      break;
    }
    chars += lineChars;
    bytes += lineBytes;
    kept++;
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === null) fence = marker;
      else if (marker.startsWith(fence)) fence = null;
    } else if (fence === null) {
      details += (line.match(/<details\b/gi) ?? []).length;
      details = Math.max(0, details - (line.match(/<\/details>/gi) ?? []).length);
    }
    closingAt = { fence, details };
  }
  const head = lines.slice(0, kept).join('\n');
  const closers = [
    ...(closingAt.fence === null ? [] : [closingAt.fence]),
    ...Array.from({ length: closingAt.details }, () => '</details>'),
  ];
  const body = [head, ...closers].join('\n');
  return { text: `${body.replace(/\n*$/, '')}\n\n${notice}\n`, truncated: true };
}
