export { RandomForestClassifier, RandomForestRegressor, type RandomForestClassifierParams, type RandomForestRegressorParams } from './random-forest.ts';
export type { ForestStep } from './forest.ts';
export type { GradientBoostingParams } from './gradient-boosting-base.ts';
export { GradientBoostingRegressor, type GradientBoostingRegressorStep } from './gradient-boosting-regressor.ts';
export { GradientBoostingClassifier, type GradientBoostingClassifierStep } from './gradient-boosting-classifier.ts';
export { VotingClassifier, type VotingClassifierParams } from './voting.ts';
export { StackingClassifier, type StackingClassifierParams } from './stacking.ts';
export { BaggingClassifier, type BaggingClassifierParams } from './bagging.ts';
