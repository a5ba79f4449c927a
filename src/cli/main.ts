import { readFile } from 'node:fs/promises';
import { prestartRuntime } from '../kernel/node/node-executor.ts';
import { SandboxUnavailableError } from '../kernel/node/sandbox-command.ts';
import { parseArgs, UsageError, USAGE } from './args.ts';
import { formatReport } from './format-report.ts';
import { checkSettings } from './check-settings.ts';

/** Where the command writes its report and its messages (process.stdout and stderr, or a test's buffer). */
export interface Writer {
  write(text: string): unknown;
}

/** `stepwise run …`: returns the exit status (0 all cells ok, 1 a cell failed, 2 usage, file, or a --set naming no control). */
export async function main(argv: string[], out: Writer = process.stdout, err: Writer = process.stderr): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err.write(`stepwise: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }

  const { timeoutMs, memoryMb, allowNetwork, controls } = args;
  // The runtime's process starts while the modules that read and analyse the notebook load.
  prestartRuntime({ memoryMb, allowNetwork });
  const [{ NotebookFormatError }, { runNotebook }] = await Promise.all([import('../notebook/index.ts'), import('../kernel/node/run-notebook.ts')]);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(args.file);
  } catch (error) {
    err.write(`stepwise: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }

  try {
    const report = await runNotebook(bytes, args.file, { timeoutMs, memoryMb, allowNetwork, controls, typeCheck: true });
    out.write(args.json ? `${JSON.stringify(report)}\n` : `${formatReport(args.file, report)}\n`);
    const settings = checkSettings(controls, report);
    for (const message of settings.messages) err.write(`stepwise: ${message}\n`);
    if (settings.unknownName) return 2;
    return report.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof NotebookFormatError || error instanceof SandboxUnavailableError)) throw error;
    err.write(`stepwise: ${error.message}\n`);
    return 2;
  }
}
