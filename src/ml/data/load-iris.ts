import { IRIS_DATA, IRIS_FEATURE_NAMES, IRIS_TARGET, IRIS_TARGET_NAMES } from './iris-data.ts';

/** The iris data set with names for its columns and classes. */
export interface IrisDataset {
  /** 150 rows: sepal length, sepal width, petal length, petal width (cm). */
  X: number[][];
  /** 0 = setosa, 1 = versicolor, 2 = virginica (50 each, in that order). */
  y: number[];
  featureNames: string[];
  targetNames: string[];
}

/** Fisher's iris flowers (150 samples, 4 features, 3 classes), a fresh copy each call, as scikit-learn's load_iris. */
export function loadIris(): IrisDataset {
  return {
    X: IRIS_DATA.map((row) => row.slice()),
    y: IRIS_TARGET.slice(),
    featureNames: IRIS_FEATURE_NAMES.slice(),
    targetNames: IRIS_TARGET_NAMES.slice(),
  };
}
