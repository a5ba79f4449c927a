import { execFileSync } from 'node:child_process';

/** Timing of one benchmark: median and spread over repeats, in milliseconds. */
export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

/** Runs `fn` `warmup` times unmeasured, then `repeat` times measured. */
export async function measure(fn: () => unknown | Promise<unknown>, repeat = 7, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

export function summarize(times: number[]): Timing {
  const sorted = times.slice().sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    maxMs: sorted[sorted.length - 1],
    runs: sorted.length,
  };
}

/**
 * Runs a Python snippet with scikit-learn single-threaded and returns what it prints as JSON.
 * The snippet must print one JSON object. Returns null (and says why) when scikit-learn is
 * missing, so benchmarks still report our own figures.
 */
export function runPython(code: string): Record<string, unknown> | null {
  try {
    const out = execFileSync('/usr/bin/python3', ['-c', code], {
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch (error) {
    console.warn(`  (scikit-learn reference skipped: ${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

export function fmt(t: Timing): string {
  return `${t.medianMs.toFixed(2)} ms median (min ${t.minMs.toFixed(2)}, max ${t.maxMs.toFixed(2)}, n=${t.runs})`;
}

/** A row of the report: our time, the reference time and their ratio (ours / reference). */
export function report(name: string, ours: Timing, referenceMs?: number | null, target?: string): void {
  const ratio = referenceMs ? ` | sklearn ${referenceMs.toFixed(2)} ms | ratio ${(ours.medianMs / referenceMs).toFixed(2)}×` : '';
  console.log(`${name}: ${fmt(ours)}${ratio}${target ? ` | target ${target}` : ''}`);
}
