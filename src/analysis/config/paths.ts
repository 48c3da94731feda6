import type { Position, YamlNode } from '../load/yaml/types.js';
import { globProblem } from './glob.js';
import { PATTERNS } from './patterns.js';
import type { ConfigReader } from './read-node.js';

/** A list of path globs (`paths:`, `render[].paths:`); each pattern is checked for syntax. */
export function readPaths(
  reader: ConfigReader,
  node: YamlNode | null,
  field: string,
  pos: Position,
): string[] | undefined {
  return reader.list(node, field, pos, (item, name, itemPos) => {
    const value = reader.string(item, name, itemPos, PATTERNS.text);
    if (value === undefined) return undefined;
    const problem = globProblem(value);
    return problem === null ? value : reader.report('error', name, itemPos, problem);
  });
}
