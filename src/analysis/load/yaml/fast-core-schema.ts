import type { YamlScalarValue } from './types.js';

/*
 * The YAML 1.2 core schema exactly as `yaml` 2.9 resolves plain scalars (schema/core/*.js): the
 * same regular expressions, tried in the same order, and the same conversions (`parseInt` with
 * the prefix cut off, `parseFloat`), so large integers lose precision the same way and `-0`
 * stays negative zero.
 */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value `yaml` gives a plain scalar with this (already folded) text. */
export function resolvePlain(text: string): YamlScalarValue {
  const c = text.charCodeAt(0);
  // Only these first characters can start a non-string: digits, + - . ~ n N t T f F.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) return resolveNumber(text);
  switch (c) {
    case 126: // ~
    case 110: // n
    case 78: // N
      return NULL.test(text) ? null : text;
    case 116: // t
    case 84: // T
    case 102: // f
    case 70: // F
      return BOOL.test(text) ? c === 116 || c === 84 : text;
    default:
      return text;
  }
}

function resolveNumber(text: string): YamlScalarValue {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text.charCodeAt(0) === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/** Keys become strings the way the converter in parse-with-yaml.ts makes them. */
export function keyString(value: YamlScalarValue): string {
  return value === null ? '' : String(value);
}
