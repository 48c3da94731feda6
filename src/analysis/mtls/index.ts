export { evaluateMtls, internalsOf } from './evaluate.js';
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
  PortMode,
  ServerMode,
  Transport,
} from './types.js';
