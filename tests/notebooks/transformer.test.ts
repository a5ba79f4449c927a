import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMarkdown, control, figureTitled, numberAfter, notebookRunner, outputs, traceNamed } from './report-queries.ts';

// Training in a cell takes over the default 30 s cell limit on a loaded machine (the browser has no limit).
const run = notebookRunner('transformer', { timeoutMs: 120_000 });

/** numpy's forward pass of the notebook's block for two control settings (fixtures/make_transformer.py). */
interface Case {
  controls: Record<'phrase' | 'maskKind' | 'normPlacement', string>;
  X: number[][];
  output: number[][];
  attentionWeights: number[][][];
  zebraMoves: number[];
  stackSpread: Record<'post' | 'pre', number[]>;
}
const numpy = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/transformer.json'), 'utf8')) as { cases: Case[] };
const [bertCase, gptCase] = numpy.cases;

function expectClose(actual: unknown, expected: number[][], tolerance: number, what: string): void {
  const rows = actual as number[][];
  expect(rows.length, what).toBe(expected.length);
  const gap = Math.max(...rows.flatMap((row, i) => row.map((v, j) => Math.abs(v - expected[i][j]))));
  expect(gap, what).toBeLessThan(tolerance);
}

describe('notebooks/transformer.md', () => {
  it('default run (BERT mask, post-norm) at the first norm stage: attention, norm, zebra bars, stack and objectives match numpy', async () => {
    const report = await run({ stage: 3 });
    for (const [name, value] of Object.entries(bertCase.controls)) expect(control(report, name).value, name).toBe(value);

    // The norm stage: every token's row has mean 0 and standard deviation 1.
    const normStage = figureTitled(report, 'Stage 4 of 8: norm: x₁ = LayerNorm(x + A(x))');
    for (const row of normStage.data[0].z as number[][]) {
      expect(row.reduce((a, b) => a + b, 0) / row.length).toBeCloseTo(0, 10);
    }
    expect(allMarkdown(report)).toContain('standard deviations from **1.00** to **1.00**');

    const heads = figureTitled(report, 'Attention weights, bidirectional (BERT)');
    heads.data.forEach((trace, h) => expectClose(trace.z, bertCase.attentionWeights[h], 1e-5, `head ${h + 1}`));
    expect(Math.min(...(heads.data[0].z as number[][]).flatMap((r, i) => r.filter((_, j) => j > i)))).toBeGreaterThan(0);

    const bars = figureTitled(report, 'How far each output moves when "mat" becomes "zebra"');
    expectClose([bars.data[0].y as number[]], [bertCase.zebraMoves], 1e-5, 'zebra bars');
    expect(numberAfter(report, 'Largest change among the first 5 tokens:')).toBeCloseTo(Math.max(...bertCase.zebraMoves.slice(0, -1)), 1);
    expect(numberAfter(report, "the last token's:")).toBeCloseTo(bertCase.zebraMoves[5], 2);

    // The stack of 12 blocks (the slider's default).
    const stack = figureTitled(report, 'Size of the residual stream');
    expectClose([traceNamed(stack, 'post-norm').y as number[]], [bertCase.stackSpread.post.slice(0, 12)], 1e-5, 'post-norm stack');
    expectClose([traceNamed(stack, 'pre-norm').y as number[]], [bertCase.stackSpread.pre.slice(0, 12)], 1e-5, 'pre-norm stack');
    expect(numberAfter(report, 'pre-norm **')).toBeCloseTo(bertCase.stackSpread.pre[11], 2);

    // The hand-written block is the library's, stage for stage.
    expect(numberAfter(report, 'largest |difference|')).toBeLessThan(1e-12);
    expect(numberAfter(report, 'the next-token objective scores')).toBe(22);
    expect(numberAfter(report, 'the masked-token\nobjective')).toBe(3);
    expect(allMarkdown(report)).toContain('Not trained yet');
  }, 120_000);

  it('GPT mask, pre-norm, last stage, with both models trained 10 steps: output matches numpy, the past does not see the future, curves and samples appear', async () => {
    const report = await run({ ...gptCase.controls, stage: 7, trainModels: true, trainingSteps: 10 });
    expectClose(figureTitled(report, 'Stage 8 of 8: add: y = x₁ + FFN(…)').data[0].z, gptCase.output, 1e-5, 'block output');

    const heads = figureTitled(report, 'Attention weights, causal (GPT)');
    heads.data.forEach((trace, h) => expectClose(trace.z, gptCase.attentionWeights[h], 1e-5, `head ${h + 1}`));
    const bars = figureTitled(report, 'How far each output moves when "park" becomes "zebra", causal (GPT)');
    expect((bars.data[0].y as number[]).slice(0, -1)).toEqual([0, 0, 0, 0, 0]);
    expect(numberAfter(report, "the last token's:")).toBeCloseTo(gptCase.zebraMoves[5], 2);

    const loss = figureTitled(report, 'Training loss');
    const gptLoss = traceNamed(loss, 'next-token (GPT)').y as number[];
    const bertLoss = traceNamed(loss, 'masked-token (BERT)').y as number[];
    expect(gptLoss).toHaveLength(10);
    expect(bertLoss).toHaveLength(10);
    expect(numberAfter(report, 'the untrained models start at')).toBeCloseTo(gptLoss[0], 2);
    expect(numberAfter(report, '(next-token) and')).toBeCloseTo(bertLoss[0], 2);
    expect(gptLoss[0]).toBeGreaterThan(numberAfter(report, '$\\ln V =$')); // random weights: worse than uniform
    const lastTen = (xs: number[]) => xs.slice(-10).reduce((a, b) => a + b, 0) / 10;
    expect(numberAfter(report, 'the next-token loss is')).toBeCloseTo(lastTen(gptLoss), 2);
    expect(gptLoss[9]).toBeLessThan(gptLoss[0] - 0.3);
    expect(numberAfter(report, 'the masked-token model on')).toBe(10 * 16 * 4);

    expect(allMarkdown(report)).toMatch(/Sample at \$T = 0\.8\$[^>]*> the /);
    const gapTable = outputs(report).find((o) => o.kind === 'table');
    expect(gapTable && gapTable.kind === 'table' ? gapTable.rows.length : 0).toBe(2);
    expect(numberAfter(report, "between the masked-token model's two answers:")).toBeGreaterThan(0);
  }, 120_000);
});
