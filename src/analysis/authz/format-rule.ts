import type { Condition, MatchField, OperationMatch, SourceMatch } from '../model/istio.js';

/**
 * A `source`, `operation` or `when` entry as the policy spells it, for explanations:
 * `principals: cluster.local/ns/a/sa/x; methods: GET, POST`.
 */
export function formatClause(clause: SourceMatch | OperationMatch | Condition): string {
  if ('key' in clause) {
    const parts = [
      clause.values
        ? `${clause.key.value} in ${clause.values.map((v) => v.value).join(', ')}`
        : null,
      clause.notValues
        ? `${clause.key.value} not in ${clause.notValues.map((v) => v.value).join(', ')}`
        : null,
    ];
    return parts.filter((p) => p !== null).join(' and ');
  }
  return Object.entries(clause)
    .filter((entry): entry is [string, MatchField] => entry[0] !== 'at' && entry[1] !== undefined)
    .map(([name, field]) => `${name}: ${field.values.map((v) => v.value).join(', ')}`)
    .join('; ');
}
