/**
 * The few Go text/template forms Istio's e2e templates use, enough to render
 * test/corpus/istio-integration-security with the values its README documents: field paths
 * (`.To.ServiceName`), a method call in parentheses (`(.To.PortForName `http`).WorkloadPort`),
 * `if ne .X ""` / `end`, and the `{{-` / `-}}` whitespace trimming. Test fixture only.
 */

export type TemplateValue =
  string | number | { readonly [key: string]: TemplateValue | ((arg: string) => TemplateValue) };

export function renderGoTemplate(text: string, data: TemplateValue): string {
  const out: string[] = [];
  const stack: boolean[] = [];
  const emitting = () => stack.every(Boolean);
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    if (open < 0) {
      if (emitting()) out.push(rest);
      break;
    }
    let literal = rest.slice(0, open);
    let action = rest.slice(open + 2);
    const close = action.indexOf('}}');
    if (close < 0) throw new Error('unterminated template action');
    let body = action.slice(0, close);
    action = action.slice(close + 2);
    if (body.startsWith('-')) {
      literal = literal.replace(/\s+$/, '');
      body = body.slice(1);
    }
    if (body.endsWith('-')) {
      body = body.slice(0, -1);
      action = action.replace(/^\s+/, '');
    }
    if (emitting()) out.push(literal);
    rest = action;
    body = body.trim();
    if (body.startsWith('if ')) stack.push(condition(body.slice(3).trim(), data));
    else if (body === 'end') stack.pop();
    else if (emitting()) out.push(String(evaluate(body, data)));
  }
  return out.join('');
}

function condition(expression: string, data: TemplateValue): boolean {
  const ne = /^ne (\S+) "(.*)"$/.exec(expression);
  if (ne) return String(evaluate(ne[1] ?? '', data)) !== ne[2];
  throw new Error(`unsupported condition: ${expression}`);
}

function evaluate(expression: string, data: TemplateValue): TemplateValue {
  const call = /^\((\S+) `([^`]*)`\)((?:\.\w+)*)$/.exec(expression);
  if (call) {
    const fn = lookup(call[1] ?? '', data);
    if (typeof fn !== 'function') throw new Error(`${call[1]} is not a method`);
    const value = lookup(call[3] ?? '', fn(call[2] ?? ''));
    if (typeof value === 'function') throw new Error(`${expression} is a method`);
    return value;
  }
  const value = lookup(expression, data);
  if (typeof value === 'function') throw new Error(`${expression} is a method`);
  return value;
}

function lookup(
  path: string,
  data: TemplateValue,
): TemplateValue | ((arg: string) => TemplateValue) {
  let value: TemplateValue | ((arg: string) => TemplateValue) = data;
  for (const key of path.split('.').filter((k) => k !== '')) {
    if (typeof value !== 'object') throw new Error(`cannot read .${key} of ${String(value)}`);
    const next: TemplateValue | ((arg: string) => TemplateValue) | undefined = value[key];
    if (next === undefined) throw new Error(`no field .${key}`);
    value = next;
  }
  return value;
}
