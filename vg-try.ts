import * as tf from '@tensorflow/tfjs';
import { buildMLP, buildResidualMLP, makeMoons, train, layerGradientNorms } from './src/ml/index.ts';
await tf.setBackend('cpu');
const { X, y } = makeMoons({ nSamples: 128, noise: 0.15, seed: 1 });
const depth = 8;
for (const [act, scale, clip] of [['relu', 2, null], ['relu', 2, 1], ['relu', 2.5, null], ['relu', 2.5, 1], ['tanh', 3, null], ['tanh', 3, 1]] as const) {
  const m = buildMLP({ inputDim: 2, hidden: Array(depth).fill(16), activation: act, seed: 1 });
  for (const l of m.layers) if (l.getClassName() === 'Dense') { const [W, b] = l.getWeights(); l.setWeights([W.mul(scale), b]); }
  const n0 = layerGradientNorms(m, X, y);
  const t1 = performance.now();
  const h = await train(m, X, y, { epochs: 20, batchSize: 32, optimizer: 'sgd', learningRate: 0.1, momentum: 0.9, clipNorm: clip, seed: 1 });
  const t2 = performance.now();
  console.log(act, scale, clip, 'ms', (t2 - t1).toFixed(0), 'n0', n0.map(v=>v.toExponential(1)).join(' '), '\n  loss', h.filter((_, i) => i % 2 === 1).map((s) => s.loss.toFixed(3)).join(' '), 'gn', h.filter((_, i) => i % 4 === 0).map((s) => s.gradNorm.toExponential(1)).join(' '));
  m.dispose();
}
