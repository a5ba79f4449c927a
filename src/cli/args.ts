import type { ControlValue } from '../kernel/types.ts';
import { DEFAULT_MEMORY_MB } from '../kernel/node/sandbox-command.ts';

export const USAGE = `Usage: stepwise run <notebook.md> [--json] [--timeout <ms>] [--memory <MB>] [--set name=value ...]

Runs every code cell of a notebook headless and prints each cell's outputs. The cells get what
they get in the browser and no more: no files, environment, processes or network.
  --json            print one JSON object instead of text
  --timeout <ms>    stop a cell that runs longer than this (default 30000)
  --memory <MB>     the notebook's heap limit (default 2048); past it the kernel stops
  --set name=value  give the control called \`name\` this value before running (repeatable);
                    a figure input takes JSON: --set theta0=[1,-2], --set starts=[[0,0],[2,1]];
                    a value the control cannot take is named on stderr with the one it ran with
  --allow-network   run where the network cannot be cut off (no Linux user namespaces)
Exit status: 0 when every cell ran, 1 when a cell failed, 2 for bad usage (a --set naming no control too), an unreadable or
malformed file, or no sandbox.`;

export interface RunArgs {
  file: string;
  json: boolean;
  timeoutMs: number;
  memoryMb: number;
  allowNetwork: boolean;
  controls: Record<string, ControlValue>;
}

export class UsageError extends Error {}

/** Parses `run <file> [--json] [--timeout ms] [--set k=v]…`; throws UsageError with the reason. */
export function parseArgs(argv: string[]): RunArgs {
  const [command, ...rest] = argv;
  if (command !== 'run') throw new UsageError(command ? `unknown command '${command}'` : 'missing command');
  const args: RunArgs = { file: '', json: false, timeoutMs: 30_000, memoryMb: DEFAULT_MEMORY_MB, allowNetwork: false, controls: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--allow-network') args.allowNetwork = true;
    else if (arg === '--timeout') args.timeoutMs = positive(arg, rest[++i], 'milliseconds');
    else if (arg === '--memory') args.memoryMb = positive(arg, rest[++i], 'megabytes');
    else if (arg === '--set') {
      const pair = rest[++i] ?? '';
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`--set needs name=value, got '${pair}'`);
      args.controls[pair.slice(0, eq)] = parseValue(pair.slice(eq + 1), pair.slice(0, eq));
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'`);
    else if (args.file) throw new UsageError(`only one notebook at a time (got '${args.file}' and '${arg}')`);
    else args.file = arg;
  }
  if (!args.file) throw new UsageError('missing the notebook file to run');
  return args;
}

function positive(option: string, text: string | undefined, unit: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${option} needs a positive number of ${unit}, got '${text ?? ''}'`);
  return value;
}

/**
 * `5` → 5, `true` → true, `[1,-2]` → [1, -2] (JSON: a point or a list of points), `"10"` → the
 * string 10 (JSON: a select's option that looks like a number), anything else stays a string.
 */
function parseValue(text: string, name: string): ControlValue {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch (error) {
      throw new UsageError(`--set ${name}: ${text} is not a JSON string (${(error as Error).message})`);
    }
  }
  if (text.trim().startsWith('[')) {
    try {
      return JSON.parse(text) as ControlValue;
    } catch (error) {
      throw new UsageError(`--set ${name}: '${text}' is not a JSON list (${(error as Error).message}); write a point as [1,-2] and points as [[0,0],[1,2]]`);
    }
  }
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}
