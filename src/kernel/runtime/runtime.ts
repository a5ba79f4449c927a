import type { FromRuntime, RunRequest, ToRuntime } from '../protocol.ts';
import type { CellError } from '../types.ts';
import { rng } from '../../ml/core/random.ts';
import { toOutput } from './to-output.ts';
import { isTensorLike } from './inspect.ts';
import { RunContext } from './run-context.ts';
import { activeRun, setActiveRun } from './active-run.ts';
import { cellArguments, compileCell, describeError, type CompiledCell } from './execute.ts';

/**
 * The runtime inside the sandbox: keeps the values cells declared, runs one cell per request
 * and reports what it showed. Transport-agnostic: the browser worker and the sandboxed Node process
 * each wire `handle` and `post` to their own message port.
 */
export interface RuntimeOptions {
  /** What `import … from '<name>'` in a cell gives. */
  modules: Record<string, unknown>;
  /** Live TensorFlow.js tensor count, reported after each run. */
  liveTensors?: () => number;
}

export function createRuntime(post: (message: FromRuntime) => void, { modules, liveTensors }: RuntimeOptions) {
  const env = new Map<string, unknown>();
  const compiled = new Map<string, { body: string; inputs: string; cell: CompiledCell }>();
  const runs = new Map<number, RunContext>();

  const runtimeApi = {
    module(name: string): unknown {
      if (!(name in modules)) throw new Error(`Cannot import '${name}'`);
      return modules[name];
    },
  };

  function compile(request: RunRequest): CompiledCell | { error: CellError } {
    const key = request.inputs.join(',') + '|' + request.outputs.join(',');
    const cached = compiled.get(request.cellId);
    if (cached && cached.body === request.body && cached.inputs === key) return cached.cell;
    const result = compileCell(request.cellId, request.body, request.inputs, request.outputs);
    if ('fn' in result) compiled.set(request.cellId, { body: request.body, inputs: key, cell: result });
    return result;
  }

  async function run(request: RunRequest): Promise<void> {
    const started = performance.now();
    const context = new RunContext(request.runId, request.controls, post, activeRun);
    runs.set(request.runId, context);
    const finish = (message: FromRuntime) => {
      if (message.type === 'done' && liveTensors) message.tensors = liveTensors();
      context.finished = true;
      runs.delete(request.runId);
      if (activeRun() === context) setActiveRun(undefined);
      post(message);
    };

    const cell = compile(request);
    if ('error' in cell) {
      finish({ type: 'done', runId: request.runId, ok: false, durationMs: 0, error: cell.error });
      return;
    }
    for (const name of request.outputs) {
      disposeTensors(env.get(name));
      env.delete(name);
    }
    // Every run starts from the same seed, so random data is the same on every run and machine.
    const random = rng(request.seed);
    Math.random = random.next;
    setActiveRun(context);
    try {
      const { values, last } = await cell.fn(...cellArguments(cell, context, { ...runtimeApi, named: context.named }, env));
      for (const name of request.outputs) env.set(name, values[name]);
      const shown = toOutput(last);
      // A control's value is already shown as the control; a display handle is not a value to show.
      if (shown && !isHelperResult(last)) context.emit(shown);
      finish({ type: 'done', runId: request.runId, ok: true, durationMs: performance.now() - started });
    } catch (error) {
      finish({ type: 'done', runId: request.runId, ok: false, durationMs: performance.now() - started, error: describeError(error, request.cellId) });
    }
  }

  function handle(message: ToRuntime): void {
    switch (message.type) {
      case 'run':
        void run(message);
        break;
      case 'cancel': {
        const context = runs.get(message.runId);
        if (context) context.cancelled = true;
        break;
      }
      case 'forget':
        for (const name of message.names) env.delete(name);
        break;
    }
  }

  /** Console calls made outside a cell's own `console` (library code, timers) go to the active run. */
  function logToActive(level: 'log' | 'info' | 'warn' | 'error' | 'debug', args: unknown[]): boolean {
    const active = activeRun();
    if (!active) return false;
    active.log(level, args);
    return true;
  }

  return { handle, logToActive };
}

/**
 * Frees the tensors a cell declared last time before it runs again; without this, every re-run
 * of `const t = tf.tensor(…)` would leak the previous tensor (TensorFlow.js does not collect
 * tensors). Looks into arrays and plain objects one level deep.
 */
function disposeTensors(value: unknown): void {
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
  for (const item of items) if (isTensorLike(item) && !item.isDisposed) (item as unknown as { dispose(): void }).dispose();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function isHelperResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'update' in value && typeof (value as { update: unknown }).update === 'function';
}
