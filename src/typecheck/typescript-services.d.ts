/**
 * The part of the TypeScript 5 compiler API the cell type checker uses. The compiler is the one
 * Monaco bundles for its editor worker (the project's own `typescript` is the native 7.x, which
 * has no JavaScript API), so the warnings under a cell and the squiggles in its editor agree.
 */
declare module 'monaco-editor/languages/features/typescript/lib/typescriptServices.js' {
  export interface ScriptSnapshot {
    getText(start: number, end: number): string;
    getLength(): number;
    getChangeRange(oldSnapshot: ScriptSnapshot): undefined;
  }

  export interface LanguageServiceHost {
    getCompilationSettings(): Record<string, unknown>;
    getScriptFileNames(): string[];
    getScriptVersion(fileName: string): string;
    getScriptSnapshot(fileName: string): ScriptSnapshot | undefined;
    getCurrentDirectory(): string;
    getDefaultLibFileName(options: Record<string, unknown>): string;
    fileExists(path: string): boolean;
    readFile(path: string): string | undefined;
  }

  export interface DiagnosticMessageChain {
    messageText: string;
    code: number;
    next?: DiagnosticMessageChain[];
  }

  export interface Diagnostic {
    code: number;
    start?: number;
    length?: number;
    messageText: string | DiagnosticMessageChain;
  }

  export interface LanguageService {
    getSemanticDiagnostics(fileName: string): Diagnostic[];
    dispose(): void;
  }

  export interface DocumentRegistry {
    readonly __documentRegistryBrand?: never;
  }

  export interface TypeScriptApi {
    version: string;
    createLanguageService(host: LanguageServiceHost, registry?: DocumentRegistry): LanguageService;
    createDocumentRegistry(): DocumentRegistry;
    flattenDiagnosticMessageText(messageText: string | DiagnosticMessageChain, newLine: string): string;
  }

  export const typescript: TypeScriptApi;
}

declare module 'monaco-editor/languages/features/typescript/lib/lib.js' {
  /** Every `lib.*.d.ts` of TypeScript 5, by file name. */
  export const libFileMap: Record<string, string>;
}
