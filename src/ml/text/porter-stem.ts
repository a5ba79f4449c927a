import { fail } from '../core/validate.ts';
/**
 * The Porter stemmer, as published in M. F. Porter, "An algorithm for suffix stripping",
 * Program 14(3), 1980: five steps of suffix rules guarded by the word's *measure*.
 * Matches nltk's PorterStemmer(mode=ORIGINAL_ALGORITHM) (checked in tests/ml/text-preprocessing.test.ts).
 */

/** One rule: if the word ends with `suffix` and the remaining stem passes `when`, swap in `replacement`. */
type Rule = readonly [suffix: string, replacement: string, when?: (stem: string) => boolean];

/**
 * A consonant is a letter other than a, e, i, o, u, and other than a y preceded by a consonant
 * (so in "toy" t and y are consonants; in "syzygy" s, z and g are).
 */
function isConsonant(word: string, i: number): boolean {
  const ch = word[i];
  if (ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u') return false;
  if (ch === 'y') return i === 0 || !isConsonant(word, i - 1);
  return true;
}

/** m in the form [C](VC)^m[V]: the number of vowel→consonant transitions. tree: 0, trouble: 1, private: 2. */
function measure(stem: string): number {
  let m = 0;
  for (let i = 1; i < stem.length; i++) {
    if (!isConsonant(stem, i - 1) && isConsonant(stem, i)) m++;
  }
  return m;
}

const m0 = (stem: string) => measure(stem) > 0;
const m1 = (stem: string) => measure(stem) > 1;

/** *v*: the stem contains a vowel. */
function containsVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true;
  return false;
}

/** *d: the word ends with a double consonant (-tt, -ss). */
function endsDoubleConsonant(word: string): boolean {
  const n = word.length;
  return n >= 2 && word[n - 1] === word[n - 2] && isConsonant(word, n - 1);
}

/** *o: the word ends consonant–vowel–consonant, the last not w, x or y (-wil, -hop). */
function endsCVC(word: string): boolean {
  const n = word.length;
  return n >= 3 && isConsonant(word, n - 3) && !isConsonant(word, n - 2) && isConsonant(word, n - 1)
    && !'wxy'.includes(word[n - 1]);
}

/** Applies the first rule whose suffix matches; if its condition fails, no later rule is tried. */
function applyFirst(word: string, rules: readonly Rule[]): string {
  for (const [suffix, replacement, when] of rules) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, word.length - suffix.length);
    return when === undefined || when(stem) ? stem + replacement : word;
  }
  return word;
}

const STEP_1A: readonly Rule[] = [['sses', 'ss'], ['ies', 'i'], ['ss', 'ss'], ['s', '']];

// Step 1b: (m>0) EED → EE; (*v*) ED → ; (*v*) ING → , then tidy the stem that is left.
function step1b(word: string): string {
  if (word.endsWith('eed')) {
    const stem = word.slice(0, -3);
    return measure(stem) > 0 ? stem + 'ee' : word;
  }
  let stem: string | null = null;
  for (const suffix of ['ed', 'ing']) {
    if (word.endsWith(suffix) && containsVowel(word.slice(0, -suffix.length))) {
      stem = word.slice(0, -suffix.length);
      break;
    }
  }
  if (stem === null) return word;
  // conflat(ed) → conflate, troubl(ed) → trouble, siz(ed) → size: the e returns so step 4 can see -ate, -ble, -ize.
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  // hopp(ing) → hop, but fall(ing) → fall, hiss(ing) → hiss, fizz(ed) → fizz.
  if (endsDoubleConsonant(stem)) return 'lsz'.includes(stem[stem.length - 1]) ? stem : stem.slice(0, -1);
  // fil(ing) → file.
  if (measure(stem) === 1 && endsCVC(stem)) return stem + 'e';
  return stem;
}

// Step 1c: (*v*) Y → I: happy → happi, sky → sky.
const STEP_1C: readonly Rule[] = [['y', 'i', containsVowel]];

const STEP_2: readonly Rule[] = [
  ['ational', 'ate', m0], ['tional', 'tion', m0], ['enci', 'ence', m0], ['anci', 'ance', m0],
  ['izer', 'ize', m0], ['abli', 'able', m0], ['alli', 'al', m0], ['entli', 'ent', m0],
  ['eli', 'e', m0], ['ousli', 'ous', m0], ['ization', 'ize', m0], ['ation', 'ate', m0],
  ['ator', 'ate', m0], ['alism', 'al', m0], ['iveness', 'ive', m0], ['fulness', 'ful', m0],
  ['ousness', 'ous', m0], ['aliti', 'al', m0], ['iviti', 'ive', m0], ['biliti', 'ble', m0],
];

const STEP_3: readonly Rule[] = [
  ['icate', 'ic', m0], ['ative', '', m0], ['alize', 'al', m0], ['iciti', 'ic', m0],
  ['ical', 'ic', m0], ['ful', '', m0], ['ness', '', m0],
];

const STEP_4: readonly Rule[] = [
  ['al', '', m1], ['ance', '', m1], ['ence', '', m1], ['er', '', m1], ['ic', '', m1],
  ['able', '', m1], ['ible', '', m1], ['ant', '', m1], ['ement', '', m1], ['ment', '', m1],
  ['ent', '', m1], ['ion', '', (stem) => m1(stem) && /[st]$/.test(stem)], ['ou', '', m1],
  ['ism', '', m1], ['ate', '', m1], ['iti', '', m1], ['ous', '', m1], ['ive', '', m1], ['ize', '', m1],
];

// Step 5a: (m>1) E → ; (m=1 and not *o) E → : probate → probat, rate → rate, cease → ceas.
function step5a(word: string): string {
  if (!word.endsWith('e')) return word;
  const stem = word.slice(0, -1);
  const m = measure(stem);
  return m > 1 || (m === 1 && !endsCVC(stem)) ? stem : word;
}

// Step 5b: (m>1 and *d and *L) → single letter: controll → control, roll → roll.
function step5b(word: string): string {
  return word.endsWith('ll') && measure(word.slice(0, -1)) > 1 ? word.slice(0, -1) : word;
}

/**
 * The Porter (1980) stem of one word, lower-cased first: `porterStem('generalizations')` → 'gener',
 * `porterStem('running')` → 'run'. Stems are not always words (happy → 'happi').
 */
export function porterStem(word: string): string {
  if (typeof word !== 'string') fail('porterStem', `expected a string, got ${typeof word}`);
  let w = word.toLowerCase();
  w = applyFirst(w, STEP_1A);
  w = step1b(w);
  w = applyFirst(w, STEP_1C);
  w = applyFirst(w, STEP_2);
  w = applyFirst(w, STEP_3);
  w = applyFirst(w, STEP_4);
  w = step5a(w);
  return step5b(w);
}
