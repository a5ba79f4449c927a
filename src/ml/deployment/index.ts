export { driftBinEdges, driftBinIndex, driftBinShares, driftPsi, psiFromBinShares, sharesFromCounts } from './drift-psi.ts';
export { ModelRegistry, type ModelStatus, type ModelVersion } from './model-registry.ts';
export { averagePrecisionOnRows, candidateCheckFailures, passesValidationGate, guardrailTripped, driftAlarm, type RowsMetric } from './release-rules.ts';
export {
  simulateReleaseProcess, type ReleaseStream, type ReleaseModel, type RetrainReason, type ReleasePolicy, type ReleaseStageKind,
  type StageReading, type ReleaseEvent, type ReleaseDay, type ReleaseResult,
} from './simulate-release.ts';
