import { spamHam } from './spam-ham.ts';
import { embeddingSentences } from './embedding-sentences.ts';
import { analogySentences } from './analogy-sentences.ts';
import { passages, queries } from './passages.ts';
import { bikeHandbook, bikeQuestions } from './bike-handbook.ts';
import { charHeldOut, charText } from './char-text.ts';
import { subwordText } from './subword-text.ts';

/**
 * Small corpora written for the NLP notebooks: `spamHam` (labelled messages), `embeddingSentences`
 * and `analogySentences` (for skip-gram), `passages` + `queries` (short passages to rank), `bikeHandbook` + `bikeQuestions` (documents to chunk and
 * search, with labelled answers), `charText` (a character-level model)
 * with `charHeldOut` (text it does not contain, to score such a model on), `subwordText` (subword tokenisation).
 */
export const corpora = { spamHam, embeddingSentences, analogySentences, passages, queries, bikeHandbook, bikeQuestions, charText, charHeldOut, subwordText };
