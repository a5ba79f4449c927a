import * as tf from '@tensorflow/tfjs';
import { rng, type Random } from '../core/random.ts';
import { checkFitted, fail } from '../core/validate.ts';
import { maskRandomTokens } from './masked-tokens.ts';
import { createOptimizer } from './optimizers.ts';
import { positionalEncoding } from './positional-encoding.ts';
import { sampleFrom, softmaxWithTemperature, topKFilter, topPFilter } from './sampling.ts';
import { denseOverTokens, layerNormTensor, seededWeight, variableOf } from './tensor-ops.ts';
import { TransformerBlock } from './transformer-block.ts';

export interface CharTransformerParams {
  /** Context length: how many previous characters the model sees. */
  blockSize: number;
  dModel: number;
  numHeads: number;
  numLayers: number;
  /** Feed-forward width (default 4·dModel). */
  ffDim: number | null;
  /** Optimisation steps (one random mini-batch of windows each). */
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Rescale gradients whose global norm exceeds this. */
  clipNorm: number;
  seed: number;
  /**
   * 'next-token' (GPT): causal attention, every position predicts the character after it.
   * 'masked-token' (BERT): bidirectional attention, a fraction maskRate of each window is hidden
   * behind charMaskSymbol and only those positions are predicted.
   */
  objective: CharObjective;
  /** Fraction of each window hidden by the masked-token objective. */
  maskRate: number;
}

export type CharObjective = 'next-token' | 'masked-token';

/** The character a masked-token CharTransformer reads in place of a hidden one (added to its vocabulary). */
export const charMaskSymbol = '▒';

const DEFAULTS: CharTransformerParams = {
  blockSize: 32, dModel: 32, numHeads: 4, numLayers: 2, ffDim: null, steps: 500, batchSize: 16, learningRate: 3e-3, clipNorm: 1, seed: 0,
  objective: 'next-token', maskRate: 0.15,
};

export interface CharTrainStep {
  step: number;
  /** Cross-entropy (nats per predicted character) on this step's batch. */
  loss: number;
}

export interface GenerateOptions {
  /** Characters to add after the prompt. */
  length?: number;
  temperature?: number;
  /** Sample only among the k most likely next characters. */
  topK?: number;
  /** Sample only among the most likely characters covering probability p. */
  topP?: number;
  seed?: number;
}

/**
 * A tiny GPT-style (or, with objective 'masked-token', BERT-style) character model: embeddings + sinusoidal positions → causal TransformerBlocks →
 * layer norm → logits over the characters. Trained on random windows of a text to predict
 * every next character; `generate` then writes text one sampled character at a time.
 * Call `dispose()` when done to free its weights.
 */
export class CharTransformer {
  readonly params: Readonly<CharTransformerParams>;
  /** The characters the model knows, in index order. */
  vocabulary?: string[];
  private index?: Map<string, number>;
  private blocks: TransformerBlock[] = [];
  private embedding?: tf.Variable;
  private head?: { W: tf.Variable; b: tf.Variable; gamma: tf.Variable; beta: tf.Variable };
  private positions?: tf.Tensor2D;

