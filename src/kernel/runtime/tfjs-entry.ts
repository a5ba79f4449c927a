/**
 * TensorFlow.js as the sandbox runtime evaluates it, the first time a notebook uses it
 * (tfjs-on-demand.ts; built apart by kernel/build/lazy-tfjs-plugin.ts).
 * PROD silences TensorFlow.js's one-time "install tfjs-node" banner, which would otherwise land in
 * the first cell that makes a tensor. The CPU backend gives the same numbers on every machine
 * (WebGL's float precision varies by GPU) and was the fastest for the library's small tensors when
 * measured in Chromium on a 2-core machine; choosing it takes effect at once (only a backend that
 * initialises asynchronously, which the CPU's does not, needs `await tf.ready()`).
 */
import * as tf from '@tensorflow/tfjs';

tf.env().set('PROD', true);
void tf.setBackend('cpu');

export * from '@tensorflow/tfjs';
