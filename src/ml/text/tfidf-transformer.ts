import { checkFitted, checkOneOf, fail, toRows } from '../core/validate.ts';

export interface TfidfTransformerParams {
  /** Scale each row to unit length ('l2': Euclidean, 'l1': sum of |values|) or leave it (null). */
  norm: 'l2' | 'l1' | null;
  /** Multiply counts by the inverse document frequency; false gives (normalised) term frequencies. */
  useIdf: boolean;
  /** Add one to every document frequency, as if one extra document held every term (no division by zero). */
  smoothIdf: boolean;
  /** Replace a count tf by 1 + ln(tf), damping very frequent terms. */
  sublinearTf: boolean;
}

const DEFAULTS: TfidfTransformerParams = { norm: 'l2', useIdf: true, smoothIdf: true, sublinearTf: false };

/**
 * Turns a count matrix into TF-IDF weights, as scikit-learn's TfidfTransformer:
 * idf(t) = ln((1 + n) / (1 + df(t))) + 1 (smoothIdf), weight = tf · idf, then each row normalised.
 */
export class TfidfTransformer {
  readonly params: Readonly<TfidfTransformerParams>;
  /** The inverse document frequency of each column, after fit (when useIdf). */
  idf?: number[];
  private nFeatures?: number;

  constructor(params: Partial<TfidfTransformerParams> = {}) {
    this.params = { ...DEFAULTS, ...params };
  }

  /** Learns the idf of each column of a document–term count matrix. */
  fit(counts: readonly (readonly number[])[]): this {
    const where = `TfidfTransformer.fit`;
    checkTfidfParams(this.params, where);
    const rows = toRows(counts, where, { name: 'counts' });
    const nFeatures = rows[0].length;
    this.nFeatures = nFeatures;
    this.idf = undefined;
    if (!this.params.useIdf) return this;
    const smooth = this.params.smoothIdf ? 1 : 0;
    const n = rows.length + smooth;
    this.idf = new Array<number>(nFeatures);
    for (let j = 0; j < nFeatures; j++) {
      let df = smooth;
      for (const row of rows) if (row[j] !== 0) df++;
      // idf(t) = ln(n / df(t)) + 1: the +1 keeps terms found in every document (idf would be 0).
      this.idf[j] = Math.log(n / df) + 1;
    }
    return this;
  }

  /** The TF-IDF matrix of `counts`, one row per document. */
  transform(counts: readonly (readonly number[])[]): number[][] {
    const where = `TfidfTransformer.transform`;
    const nFeatures = checkFitted(this.nFeatures, where);
    const rows = toRows(counts, where, { name: 'counts' });
    if (rows[0].length !== nFeatures) fail(where, `counts has ${rows[0].length} columns but fit saw ${nFeatures}`);
    const { sublinearTf, norm } = this.params;
    return rows.map((row) => {
      const out = row.map((tf, j) => {
        const w = sublinearTf && tf !== 0 ? 1 + Math.log(tf) : tf;
        return this.idf ? w * this.idf[j] : w;
      });
      return norm === null ? out : normalizeRow(out, norm);
    });
  }

  /** fit, then transform, on the same counts. */
  fitTransform(counts: readonly (readonly number[])[]): number[][] {
    return this.fit(counts).transform(counts);
  }
}

/** Checks the TF-IDF options (shared with TfidfVectorizer so both report the same messages). */
export function checkTfidfParams(p: TfidfTransformerParams, where: string): void {
  if (p.norm !== null) checkOneOf(p.norm, ['l2', 'l1'], where, 'norm');
  for (const name of ['useIdf', 'smoothIdf', 'sublinearTf'] as const) {
    if (typeof p[name] !== 'boolean') fail(where, `${name} must be true or false, got ${String(p[name])}`);
  }
}

/** The row divided by its l2 or l1 norm; an all-zero row stays zero. */
export function normalizeRow(row: readonly number[], norm: 'l2' | 'l1'): number[] {
  let s = 0;
  for (const v of row) s += norm === 'l2' ? v * v : Math.abs(v);
  const length = norm === 'l2' ? Math.sqrt(s) : s;
  return length === 0 ? row.slice() : row.map((v) => v / length);
}
