export { giniImpurity, entropy } from './impurity.ts';
export type { TreeNode } from './tree-data.ts';
export type { TreeSplitStep, SplitCandidate } from './builder.ts';
export type { MaxFeatures } from './max-features.ts';
export { DecisionTreeClassifier, type DecisionTreeClassifierParams } from './classifier.ts';
export { DecisionTreeRegressor, type DecisionTreeRegressorParams } from './regressor.ts';
