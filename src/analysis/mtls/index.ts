export { diffMtls } from './diff.js';
export { evaluateMtls, internalsOf } from './evaluate.js';
export { mtlsFindings } from './findings.js';
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
