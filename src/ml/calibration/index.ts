export { IsotonicRegression, type IsotonicRegressionOptions } from './isotonic.ts';
export {
  CalibratedClassifierCV, type CalibratedClassifierCVOptions, type CalibratedFold, type Calibrator,
} from './calibrated-classifier.ts';
export { SigmoidCalibration } from './sigmoid.ts';
