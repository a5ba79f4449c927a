import { checkFitted, checkOneOf, fail } from '../core/validate.ts';
import { cloneModel, routeParams } from './clone.ts';
import type { AnyData, TransformerModel } from './model-types.ts';
import { asRows } from './subset.ts';

/** [name, transformer (or 'passthrough' / 'drop'), column indices]. */
export type ColumnSpec = [name: string, transformer: TransformerModel | 'passthrough' | 'drop', columns: number[]];

export interface ColumnTransformerParams {
  transformers: ColumnSpec[];
  /** Columns no transformer names: dropped (default) or appended unchanged. */
  remainder?: 'drop' | 'passthrough';
  /** Options of a transformer addressed 'name__option'. */
  [stepOption: `${string}__${string}`]: unknown;
}

/**
 * Applies each transformer to its own columns (e.g. scale the numbers, one-hot the categories) and
 * concatenates the results side by side, then the remainder columns if passed through.
 */
export class ColumnTransformer {
  readonly params: Readonly<ColumnTransformerParams>;
  readonly transformers: ColumnSpec[];
  /** Column indices no transformer uses (set by fit). */
  remainderColumns?: number[];
  nFeaturesIn?: number;

  constructor(params: ColumnTransformerParams) {
    const where = 'ColumnTransformer';
    if (!params || !Array.isArray(params.transformers) || params.transformers.length === 0) {
      fail(where, 'transformers must be a non-empty array of [name, transformer, columns]');
    }
    checkOneOf(params.remainder ?? 'drop', ['drop', 'passthrough'], where, 'remainder');
    const names = params.transformers.map((t) => t[0]);
    const { perStep } = routeParams(params as unknown as Record<string, unknown>, names, where);
    this.params = { remainder: 'drop', ...params };
    this.transformers = params.transformers.map(([name, t, columns]) => {
      if (!Array.isArray(columns) || columns.some((c) => !Number.isInteger(c) || c < 0)) {
        fail(where, `transformer '${name}' columns must be an array of column indices, got ${JSON.stringify(columns)}`);
      }
      return [name, typeof t === 'string' ? t : cloneModel(t, perStep.get(name) ?? {}), columns.slice()];
    });
  }

  /** Fits every transformer on its columns. */
  fit(X: AnyData, y?: AnyData): this {
    this.fitTransform(X, y);
    return this;
  }

  /** Fits every transformer on its columns and returns the concatenated outputs. */
  fitTransform(X: AnyData, y?: AnyData): number[][] {
    const where = 'ColumnTransformer.fit';
    const rows = asRows(X, where) as unknown[][];
    const width = rows[0].length;
    for (const [name, , columns] of this.transformers) {
      const bad = columns.find((c) => c >= width);
      if (bad !== undefined) fail(where, `transformer '${name}' uses column ${bad} but X has ${width} columns`);
    }
    const used = new Set(this.transformers.flatMap((t) => t[2]));
    this.remainderColumns = Array.from({ length: width }, (_, j) => j).filter((j) => !used.has(j));
    this.nFeaturesIn = width;
    return this.combine(rows, (t, sub) => (typeof t.fitTransform === 'function' ? t.fitTransform(sub, y) : (t.fit(sub, y), t.transform(sub))), where);
  }

  /** Each transformer's output on its columns, side by side, then the passthrough remainder. */
  transform(X: AnyData): number[][] {
    const where = 'ColumnTransformer.transform';
    checkFitted(this.remainderColumns, where);
    const rows = asRows(X, where) as unknown[][];
    if (rows[0].length !== this.nFeaturesIn) fail(where, `X has ${rows[0].length} columns but the transformer was fitted on ${this.nFeaturesIn}`);
    return this.combine(rows, (t, sub) => t.transform(sub), where);
  }

  private combine(rows: unknown[][], apply: (t: TransformerModel, sub: unknown[][]) => number[][], where: string): number[][] {
    // Plain loops: this runs for every fit and transform inside cross-validation and searches.
    const select = (columns: number[]) => rows.map((row) => {
      const picked = new Array<unknown>(columns.length);
      for (let c = 0; c < columns.length; c++) picked[c] = row[columns[c]];
      return picked;
    });
    const numeric = (columns: number[], name: string) => rows.map((row, i) => {
      const picked: number[] = [];
      for (const j of columns) {
        const v = row[j];
        if (typeof v !== 'number') fail(where, `X[${i}][${j}] is ${JSON.stringify(v)}; ${name} columns pass through unchanged and must be numbers (encode them first)`);
        picked.push(v);
      }
      return picked;
    });
    const blocks: number[][][] = [];
    for (const [name, t, columns] of this.transformers) {
      if (t === 'drop') continue;
      blocks.push(t === 'passthrough' ? numeric(columns, `'${name}'`) : apply(t, select(columns)));
    }
    if (this.params.remainder === 'passthrough') blocks.push(numeric(this.remainderColumns!, 'remainder'));
    return rows.map((_, i) => {
      const out: number[] = [];
      for (const block of blocks) {
        const part = block[i];
        for (let c = 0; c < part.length; c++) out.push(part[c]);
      }
      return out;
    });
  }
}
