import type { CellSource } from '../../src/kernel/types.ts';

/** A slider cell and `count` trivial cells that each depend on it (each shows one number). */
export function dependentCells(count: number): CellSource[] {
  return [
    { id: 'source', source: 'const x = slider(1, { min: 0, max: 1000 })' },
    ...Array.from({ length: count }, (_, i) => ({ id: `d${i}`, source: `const y${i} = x * ${i + 1}\ny${i}` })),
  ];
}

/** A 50-line cell of ordinary notebook code, for the analysis benchmark. */
export function fiftyLineCell(): string {
  const lines = [
    "import * as tf from '@tensorflow/tfjs'",
    'const k: number = slider(3, { min: 1, max: 10, label: "clusters" })',
    'const data = makeBlobs({ nSamples: 300, centers: k, seed: 42 })',
    'interface Step { centers: number[][]; labels: number[] }',
  ];
  for (let i = 0; lines.length < 48; i++) {
    lines.push(`function update${i}(points: number[][], labels: number[], c: number): number[] {`);
    lines.push(`  const members = points.filter((_, j) => labels[j] === c + ${i})`);
    lines.push('  return members[0].map((_, d) => members.reduce((s, p) => s + p[d], 0) / members.length)');
    lines.push('}');
  }
  lines.push('const history: Step[] = []');
  lines.push('history.length');
  return lines.join('\n');
}

export async function waitUntilSettled(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
}
