import {
  COLON,
  DOT,
  STOP_COLON,
  STOP_COMMENT,
  STOP_EOL,
  STOP_FLOW,
  HASH,
  LF,
  SPACE,
  TAB,
  isBlankOrEnd,
  isFlowIndicator,
  unsupported,
} from './fast-scanner.js';
import type { Scanner } from './fast-scanner.js';

/**
 * Whether `c` (followed by `next`) may start a plain scalar (YAML 1.2 `ns-plain-first`, plus the
 * characters `yaml` rejects as "Plain value cannot start with ..."). Indicators that would make
 * the node something else (`&`, `*`, `!`, `?`, `|`, quotes, flow brackets) are excluded too.
 */
export function isPlainStart(c: number, next: number, inFlow: boolean): boolean {
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: // :
      return !(isBlankOrEnd(next) || (inFlow && isFlowIndicator(next)));
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return false;
    default:
      return c > SPACE;
  }
}

/**
 * Scans one line of a plain scalar from `s.pos` (its first character) and returns the offset just
 * past its last non-blank character; `s.pos` is left where the scan stopped and `s.stop` says
 * why. Mirrors the stop conditions of `yaml`'s `parsePlainScalar`: `: ` and ` #` always, flow
 * indicators only inside flow collections.
 */
export function scanPlainLine(s: Scanner, inFlow: boolean): number {
  const src = s.src;
  let i = s.pos;
  let end = i;
  let stop: number;
  for (;;) {
    const c = src.charCodeAt(i);
    if (c > COLON) {
      if (inFlow && isFlowIndicator(c)) {
        stop = STOP_FLOW;
        break;
      }
      end = ++i;
    } else if (c === SPACE || c === TAB) {
      i++;
    } else if (c === COLON) {
      const next = src.charCodeAt(i + 1);
      if (isBlankOrEnd(next) || (inFlow && isFlowIndicator(next))) {
        stop = STOP_COLON;
        break;
      }
      end = ++i;
    } else if (c === HASH) {
      if (i > end) {
        stop = STOP_COMMENT;
        break;
      }
      end = ++i;
    } else if (c === LF || c !== c) {
      stop = STOP_EOL;
      break;
    } else if (c < SPACE) {
      unsupported();
    } else {
      if (inFlow && c === 44) {
        stop = STOP_FLOW;
        break;
      }
      end = ++i;
    }
  }
  s.pos = i;
  s.stop = stop;
  return end;
}

/**
 * Continues a block plain scalar whose first line ended at a line break (`s.pos` on it) and
 * returns the folded text. A line continues the scalar when it is indented more than
 * `parentIndent` (`yaml`'s `continueScalar`); a comment line or a less indented line ends it.
 * Continuation lines that start with an indicator or hold `: ` are left to the reference (they
 * are either errors or rare enough not to matter). The cursor ends after the last line consumed.
 */
export function continuePlain(s: Scanner, first: string, parentIndent: number): string {
  const src = s.src;
  let text = first;
  let breaks = 0;
  let p = s.pos;
  while (p < s.len) {
    let i = p + 1;
    while (src.charCodeAt(i) === SPACE) i++;
    const c = src.charCodeAt(i);
    if (c === LF) {
      breaks++;
      p = i;
      continue;
    }
    if (i >= s.len || i - p - 1 <= parentIndent || c === HASH) break;
    // At the root a line may start in column 0, where `---` and `...` end the document.
    if (i === p + 1 && c === DOT) unsupported();
    if (
      c === TAB ||
      !isPlainStart(c, src.charCodeAt(i + 1), false) ||
      c === 45 ||
      c === 63 ||
      c === 58
    ) {
      unsupported();
    }
    s.advanceTo(s.pos, i);
    const end = scanPlainLine(s, false);
    if (s.stop === STOP_COLON) unsupported();
    text += (breaks === 0 ? ' ' : '\n'.repeat(breaks)) + src.slice(i, end);
    breaks = 0;
    if (s.stop === STOP_COMMENT) break;
    p = s.pos;
  }
  return text;
}
