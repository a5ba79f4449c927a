import * as tf from '@tensorflow/tfjs'
import {
  Matrix as M,
  solve,
} from 'ml-matrix'
const t = tf.zeros([2])
const m = new M(2, 2)
solve(m, m)
