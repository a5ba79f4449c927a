import { checkFitted } from '../core/validate.ts';
import { CountVectorizer, type CountVectorizerParams } from './count-vectorizer.ts';
import { TfidfTransformer, checkTfidfParams, type TfidfTransformerParams } from './tfidf-transformer.ts';

export type TfidfVectorizerParams = CountVectorizerParams & TfidfTransformerParams;

const TFIDF_DEFAULTS = new TfidfTransformer().params;

/**
 * CountVectorizer followed by TfidfTransformer, as scikit-learn's TfidfVectorizer: documents in,
 * TF-IDF rows out (l2-normalised by default, so a row·row dot product is a cosine similarity).
 */
export class TfidfVectorizer extends CountVectorizer {
  declare readonly params: Readonly<TfidfVectorizerParams>;
  /** Inverse document frequency of each column, after fit (when useIdf). */
  idf?: number[];
  private weigher?: TfidfTransformer;
  protected override readonly estimatorName: string = 'TfidfVectorizer';

  constructor(params: Partial<TfidfVectorizerParams> = {}) {
    super({ ...TFIDF_DEFAULTS, ...params });
  }

  /** Learns the vocabulary and idf, and returns the TF-IDF matrix of `docs`. */
  override fitTransform(docs: readonly string[]): number[][] {
    checkTfidfParams(this.params, `${this.estimatorName}.fit`);
    const counts = super.fitTransform(docs);
    this.weigher = new TfidfTransformer(this.params).fit(counts);
    this.idf = this.weigher.idf;
    return this.weigher.transform(counts);
  }

  /** The TF-IDF matrix of new documents, with the fitted vocabulary and idf. */
  override transform(docs: readonly string[]): number[][] {
    const weigher = checkFitted(this.weigher, `${this.estimatorName}.transform`);
    return weigher.transform(super.transform(docs));
  }
}
