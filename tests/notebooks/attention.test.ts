import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../../src/kernel/node/run-notebook.ts';
import type { Figure, Trace } from '../../src/plot/figure.ts';
import { notebookRunner } from './report-queries.ts';

const source = readFileSync(join(import.meta.dirname, '../../notebooks/attention.md'));
const run = notebookRunner('attention', { timeoutMs: 30_000 });

function allFigures(report: RunReport): Figure[] {
  return report.cells.flatMap((c) => c.outputs.flatMap((o) => (o.kind === 'figure' ? [o.figure] : [])));
}

function titleOf(figure: Figure): string {
  const title = figure.layout.title;
  return typeof title === 'string' ? title : (title as { text?: string } | undefined)?.text ?? '';
}

function figureTitled(report: RunReport, prefix: string): Figure {
  const found = allFigures(report).find((f) => titleOf(f).startsWith(prefix));
  if (!found) throw new Error(`no figure titled "${prefix}…"; titles: ${allFigures(report).map(titleOf).join(' | ')}`);
  return found;
}

function markdownWith(report: RunReport, text: string): string {
  const found = report.cells.flatMap((c) => c.outputs).find((o) => o.kind === 'markdown' && o.markdown.includes(text));
  if (!found || found.kind !== 'markdown') throw new Error(`no Markdown output containing "${text}"`);
  return found.markdown;
}

/** The bold number right after `label` in a Markdown output, e.g. "in the output **2.2e-16**". */
function boldNumberAfter(markdown: string, label: string): number {
  const match = new RegExp(`${label}\\s*\\*\\*([-0-9.e+]+)\\*\\*`).exec(markdown);
  if (!match) throw new Error(`no bold number after "${label}" in: ${markdown}`);
  return Number(match[1]);
}

function tableWith(report: RunReport, column: string): { columns: string[]; rows: (string | number | boolean | null)[][] } {
  const found = report.cells.flatMap((c) => c.outputs).find((o) => o.kind === 'table' && o.columns.includes(column));
  if (!found || found.kind !== 'table') throw new Error(`no table with column "${column}"`);
  return found;
}

const z = (trace: Trace) => trace.z as number[][];
const traceNamed = (figure: Figure, name: string, xaxis = 'x') => {
  const trace = figure.data.find((t) => t.name === name && (t.xaxis ?? 'x') === xaxis);
  if (!trace) throw new Error(`no trace "${name}" on ${xaxis}`);
  return trace;
};
const argmax = (row: number[]) => row.indexOf(Math.max(...row));
/** The weights panel (right) of the scores-and-weights figure. */
const weightsOf = (report: RunReport) => figureTitled(report, 'Scores and weights').data.find((t) => t.xaxis === 'x2')!;
const scoresOf = (report: RunReport) => figureTitled(report, 'Scores and weights').data.find((t) => (t.xaxis ?? 'x') === 'x')!;

