export { diffMtls } from './diff.js';
export { evaluateMtls, internalsOf } from './evaluate.js';
export { mtlsFindings } from './findings.js';
export { decidingPolicy } from './findings-edges.js';
export { buildGraphView, GRAPH_SCHEMA_VERSION } from './graph-view.js';
export type {
  EdgeView,
  EvidenceView,
  GraphFilter,
  GraphView,
  PortView,
  TransportView,
  WorkloadView,
} from './graph-view.js';
export type { EdgeBundle, EdgeDetail, EvaluateMtlsOptions, MtlsInternals } from './evaluate.js';
export type {
  ClientTls,
  ClientTlsSource,
  Dataplane,
  EdgeTransport,
  Evidence,
  InjectionDecision,
  ModeLevel,
  MtlsEvaluation,
  MtlsSide,
  PortMode,
  ServerMode,
  Transport,
} from './types.js';
