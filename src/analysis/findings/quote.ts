/**
 * How a message quotes a user value: as a CommonMark code span (§6.1). Messages are plain
 * strings read in three places: a terminal and SARIF show them as written, and the Markdown
 * renderer (`escapeMessage` in render/escape.ts) turns each code span back into code. Quoting
 * the CommonMark way means a value holding backticks (an Istio path such as ``/{*}/a`b``) is shown
 * exactly, and nothing in it can end the span early or start a new one.
 */

/** The length of the longest run of backticks in `text`, 0 when it has none. */
export function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return longest;
}

/**
 * `value` as a code span that CommonMark reads back as exactly `value`: the fence is one backtick
 * longer than any run inside, so only the closing fence closes it; a space pads both sides when
 * the value starts or ends with a backtick (it would join the fence) or starts and ends with a
 * space (CommonMark strips one space from each side). An empty value cannot be a code span
 * (two backticks are one unclosed run), so it is written `""`.
 */
export function quote(value: string | number): string {
  const text = String(value);
  if (text === '') return '""';
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = /^`|`$/.test(text) || stripsSpaces(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Whether CommonMark would strip a space from each side of `content` read as a code span: line
 * endings count as spaces, and content of nothing but spaces is kept whole.
 */
export function stripsSpaces(content: string): boolean {
  const spaced = content.replace(/\r\n?|\n/g, ' ');
  return spaced.startsWith(' ') && spaced.endsWith(' ') && /[^ ]/.test(spaced);
}

/** A piece of a message: plain text, or the value of a code span. */
export interface MessagePart {
  readonly code: boolean;
  readonly text: string;
}

/**
 * A message split the way CommonMark reads its code spans (§6.1): a run of N backticks opens a
 * span that the next run of exactly N closes; a run that nothing closes is literal text. So
 * `parseMessage(quote(v))` gives back `v` for every value.
 */
export function parseMessage(message: string): MessagePart[] {
  const runs = [...message.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  // The next run of the same length after each run, found in one backward pass.
  const closer = new Array<number>(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]?.length ?? 0;
    closer[i] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, i);
  }
  const parts: MessagePart[] = [];
  const push = (code: boolean, text: string) => {
    if (text !== '' || code) parts.push({ code, text });
  };
  let textFrom = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i];
    const close = runs[closer[i] ?? -1];
    if (open === undefined || close === undefined) continue;
    push(false, message.slice(textFrom, open.at));
    push(true, codeContent(message.slice(open.at + open.length, close.at)));
    textFrom = close.at + close.length;
    i = closer[i] ?? i;
  }
  push(false, message.slice(textFrom));
  return parts;
}

/** What a code span shows: line endings read as spaces, one space stripped from each side. */
function codeContent(raw: string): string {
  const spaced = raw.replace(/\r\n?|\n/g, ' ');
  return stripsSpaces(spaced) ? spaced.slice(1, -1) : spaced;
}