describe('notebooks/attention.md', () => {
  let byDefault: RunReport;
  let sharpCausal: RunReport;
  let repeatedWords: RunReport;
  let hot: RunReport;

  beforeAll(async () => {
    byDefault = await run();
    sharpCausal = await run({ temperature: 2.5, scaleScores: false, causal: true, dk: 20, numHeads: 8, dkIndex: 10, queryStep: 13, toyQuery: [3.2, 0.8] });
    repeatedWords = await run({ sentence: 'to be or not to be', addPositions: false, numHeads: 2 });
    hot = await run({ temperature: 3, toyTemperature: 4, queryStep: 30 });
  }, 120_000);

  it('runs every cell without errors under each set of controls', () => {
    for (const report of [byDefault, sharpCausal, repeatedWords, hot]) {
      expect(report.cells.filter((c) => c.status !== 'ok').map((c) => c.error?.message)).toEqual([]);
    }
  });

  it('the folded checks at the end compare every hand-written piece with the library, also with temperature, no scaling and the causal mask', () => {
    for (const [report, heads] of [[byDefault, 4], [sharpCausal, 8], [repeatedWords, 2], [hot, 4]] as const) {
      const table = tableWith(report, 'difference');
      const library = table.rows.map((r) => r[table.columns.indexOf('library')]);
      const hand = table.rows.map((r) => String(r[table.columns.indexOf('hand-written')]));
      for (const name of ['scaledDotProductAttention', 'scaledDotProductAttention + causalMask', 'multiHeadAttention', 'positionalEncoding', '‖softmaxJacobian‖']) {
        expect(library).toContain(name);
      }
      expect(hand.some((h) => h.startsWith(`multiHead, ${heads} heads`))).toBe(true);
      for (const row of table.rows) expect(row[table.columns.indexOf('difference')]).toBeLessThan(1e-12);
      expect(table.columns).toEqual(['hand-written', 'library', 'compared', 'difference']);
    }
    // The softmax check follows the first figure's temperature.
    expect(tableWith(hot, 'difference').rows.map((r) => r[1])).toContain('softmax(s, T = 4)');
  });

  it('draws one weight map per head, one colour bar', () => {
    for (const [report, heads] of [[byDefault, 4], [sharpCausal, 8], [repeatedWords, 2]] as const) {
      const maps = figureTitled(report, 'Attention weights of each head');
      expect(maps.data.filter((t) => t.type === 'heatmap')).toHaveLength(heads);
      expect(maps.data.filter((t) => t.showscale !== false)).toHaveLength(1);
    }
  });

  it('the first figure: dragging the query twice as far sharpens the weights as the prose predicts; a high temperature flattens them; the output stays inside the keys', () => {
    const keysOf = (report: RunReport) => traceNamed(figureTitled(report, 'q = ('), 'keys (size ∝ weight)');
    const weightsIn = (report: RunReport) => (keysOf(report).text as string[]).map((t) => Number(t.split(' ')[1]));
    const base = markdownWith(byDefault, 'Your query has length');
    expect(boldNumberAfter(base, 'length \\$\\|q\\|\\$ =')).toBeCloseTo(Math.hypot(1.6, 0.4), 2);
    // the prose's "at twice the length" is what dragging q to 2q then shows
    const twice = boldNumberAfter(base, 'at twice the length');
    const doubled = markdownWith(sharpCausal, 'Your query has length');
    expect(boldNumberAfter(doubled, 'It puts weight')).toBeCloseTo(twice, 2);
    expect(Math.max(...weightsIn(sharpCausal))).toBeGreaterThan(Math.max(...weightsIn(byDefault)) + 0.05);
    expect(boldNumberAfter(base, 'half the length the largest weight would be')).toBeLessThan(boldNumberAfter(base, 'It puts weight'));
    // temperature 4 flattens: the entropy nears ln 5
    expect(boldNumberAfter(markdownWith(hot, 'Your query has length'), 'entropy is')).toBeGreaterThan(boldNumberAfter(base, 'entropy is') + 0.4);
    expect(Math.max(...weightsIn(hot))).toBeLessThan(0.3);
    for (const report of [byDefault, sharpCausal, hot]) {
      const weights = weightsIn(report);
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
      // ★ = Σ wⱼ kⱼ, inside the keys' bounding box
      const keys = keysOf(report);
      const star = traceNamed(figureTitled(report, 'q = ('), 'output o');
      const kx = keys.x as number[];
      const ky = keys.y as number[];
      expect((star.x as number[])[0]).toBeCloseTo(weights.reduce((sum, w, j) => sum + w * kx[j], 0), 1);
      expect((star.y as number[])[0]).toBeGreaterThanOrEqual(Math.min(...ky));
      expect((star.y as number[])[0]).toBeLessThanOrEqual(Math.max(...ky));
    }
    expect(figureTitled(byDefault, 'q = (').inputs?.map((input) => input.name)).toEqual(['toyQuery']);
  });

  it('the query stepper walks one query through dot products, scores, softmax and weighted sum, filling the weight matrix row by row', () => {
    const tokens = 'the cat sat on the mat because it was tired'.split(' ');
    const step = (report: RunReport) => figureTitled(report, 'One query at a time');
    expect(titleOf(step(byDefault))).toContain('"the", stage 1 of 4');
    // hot: step 30 = query 8 ("it"), stage 3, the softmax row
    const hotStep = step(hot);
    expect(titleOf(hotStep)).toContain('"it", stage 3 of 4');
    const bars = hotStep.data.find((t) => t.type === 'bar')!.y as number[];
    expect(bars).toEqual(z(weightsOf(hot))[7]);
    const filled = z(hotStep.data.find((t) => t.type === 'heatmap')!);
    filled.forEach((row, r) => expect(row.every((w) => w === null)).toBe(r > 7));
    expect(markdownWith(hot, 'The softmax gives')).toContain(`"${tokens[argmax(bars)]}" the largest weight`);
    // sharpCausal: step 13 = query 4 ("on"), stage 2: the scaled scores, later keys grey, no row yet
    const causalStep = step(sharpCausal);
    expect(titleOf(causalStep)).toContain('"on", stage 2 of 4');
    const colours = (causalStep.data.find((t) => t.type === 'bar')!.marker as { color: string[] }).color;
    expect(colours.filter((c) => c === '#9e9e9e')).toHaveLength(tokens.length - 4);
    expect(z(causalStep.data.find((t) => t.type === 'heatmap')!)[3].every((w) => w === null)).toBe(true);
    expect(markdownWith(sharpCausal, 'they span')).toContain('the mask hides 6 later keys');
  });

  it('the weight heat map has one row per token, each summing to 1, with tokens on the axes', () => {
    const figure = figureTitled(byDefault, 'Scores and weights');
    expect((figure.layout.xaxis2 as { ticktext: string[] }).ticktext).toEqual('the cat sat on the mat because it was tired'.split(' '));
    expect((figure.layout.xaxis2 as { title: { text: string } }).title.text).toBe('key (looked at)');
    for (const row of z(weightsOf(byDefault))) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // the scores are the weights before the softmax: row by row, softmax(scores) = weights
    const scores = z(scoresOf(byDefault));
    const weights = z(weightsOf(byDefault));
    scores.forEach((row, i) => {
      const exps = row.map((s) => Math.exp(s - Math.max(...row)));
      const total = exps.reduce((a, b) => a + b, 0);
      exps.forEach((e, j) => expect(e / total).toBeCloseTo(weights[i][j], 12));
    });
    const text = markdownWith(byDefault, 'Every row of weights sums to 1');
    expect(text).toContain('from 1.000000000000 to\n1.000000000000');
    const meanLargest = weights.reduce((sum, row) => sum + Math.max(...row), 0) / weights.length;
    expect(boldNumberAfter(text, 'the largest weight of a row is')).toBeCloseTo(meanLargest, 2);
  });

  it('the causal mask zeroes every weight above the diagonal', () => {
    const weights = z(weightsOf(sharpCausal));
    weights.forEach((row, i) => row.forEach((w, j) => {
      if (j > i) expect(w).toBe(0);
    }));
    expect(weights[0][0]).toBe(1);
    // Without the mask the upper triangle carries weight.
    const open = z(weightsOf(byDefault));
    expect(open.flatMap((row, i) => row.slice(i + 1)).reduce((a, b) => a + b, 0)).toBeGreaterThan(1);
  });

  it('a higher temperature flattens the weights', () => {
    const meanMax = (report: RunReport) => {
      const rows = z(weightsOf(report));
      return rows.reduce((sum, row) => sum + Math.max(...row), 0) / rows.length;
    };
    expect(meanMax(hot)).toBeLessThan(meanMax(byDefault) - 0.1);
    expect(titleOf(figureTitled(hot, 'Scores and weights'))).toContain('T = 3');
  });

  it('a different sentence redraws the heat maps with its tokens; without positions repeated words attend identically', () => {
    const figure = figureTitled(repeatedWords, 'Scores and weights');
    expect((figure.layout.xaxis2 as { ticktext: string[] }).ticktext).toEqual(['to', 'be', 'or', 'not', 'to', 'be']);
    const rows = z(weightsOf(repeatedWords));
    // Same word, same vector, no position: rows 0 and 4 ("to") are the same distribution.
    rows[0].forEach((w, j) => expect(w).toBeCloseTo(rows[4][j], 12));
    // With positions (the default), the two "the" of the default sentence (tokens 0 and 4) differ.
    const positioned = z(weightsOf(byDefault));
    expect(Math.max(...positioned[0].map((w, j) => Math.abs(w - positioned[4][j])))).toBeGreaterThan(1e-3);
  });

  it('softmax saturates as dₖ grows without the √dₖ scaling, and stays put with it', () => {
    const chart = figureTitled(byDefault, 'Softmax saturation');
    const last = (trace: Trace) => (trace.y as number[]).at(-1)!;
    const first = (trace: Trace) => (trace.y as number[])[0];
    expect(traceNamed(chart, 'unscaled: q·k').x).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]);
    // largest weight
    expect(last(traceNamed(chart, 'unscaled: q·k'))).toBeGreaterThan(0.9);
    expect(Math.abs(last(traceNamed(chart, 'scaled: q·k/√dₖ')) - first(traceNamed(chart, 'scaled: q·k/√dₖ')))).toBeLessThan(0.2);
    // entropy: near 0 unscaled, well above 1 nat scaled (uniform over 10 keys is ln 10 ≈ 2.3)
    expect(last(traceNamed(chart, 'unscaled: q·k', 'x2'))).toBeLessThan(0.3);
    expect(last(traceNamed(chart, 'scaled: q·k/√dₖ', 'x2'))).toBeGreaterThan(1.5);
    // gradient size of the softmax
    expect(last(traceNamed(chart, 'unscaled: q·k', 'x3'))).toBeLessThan(last(traceNamed(chart, 'scaled: q·k/√dₖ', 'x3')) / 3);
    const table = tableWith(byDefault, 'std of q·k');
    const at1024 = table.rows.find((r) => r[0] === 1024)!;
    expect(at1024[table.columns.indexOf('std of q·k')]).toBeGreaterThan(28);
    expect(at1024[table.columns.indexOf('std of q·k')]).toBeLessThan(36);
    expect(at1024[table.columns.indexOf('std of q·k/√dₖ')]).toBeGreaterThan(0.85);
    expect(at1024[table.columns.indexOf('std of q·k/√dₖ')]).toBeLessThan(1.15);
  });

  it('the dₖ stepper shows one query collapsing onto one key without scaling, on a fixed 0–1 axis', () => {
    const start = figureTitled(byDefault, 'One query against 10 random keys');
    const end = figureTitled(sharpCausal, 'One query against 10 random keys');
    expect(titleOf(start)).toContain('dₖ = 1');
    expect(titleOf(end)).toContain('dₖ = 1024');
    expect(Math.max(...(traceNamed(end, 'unscaled: q·k').y as number[]))).toBeGreaterThan(0.9);
    expect((start.layout.yaxis as { range: number[] }).range).toEqual([0, 1]);
    expect((end.layout.yaxis as { range: number[] }).range).toEqual([0, 1]);
  });

  it('word order changes the outputs only when positions are added', () => {
    const table = tableWith(byDefault, 'change with positions');
    expect(table.rows.map((r) => r[0])).toEqual(['dog', 'bites', 'man']);
    for (const row of table.rows) {
      expect(row[table.columns.indexOf('change without positions')]).toBeLessThan(1e-12);
      expect(row[table.columns.indexOf('change with positions')]).toBeGreaterThan(1e-3);
    }
  });

  it('the head built from positions attends to the previous token', () => {
    const rows = z(figureTitled(byDefault, 'A previous-token head').data[0]);
    expect(rows.map(argmax)).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (const row of rows.slice(1)) expect(Math.max(...row)).toBeGreaterThan(0.9);
  });

  it('with the causal mask, replacing the last word changes only the last output', () => {
    const chart = figureTitled(byDefault, 'Change in each output');
    const causalChange = traceNamed(chart, 'causal (GPT)').y as number[];
    const bidirectional = traceNamed(chart, 'bidirectional (BERT)').y as number[];
    expect(causalChange.slice(0, -1).every((d) => d < 1e-12)).toBe(true);
    expect(causalChange.at(-1)).toBeGreaterThan(1e-3);
    expect(bidirectional.every((d) => d > 1e-6)).toBe(true);
  });

  it('the sentence example uses a hand-built head with meaning: the pronoun attends to its animate noun, and the random head makes no claim', async () => {
    const heading = markdownWith(byDefault, 'Query **it** puts its largest weight');
    expect(heading).toContain('on\n**cat**');
    expect(boldNumberAfter(heading, 'largest weight,')).toBeGreaterThan(0.8);
    const weights = z(figureTitled(byDefault, 'A hand-built head: pronoun → animate noun').data[0]);
    const tokens = 'the cat sat on the mat because it was tired'.split(' ');
    expect(tokens[argmax(weights[tokens.indexOf('it')])]).toBe('cat');
    // Rows without a query are uniform.
    for (const w of weights[0]) expect(w).toBeCloseTo(1 / tokens.length, 12);
    expect(markdownWith(byDefault, 'Every row of weights sums to 1')).not.toContain('puts its largest weight');
    const animal = await run({ sentence: 'the animal did not cross the street because it was too wide' });
    expect(markdownWith(animal, 'Query **it** puts its largest weight')).toContain('on\n**animal**');
    expect(markdownWith(repeatedWords, 'no pronoun')).toContain('every row of this head is uniform');
  }, 60_000);

  it('the saturation numbers quoted are the computed ones: scaled, the largest weight stays near 0.3 from dₖ = 4 on, lower at dₖ = 1; unscaled it nears 1', () => {
    const text = markdownWith(byDefault, 'Without scaling, at $d_k = 1024$');
    expect(boldNumberAfter(text, 'the largest weight is')).toBeGreaterThan(0.9);
    const [low, high] = /the largest weight stays within ([\d.]+) to ([\d.]+)/.exec(text)!.slice(1).map(Number);
    const scaled = traceNamed(figureTitled(byDefault, 'Softmax saturation'), 'scaled: q·k/√dₖ').y as number[];
    expect(low).toBeCloseTo(Math.min(...scaled.slice(2)), 2);
    expect(high).toBeCloseTo(Math.max(...scaled.slice(2)), 2);
    expect(high - low).toBeLessThan(0.1);
    expect(boldNumberAfter(text, 'rows are softer \\(largest weight')).toBeLessThan(low);
    expect(text).not.toContain('stay where they were');
  });

  it('the temperature slider reaches √dₖ for every dₖ on offer (up to √64 = 8)', () => {
    const temperature = byDefault.cells.flatMap((c) => c.outputs).find((o) => o.kind === 'control' && o.name === 'temperature');
    const dk = byDefault.cells.flatMap((c) => c.outputs).find((o) => o.kind === 'control' && o.name === 'dk');
    if (temperature?.kind !== 'control' || dk?.kind !== 'control') throw new Error('no temperature or dk control');
    const max = (o: typeof temperature) => (o.control as { max: number }).max;
    expect(max(temperature)).toBeGreaterThanOrEqual(Math.sqrt(max(dk)));
  });

  it('Check yourself Q7 answers every part of the BERT-vs-GPT question: masked tokens and their share, next-sentence prediction, encoder–decoder models', () => {
    const q7 = source.toString().split('7. How does BERT')[1];
    for (const part of ['masked language modelling', '15 %', 'next-sentence prediction', 'Encoder–decoder', 'T5', 'causal mask', 'next token']) {
      expect(q7).toContain(part);
    }
  });
});
