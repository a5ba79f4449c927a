import { spamHam } from './spamHam.ts';
import { embeddingSentences } from './embeddingSentences.ts';
import { passages, queries } from './passages.ts';
import { charText } from './charText.ts';
import { subwordText } from './subwordText.ts';

/**
 * Small corpora written for the NLP notebooks: `spamHam` (labelled messages), `embeddingSentences`
 * (for skip-gram), `passages` + `queries` (retrieval), `charText` (a character-level model),
 * `subwordText` (subword tokenisation).
 */
export const corpora = { spamHam, embeddingSentences, passages, queries, charText, subwordText };
