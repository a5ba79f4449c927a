/**
 * Type-checks a notebook's cells the way the editor does: every cell is a script in one
 * TypeScript program with the cell declarations (prelude, packages) and the worker's libs, so a
 * name one cell declares is known in the others. Only semantic errors are reported; syntax
 * errors already stop the cell in the kernel.
 */
import type { LanguageServiceHost, TypeScriptApi } from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';
import type { CellSource } from '../kernel/types.ts';
import { CELL_COMPILER_OPTIONS, IGNORED_DIAGNOSTICS } from './cell-compiler-options.ts';

/** A type error in a cell. Line and column are 1-based, in the cell's own source. */
export interface TypeWarning {
  message: string;
  line: number;
  column: number;
  /** TypeScript's error code (TS2322 is 2322). */
  code: number;
}

/** The file a cell is in the program: the same URI as its editor model. */
export const cellFileName = (cellId: string) => `file:///cells/${cellId}.ts`;

export class CellTypeChecker {
  private readonly cells = new Map<string, { text: string; version: number }>();
  /** One counter for all cells: a cell deleted and added back never reuses an old version. */
  private versions = 0;
  private readonly service: ReturnType<TypeScriptApi['createLanguageService']>;
  private readonly flatten: TypeScriptApi['flattenDiagnosticMessageText'];

  /**
   * `files`: every declaration file by name (the cell declarations by URI, the lib files by
   * their bare names `lib.es2023.d.ts`). They never change for the life of the checker.
   */
  constructor(ts: TypeScriptApi, private readonly files: Record<string, string>) {
    const declarationNames = Object.keys(files).filter((name) => !name.startsWith('lib.'));
    const host: LanguageServiceHost = {
      getCompilationSettings: () => CELL_COMPILER_OPTIONS,
      getScriptFileNames: () => [...this.cells.keys(), ...declarationNames],
      getScriptVersion: (name) => String(this.cells.get(name)?.version ?? 0),
      getScriptSnapshot: (name) => {
        const text = this.text(name);
        return text === undefined ? undefined : { getText: (start, end) => text.slice(start, end), getLength: () => text.length, getChangeRange: () => undefined };
      },
      getCurrentDirectory: () => '',
      getDefaultLibFileName: () => 'lib.d.ts',
      fileExists: (name) => this.text(name) !== undefined,
      readFile: (name) => this.text(name),
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
    this.flatten = ts.flattenDiagnosticMessageText;
  }

  /** The type errors of every cell, by cell id (an empty list for a cell without any). */
  check(cells: CellSource[]): Record<string, TypeWarning[]> {
    const names = new Set(cells.map((cell) => cellFileName(cell.id)));
    for (const name of this.cells.keys()) if (!names.has(name)) this.cells.delete(name);
    for (const cell of cells) {
      const name = cellFileName(cell.id);
      const known = this.cells.get(name);
      if (known?.text !== cell.source) this.cells.set(name, { text: cell.source, version: ++this.versions });
    }
    const warnings: Record<string, TypeWarning[]> = {};
    for (const cell of cells) {
      warnings[cell.id] = this.service
        .getSemanticDiagnostics(cellFileName(cell.id))
        .filter((diagnostic) => !IGNORED_DIAGNOSTICS.includes(diagnostic.code))
        .map((diagnostic) => ({ message: this.flatten(diagnostic.messageText, '\n'), ...position(cell.source, diagnostic.start ?? 0), code: diagnostic.code }));
    }
    return warnings;
  }

  dispose(): void {
    this.service.dispose();
  }

  private text(name: string): string | undefined {
    return this.cells.get(name)?.text ?? this.files[name];
  }
}

/** 1-based line and column of an offset. */
function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
