/**
 * GitHub Flavored Markdown rendered by micromark with its GFM extension, which follows the GFM
 * spec that cmark-gfm (GitHub's renderer) implements, including the table rule that `\|` splits
 * before inline parsing. Raw HTML is let through, as GitHub lets `<details>` and friends through,
 * so a test sees any HTML a hostile name smuggled in.
 */
import { Window } from 'happy-dom';
import type { Document, Node } from 'happy-dom';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderGfm(markdown: string): Document {
  const html = micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    allowDangerousHtml: true,
  });
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document;
}

/** Text nodes outside `<code>`/`<pre>`, where GitHub links mentions and issue references. */
export function proseText(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) out.push(node.textContent ?? '');
    else if (node.nodeName !== 'CODE' && node.nodeName !== 'PRE') node.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** GitHub's mention pattern (a word boundary, `@`, then a login or `org/team`). */
export const MENTION = /(?:^|[^\w`])@[A-Za-z0-9][A-Za-z0-9-]*/;
/** GitHub's issue reference and bare-URL autolinks. */
export const ISSUE_REF = /(?:^|[^\w&])(?:#|GH-)\d+/i;
/** GFM extended autolinks start at a line start, after whitespace or after `*`, `_`, `~`, `(`. */
export const BARE_URL = /(?:^|[\s*_~(])(?:www\.|[a-z][a-z0-9+.-]*:\/\/)/i;
