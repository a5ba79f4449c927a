import type { Program, ImportDeclaration, CallExpression, Identifier } from 'acorn';
import { IMPORTABLE_MODULES, INPUT_HELPERS, LAST_VALUE, RUNTIME_PARAM, type CellError } from '../kernel/cell-contract.ts';

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** An edit that made a line longer: from 1-based `column` of `line` on, code moved right by `delta`. */
export interface ColumnShift {
  line: number;
  column: number;
  delta: number;
}

/**
 * Turns a cell's JavaScript into the body of an async function that returns its declarations
 * and the value of its last expression. Every edit stays on the lines it replaces, so runtime
 * line numbers still point into the learner's cell:
 * - `import * as tf from '@tensorflow/tfjs'` → `const tf = __sw.module("@tensorflow/tfjs")`
 * - `const k = slider(…)` → `const k = __sw.named("k", slider)(…)` (the control is named `k`)
 * - a last expression statement `expr` → `;__sw_last = (expr)`
 * - `return { values: { a, b }, last: __sw_last }` appended after the last line.
 */
export function rewriteCell(code: string, program: Program, declared: string[], free: Set<string>): { body: string; shifts: ColumnShift[] } | { error: CellError } {
  const edits: Edit[] = [];
  const body = program.body;

  for (const statement of body) {
    if (statement.type === 'ImportDeclaration') {
      const result = rewriteImport(code, statement);
      if ('error' in result) return result;
      edits.push(result.edit);
    } else if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' || statement.type === 'ExportAllDeclaration') {
      return {
        error: {
          kind: 'syntax',
          message: 'SyntaxError: cells do not export; every top-level declaration is already visible to the other cells',
          line: statement.loc?.start.line,
          column: (statement.loc?.start.column ?? 0) + 1,
        },
      };
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (declarator.id.type === 'Identifier' && init?.type === 'CallExpression' && isInputHelperCall(init, free)) {
          const callee = init.callee as Identifier;
          edits.push({ start: callee.start, end: callee.end, text: `${RUNTIME_PARAM}.named(${JSON.stringify(declarator.id.name)}, ${callee.name})` });
        }
      }
    }
  }

  const last = body[body.length - 1];
  if (last?.type === 'ExpressionStatement' && !('directive' in last && last.directive)) {
    // The statement's own range, not its expression's: acorn's expression node leaves out
    // enclosing parentheses, so `({ a: 1 })` would become `(;__sw_last = ({ a: 1 }))`.
    const end = code[last.end - 1] === ';' ? last.end - 1 : last.end;
    edits.push({ start: last.start, end: last.start, text: `;${LAST_VALUE} = (` });
    edits.push({ start: end, end, text: ')' });
  }

  const rewritten = applyEdits(code, edits);
  const values = declared.map((name) => `${JSON.stringify(name)}: ${name}`).join(', ');
  return { body: `${rewritten}\nreturn { values: { ${values} }, last: ${LAST_VALUE} };`, shifts: columnShifts(code, edits) };
}

function isInputHelperCall(call: CallExpression, free: Set<string>): boolean {
  const callee = call.callee;
  // Only the runtime's helper counts: a cell-local function called `slider` is left alone.
  return callee.type === 'Identifier' && (INPUT_HELPERS as readonly string[]).includes(callee.name) && free.has(callee.name);
}

function rewriteImport(code: string, statement: ImportDeclaration): { edit: Edit } | { error: CellError } {
  const source = String(statement.source.value);
  const where = { line: statement.loc?.start.line, column: (statement.loc?.start.column ?? 0) + 1 };
  if (!(IMPORTABLE_MODULES as readonly string[]).includes(source)) {
    return {
      error: {
        kind: 'syntax',
        message: `Cannot import '${source}': cells can import only ${IMPORTABLE_MODULES.map((m) => `'${m}'`).join(', ')} (and those are already available as globals)`,
        ...where,
      },
    };
  }
  const moduleRef = `${RUNTIME_PARAM}.module(${JSON.stringify(source)})`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const spec of statement.specifiers) {
    if (spec.type === 'ImportNamespaceSpecifier') parts.push(`const ${spec.local.name} = ${moduleRef};`);
    else if (spec.type === 'ImportDefaultSpecifier') parts.push(`const ${spec.local.name} = ${moduleRef}.default;`);
    else {
      const imported = spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
      named.push(imported === spec.local.name ? imported : `${JSON.stringify(imported)}: ${spec.local.name}`);
    }
  }
  if (named.length > 0) parts.push(`const { ${named.join(', ')} } = ${moduleRef};`);
  // Keep the statement's line count so later lines do not move.
  const original = code.slice(statement.start, statement.end);
  const newlines = '\n'.repeat((original.match(/\n/g) ?? []).length);
  return { edit: { start: statement.start, end: statement.end, text: parts.join(' ') + newlines } };
}

/** Shifts made by single-line edits (a rewritten import keeps its lines; its columns do not matter). */
function columnShifts(code: string, edits: Edit[]): ColumnShift[] {
  const shifts: ColumnShift[] = [];
  for (const edit of edits) {
    if (code.slice(edit.start, edit.end).includes('\n') || edit.text.includes('\n')) continue;
    const before = code.slice(0, edit.start);
    const line = before.split('\n').length;
    const column = edit.start - before.lastIndexOf('\n');
    shifts.push({ line, column, delta: edit.text.length - (edit.end - edit.start) });
  }
  return shifts.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Maps a line and column in the rewritten body back to the cell's source. */
export function toSourceColumn(shifts: readonly ColumnShift[], line: number, column: number): number {
  let offset = 0;
  for (const shift of shifts) {
    if (shift.line !== line) continue;
    const start = shift.column + offset;
    if (column < start) break;
    if (column < start + shift.delta) return shift.column; // inside inserted runtime code
    offset += shift.delta;
  }
  return column - offset;
}

function applyEdits(code: string, edits: Edit[]): string {
  const sorted = edits.slice().sort((a, b) => b.start - a.start || b.end - a.end);
  let out = code;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