  constructor(params: Partial<CharTransformerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Trains on `text` for params.steps steps. */
  async fit(text: string): Promise<this> {
    for await (const _ of this.trainSteps(text));
    return this;
  }

  /** The training loop, one yield per optimisation step; `fit` runs it to the end. */
  async *trainSteps(text: string): AsyncGenerator<CharTrainStep, void, undefined> {
    const where = 'CharTransformer.fit';
    const p = this.params;
    for (const name of ['blockSize', 'dModel', 'numHeads', 'numLayers', 'steps', 'batchSize'] as const) {
      if (!Number.isInteger(p[name]) || p[name] < 1) fail(where, `${name} must be a whole number ≥ 1, got ${p[name]}`);
    }
    if (p.dModel % p.numHeads !== 0) fail(where, `numHeads (${p.numHeads}) must divide dModel (${p.dModel})`);
    if (!(p.learningRate > 0) || !(p.clipNorm > 0)) fail(where, 'learningRate and clipNorm must be > 0');
    if (p.objective !== 'next-token' && p.objective !== 'masked-token') fail(where, `objective must be 'next-token' or 'masked-token', got ${String(p.objective)}`);
    if (!(p.maskRate > 0 && p.maskRate <= 1)) fail(where, `maskRate must be in (0, 1], got ${p.maskRate}`);
    if (p.objective === 'masked-token' && text.includes(charMaskSymbol)) fail(where, `the text must not contain the mask symbol ${charMaskSymbol}`);
    if (typeof text !== 'string' || text.length <= p.blockSize) {
      fail(where, `the text must be longer than blockSize (${p.blockSize}) characters, got ${typeof text === 'string' ? text.length : typeof text}`);
    }
    this.dispose();
    const random = rng(p.seed);
    this.build(text, random);
    const ids = Array.from(text, (ch) => this.index!.get(ch)!);
    const variables = this.variables();
    const optimizer = createOptimizer('adamw', { weightDecay: 0.01 });
    try {
      for (let step = 1; step <= p.steps; step++) {
        const { inputs, targets, scored } = this.batch(ids, random);
        const loss = tf.tidy(() => {
          const x = tf.tensor2d(inputs, undefined, 'int32');
          const yOneHot = tf.oneHot(tf.tensor2d(targets, undefined, 'int32'), this.vocabulary!.length);
          const weight = tf.tensor2d(scored);
          const { value, grads } = tf.variableGrads(() => {
            // cross-entropy = −mean over the scored positions of log softmax(logits)[target]
            const logProbs = tf.logSoftmax(this.logits(x)).mul(yOneHot).sum(-1);
            return logProbs.mul(weight).sum().div(weight.sum()).neg() as tf.Scalar;
          }, variables);
          const gradList = variables.map((v) => grads[v.name]);
          const norm = Math.sqrt(tf.addN(gradList.map((g) => g.square().sum())).dataSync()[0]);
          const scale = norm > p.clipNorm ? p.clipNorm / norm : 1;
          optimizer.step(variables, gradList.map((g) => g.mul(scale)), p.learningRate);
          return value.dataSync()[0];
        });
        await tf.nextFrame();
        yield { step, loss };
      }
    } finally {
      optimizer.dispose();
    }
  }

  /** Probabilities of each vocabulary character coming next after `context` (its last blockSize characters). */
  nextCharProbabilities(context: string, temperature = 1): number[] {
    this.requireObjective('next-token', 'CharTransformer.nextCharProbabilities');
    const ids = this.encode(context, 'CharTransformer.nextCharProbabilities').slice(-this.params.blockSize);
    const logits = tf.tidy(() => {
      const all = this.logits(tf.tensor2d([ids], undefined, 'int32'));
      return all.slice([0, ids.length - 1, 0], [1, 1, -1]).reshape([-1]).arraySync() as number[];
    });
    return softmaxWithTemperature(logits, temperature);
  }

  /**
   * A masked-token model's probabilities for the character hidden at `position` of `context`
   * (at most blockSize characters, in which charMaskSymbol marks the hidden ones): it reads both sides.
   */
  maskedCharProbabilities(context: string, position: number, temperature = 1): number[] {
    const where = 'CharTransformer.maskedCharProbabilities';
    this.requireObjective('masked-token', where);
    const ids = this.encode(context, where);
    if (ids.length > this.params.blockSize) fail(where, `the context has ${ids.length} characters, more than blockSize (${this.params.blockSize})`);
    if (!Number.isInteger(position) || position < 0 || position >= ids.length) fail(where, `position must be a whole number from 0 to ${ids.length - 1}, got ${position}`);
    const logits = tf.tidy(() => {
      const all = this.logits(tf.tensor2d([ids], undefined, 'int32'));
      return all.slice([0, position, 0], [1, 1, -1]).reshape([-1]).arraySync() as number[];
    });
    return softmaxWithTemperature(logits, temperature);
  }

  /**
   * What each head attends to while reading `context` (its last blockSize characters):
   * weights[layer][head][i][j] = how much character i looks at character j (0 for j > i with the
   * next-token objective).
   */
  attentionWeights(context: string): number[][][][] {
    const ids = this.encode(context, 'CharTransformer.attentionWeights').slice(-this.params.blockSize);
    return tf.tidy(() => {
      let x = this.embed(tf.tensor2d([ids], undefined, 'int32'));
      const perLayer: number[][][][] = [];
      for (const block of this.blocks) {
        const { output, weights } = block.forward(x, { causal: this.causal });
        perLayer.push(weights.arraySync()[0]);
        x = output;
      }
      return perLayer;
    });
  }

  /** `prompt` followed by `length` sampled characters (seeded, so the same options give the same text). */
  generate(prompt: string, options: GenerateOptions = {}): string {
    const { length = 100, temperature = 1, topK, topP, seed = 0 } = options;
    this.requireObjective('next-token', 'CharTransformer.generate');
    if (!Number.isInteger(length) || length < 0) fail('CharTransformer.generate', `length must be a whole number ≥ 0, got ${length}`);
    const random: Random = rng(seed);
    let text = prompt;
    for (let i = 0; i < length; i++) {
      let probs = this.nextCharProbabilities(text, temperature);
      if (topK !== undefined) probs = topKFilter(probs, topK);
      if (topP !== undefined) probs = topPFilter(probs, topP);
      text += this.vocabulary![sampleFrom(probs, random)];
    }
    return text;
  }

  /** Frees every tensor the model holds (it must be fitted again before use). */
  dispose(): void {
    for (const b of this.blocks) b.dispose();
    this.blocks = [];
    this.embedding?.dispose();
    this.positions?.dispose();
    if (this.head) Object.values(this.head).forEach((v) => v.dispose());
    this.embedding = this.positions = this.head = undefined;
  }

  private build(text: string, random: Random): void {
    const p = this.params;
    this.vocabulary = [...new Set(text)].sort();
    if (p.objective === 'masked-token') this.vocabulary.push(charMaskSymbol);
    this.index = new Map(this.vocabulary.map((ch, i) => [ch, i]));
    const V = this.vocabulary.length;
    // Embeddings ~ N(0, 1), like positions, whose rows have entries in [−1, 1]: neither drowns the other.
    this.embedding = seededWeight(random, V, p.dModel, 1);
    this.positions = tf.tensor2d(positionalEncoding(p.blockSize, p.dModel));
    this.blocks = Array.from({ length: p.numLayers }, () =>
      new TransformerBlock({ dModel: p.dModel, numHeads: p.numHeads, ffDim: p.ffDim ?? 4 * p.dModel }, random));
    this.head = {
      W: seededWeight(random, p.dModel, V), b: variableOf(() => tf.zeros([V])),
      gamma: variableOf(() => tf.ones([p.dModel])), beta: variableOf(() => tf.zeros([p.dModel])),
    };
  }

  private variables(): tf.Variable[] {
    return [this.embedding!, ...this.blocks.flatMap((b) => b.variables), ...Object.values(this.head!)];
  }

  /** Token embedding + position encoding, [batch, time, dModel], for token ids [batch, time]. */
  private embed(ids: tf.Tensor2D): tf.Tensor3D {
    const [batch, time] = ids.shape;
    return tf.gather(this.embedding!, ids.reshape([-1])).reshape([batch, time, this.params.dModel])
      .add(this.positions!.slice([0, 0], [time, -1])) as tf.Tensor3D;
  }

  /** Logits [batch, time, V] for token ids [batch, time]. */
  private logits(ids: tf.Tensor2D): tf.Tensor3D {
    let x = this.embed(ids);
    for (const block of this.blocks) x = block.apply(x, { causal: this.causal });
    const h = this.head!;
    return denseOverTokens(layerNormTensor(x, h.gamma as tf.Tensor1D, h.beta as tf.Tensor1D), h.W as tf.Tensor2D, h.b as tf.Tensor1D);
  }

  /** Next-token models must not see the future; masked-token models read the whole window. */
  private get causal(): boolean {
    return this.params.objective === 'next-token';
  }

  private requireObjective(objective: CharObjective, where: string): void {
    if (this.params.objective !== objective) {
      fail(where, `this model was trained with the ${this.params.objective} objective; this method needs a ${objective} model`);
    }
  }

  /**
   * A batch of random windows ids[s … s+T−1]. Next-token: the targets are the window shifted by one,
   * ids[s+1 … s+T], all scored. Masked-token: some inputs are hidden, the targets are the window
   * itself, and only the hidden positions are scored.
   */
  private batch(ids: number[], random: Random): { inputs: number[][]; targets: number[][]; scored: number[][] } {
    const p = this.params;
    const T = p.blockSize;
    const starts = Array.from({ length: p.batchSize }, () => random.int(ids.length - T));
    if (p.objective === 'next-token') {
      return {
        inputs: starts.map((s) => ids.slice(s, s + T)),
        targets: starts.map((s) => ids.slice(s + 1, s + T + 1)),
        scored: starts.map(() => new Array<number>(T).fill(1)),
      };
    }
    const maskId = this.index!.get(charMaskSymbol)!;
    const windows = starts.map((s) => ids.slice(s, s + T));
    const masked = windows.map((w) => maskRandomTokens(w, { maskId, random, rate: p.maskRate }));
    return {
      inputs: masked.map((m) => m.inputs),
      targets: windows,
      scored: masked.map((m) => Array.from({ length: T }, (_, t) => (m.positions.includes(t) ? 1 : 0))),
    };
  }

  private encode(text: string, where: string): number[] {
    const index = checkFitted(this.index, where);
    if (typeof text !== 'string' || text.length === 0) fail(where, 'the context must be a non-empty string (the model needs at least one character to continue)');
    return Array.from(text, (ch, i) => index.get(ch) ?? fail(where, `character ${JSON.stringify(ch)} at position ${i} never appeared in the training text`));
  }
}
