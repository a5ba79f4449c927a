/**
 * Training speed of the deep-learning notebooks (`npm run bench -- training`): issue #17 asks for
 * steps per second of each. Every notebook runs once, headless, in this process (the sandbox's
 * runtime without the sandbox, so TensorFlow.js's engine can be watched), counting the gradient
 * computations TensorFlow.js makes per cell: one per optimiser step of every loop built on it
 * (trainSteps, miniBatchSteps, the autoencoder's, the transformer's, the few-shot head's), plus
 * any gradient a cell asks for itself. Loops written in plain TypeScript (the RNN notebook's BPTT
 * by hand, the backpropagation notebook's network) are not counted. TensorFlow.js's CPU backend
 * in Node runs the same kernels as in the browser's worker.
 * BENCH_NOTEBOOKS=cnn,rnn limits the notebooks.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { codeCells, parseNotebook } from '../../src/notebook/index.ts';
import { Session } from '../../src/kernel/session.ts';
import type { FromRuntime, ToRuntime } from '../../src/kernel/protocol.ts';
import { InProcessExecutor } from './training/in-process-executor.ts';

const DEEP_LEARNING = ['backpropagation', 'activation-functions', 'vanishing-gradients', 'neural-network-playground', 'cnn', 'rnn', 'autoencoders', 'transfer-learning', 'transformer'];
/** A cell that computes fewer gradients than this is not training. */
const TRAINING_CELL_MIN_STEPS = 20;

interface CellSteps { line: number; steps: number; ms: number }

/** Counts every gradient computation of TensorFlow.js's engine (variableGrads, minimize, grads all go through it). */
function countGradients(): () => number {
  const engine = tf.engine() as unknown as { gradients: (...args: unknown[]) => unknown };
  const original = engine.gradients.bind(engine);
  let count = 0;
  engine.gradients = (...args: unknown[]) => {
    count++;
    return original(...args);
  };
  return () => count;
}

async function trainingCells(slug: string, gradients: () => number): Promise<CellSteps[]> {
  const file = `notebooks/${slug}.md`;
  const cells = codeCells(parseNotebook(readFileSync(file, 'utf8'), file));
  const cellOfRun = new Map<number, string>();
  const started = new Map<number, { steps: number; at: number }>();
  const measured = new Map<string, CellSteps>();
  const lineOf = new Map(cells.map((cell) => [cell.id, cell.line]));
  const watch = (message: ToRuntime | FromRuntime) => {
    if (message.type === 'pass') for (const run of message.runs) cellOfRun.set(run.runId, run.cellId);
    else if (message.type === 'run') cellOfRun.set(message.runId, message.cellId);
    else if (message.type === 'started') started.set(message.runId, { steps: gradients(), at: performance.now() });
    else if (message.type === 'done') {
      const start = started.get(message.runId);
      const cellId = cellOfRun.get(message.runId);
      if (!start || cellId === undefined) return;
      measured.set(cellId, { line: lineOf.get(cellId) ?? 0, steps: gradients() - start.steps, ms: performance.now() - start.at });
    }
  };
  const session = new Session(new InProcessExecutor(watch));
  try {
    session.setCells(cells.map((cell) => ({ id: cell.id, source: cell.source })));
    await session.runAll();
    const failed = cells.filter((cell) => session.view(cell.id)?.state === 'error');
    if (failed.length > 0) throw new Error(`${slug}: cells at lines ${failed.map((cell) => cell.line).join(', ')} failed`);
  } finally {
    session.dispose();
  }
  return [...measured.values()].filter((cell) => cell.steps >= TRAINING_CELL_MIN_STEPS).sort((a, b) => a.line - b.line);
}

const rate = (steps: number, ms: number) => (ms > 0 ? Math.round((steps / ms) * 1000) : 0);

export default async function trainingBench(): Promise<void> {
  const only = process.env.BENCH_NOTEBOOKS?.split(',').filter(Boolean);
  const slugs = only ? DEEP_LEARNING.filter((slug) => only.includes(slug)) : DEEP_LEARNING;
  const gradients = countGradients();
  console.log('Gradient steps of TensorFlow.js (CPU backend, Node) per training cell of each deep-learning notebook, per second of the cell (its other work included):');
  for (const slug of slugs) {
    const cells = await trainingCells(slug, gradients);
    if (cells.length === 0) {
      console.log(`  ${slug}: no TensorFlow.js training (its loops are plain TypeScript)`);
      continue;
    }
    const steps = cells.reduce((sum, cell) => sum + cell.steps, 0);
    const ms = cells.reduce((sum, cell) => sum + cell.ms, 0);
    console.log(`  ${slug}: ${steps} steps in ${Math.round(ms)} ms, ${rate(steps, ms)} steps/s`);
    for (const cell of cells) console.log(`    cell at line ${cell.line}: ${cell.steps} steps in ${Math.round(cell.ms)} ms, ${rate(cell.steps, cell.ms)} steps/s`);
  }
}
