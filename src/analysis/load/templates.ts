/**
 * Recognises files that are Go/Helm templates rather than manifests. An action `{{ ... }}` where
 * a YAML value or line starts cannot be valid YAML intent; `{{` inside a quoted string or a block
 * scalar (say, a Prometheus alert description in a ConfigMap) can, so those are left alone:
 * skipping a valid manifest would hide every change in it.
 */
const ACTION_AT_VALUE = /^[ \t]*(?:-[ \t]+)?(?:[^\s#'"][^#'"]*?:[ \t]+)?\{\{-?[ \t]*[\w.$("-]/m;
const HELM_HINTS = /\{\{-?[^}]*(?:\.Values|\.Release|\.Chart|include\s+")/;
/** `key: |`, `- >-`, `--- |2`: a line whose value is a literal or folded block scalar. */
const BLOCK_SCALAR_HEADER = /(?:^|:|^[ \t]*-|^---)[ \t]+[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

export function templateKind(path: string, text: string): 'Helm' | 'Go' | null {
  if (!text.includes('{{')) return null;
  if (/(^|\/)templates\//.test(path)) return 'Helm';
  const structure = withoutBlockScalars(text);
  if (HELM_HINTS.test(structure)) return 'Helm';
  return ACTION_AT_VALUE.test(structure) ? 'Go' : null;
}

/**
 * The text with the content lines of block scalars removed. A block's content is every following
 * line that is blank or indented deeper than the line that opened it (YAML 1.2 §8.1).
 */
function withoutBlockScalars(text: string): string {
  const kept: string[] = [];
  let blockIndent = -1;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) continue;
    blockIndent = BLOCK_SCALAR_HEADER.test(line) ? indent : -1;
    kept.push(line);
  }
  return kept.join('\n');
}
