export { driftBinEdges, driftBinIndex, driftBinShares, driftPsi, psiFromBinShares, sharesFromCounts } from './drift-psi.ts';
export { ModelRegistry, type ModelStatus, type ModelVersion } from './model-registry.ts';
export { averagePrecisionOnRows, candidateCheckFailures, passesValidationGate, guardrailTripped, driftAlarm, type RowsMetric } from './release-rules.ts';
export {
  simulateRollout, type RolloutStream, type RolloutModel, type RetrainReason, type RolloutPolicy, type ReleaseStageKind,
  type StageReading, type RolloutEvent, type RolloutDay, type RolloutResult,
} from './simulate-rollout.ts';
