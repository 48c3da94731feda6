/**
 * Recognises files that are Go/Helm templates rather than manifests. An action `{{ ... }}` where
 * a YAML value or line starts cannot be valid YAML intent; `{{` inside a quoted string (say, a
 * Prometheus alert description) can, so those are left alone.
 */
const ACTION_AT_VALUE = /^[ \t]*(?:-[ \t]+)?(?:[^\s#'"][^#'"]*?:[ \t]+)?\{\{-?[ \t]*[\w.$("-]/m;
const HELM_HINTS = /\{\{-?[^}]*(?:\.Values|\.Release|\.Chart|include\s+")/;

export function templateKind(path: string, text: string): 'Helm' | 'Go' | null {
  if (!text.includes('{{')) return null;
  const helm = HELM_HINTS.test(text) || /(^|\/)templates\//.test(path);
  if (helm) return 'Helm';
  return ACTION_AT_VALUE.test(text) ? 'Go' : null;
}
