/** `explain` across both engines: one caller, one workload, its ports, on one side or two. */
export { explainEdge } from './edge.js';
export { explainChange } from './change.js';
export { explainSideOf, withAuthz } from './side.js';
export type { ExplainSide } from './side.js';
export { problemMessage } from './resolve.js';
export {
  clip,
  isWorkloadId,
  methodProblem,
  parseCaller,
  parseDestination,
  pathProblem,
} from './query.js';
export type { EdgeQuery, Parsed } from './query.js';
export type * from './types.js';
