import { fail } from '../core/validate.ts';
/**
 * A small dictionary-and-rules lemmatiser for the preprocessing notebook: irregular forms are
 * looked up (went → go, mice → mouse, better → good), regular ones follow suffix rules
 * (ponies → pony, watches → watch, running → run, baked → bake). Unlike a stemmer, the result
 * is meant to be a dictionary word, and the part of speech matters: "better" is "good" as an
 * adjective and stays "better" as a noun.
 */

/** Part of speech: noun, verb or adjective (WordNet's n, v, a). */
export type PartOfSpeech = 'n' | 'v' | 'a';

function table(entries: Record<string, string>): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  // Values are space-separated inflected forms: { go: 'went gone goes' }.
  for (const [lemma, forms] of Object.entries(entries)) for (const f of forms.split(' ')) out.set(f, lemma);
  return out;
}

const IRREGULAR: Record<PartOfSpeech, ReadonlyMap<string, string>> = {
  n: table({
    mouse: 'mice', louse: 'lice', goose: 'geese', foot: 'feet', tooth: 'teeth', man: 'men',
    woman: 'women', child: 'children', person: 'people', ox: 'oxen', leaf: 'leaves',
    knife: 'knives', wife: 'wives', life: 'lives', wolf: 'wolves', half: 'halves', shelf: 'shelves',
    calf: 'calves', loaf: 'loaves', thief: 'thieves', criterion: 'criteria', phenomenon: 'phenomena',
    cactus: 'cacti', analysis: 'analyses', crisis: 'crises', thesis: 'theses', datum: 'data',
    sheep: 'sheep', fish: 'fish', deer: 'deer', series: 'series', species: 'species',
  }),
  v: table({
    be: 'is am are was were been being', have: 'has had having', do: 'does did done',
    go: 'goes went gone', eat: 'ate eaten', run: 'ran', see: 'saw seen', take: 'took taken',
    give: 'gave given', come: 'came', make: 'made', say: 'said', get: 'got gotten', know: 'knew known',
    think: 'thought', bring: 'brought', buy: 'bought', catch: 'caught', teach: 'taught', find: 'found',
    tell: 'told', feel: 'felt', leave: 'left', keep: 'kept', sleep: 'slept', begin: 'began begun',
    write: 'wrote written', speak: 'spoke spoken', drive: 'drove driven', fly: 'flew flown flies',
    swim: 'swam swum', sing: 'sang sung', drink: 'drank drunk', sit: 'sat', stand: 'stood',
    hold: 'held', win: 'won', lose: 'lost', pay: 'paid', meet: 'met', send: 'sent', build: 'built',
    fall: 'fell fallen', choose: 'chose chosen', break: 'broke broken', forget: 'forgot forgotten',
    grow: 'grew grown', throw: 'threw thrown', wear: 'wore worn', ride: 'rode ridden', fight: 'fought',
    sell: 'sold', hear: 'heard', understand: 'understood', lie: 'lay lain lying', die: 'dying',
    lead: 'led', hide: 'hid hidden', bite: 'bit bitten', become: 'became', seek: 'sought', spend: 'spent',
  }),
  a: table({
    good: 'better best', bad: 'worse worst', far: 'farther farthest further furthest',
    little: 'less least', many: 'more most', old: 'elder eldest',
  }),
};

const VOWELS = 'aeiou';
const isVowel = (ch: string | undefined) => ch !== undefined && VOWELS.includes(ch);

/** Words that keep a final -s as a noun (bus, glass, analysis, status). */
function keepsFinalS(word: string): boolean {
  return word.length <= 3 || /(ss|us|is)$/.test(word);
}

function nounLemma(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y'; // ponies → pony
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2); // watches → watch, boxes → box
  if (word.endsWith('s') && !keepsFinalS(word)) return word.slice(0, -1); // cats → cat
  return word;
}

/**
 * The verb stem left after -ed or -ing, repaired: a doubled final consonant is undoubled
 * (stopp → stop, but fall stays), and an e dropped before the suffix is put back
 * (bak → bake, danc → dance, lov → love) when the stem ends consonant–vowel–consonant or in c, v, z, u.
 */
function repairVerbStem(stem: string): string {
  const n = stem.length;
  const last = stem[n - 1];
  if (n >= 3 && last === stem[n - 2] && !isVowel(last) && !'lsz'.includes(last)) return stem.slice(0, -1);
  const cvc = n >= 3 && !isVowel(stem[n - 3]) && isVowel(stem[n - 2]) && !isVowel(last) && !'wxy'.includes(last);
  const shortCvc = cvc && !stem.slice(0, n - 2).split('').some(isVowel); // one syllable: bak(ed), hop(ing)
  const vowelConsonant = n === 2 && isVowel(stem[0]) && !isVowel(last); // us(ed), ag(ed)
  if (shortCvc || vowelConsonant || 'cvzu'.includes(last)) return stem + 'e';
  return stem;
}

function verbLemma(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y'; // carries → carry
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y'; // carried → carry
  if (/(ches|shes|sses|xes|zes|oes)$/.test(word)) return word.slice(0, -2); // watches → watch, goes → go
  // agreed → agree, guaranteed → guarantee; but need, feed, speed are not past tenses.
  if (word.endsWith('eed')) return word.length > 5 ? word.slice(0, -1) : word;
  for (const suffix of ['ing', 'ed']) {
    const stem = word.slice(0, -suffix.length);
    // The stem must keep a vowel: "sing" and "bed" are not inflections.
    if (word.endsWith(suffix) && stem.length >= 2 && /[aeiouy]/.test(stem)) return repairVerbStem(stem);
  }
  if (word.endsWith('s') && !word.endsWith('ss') && word.length > 3) return word.slice(0, -1); // makes → make
  return word;
}

function adjectiveLemma(word: string): string {
  for (const suffix of ['est', 'er']) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.endsWith('i')) return stem.slice(0, -1) + 'y'; // happier → happy
    const n = stem.length;
    const last = stem[n - 1];
    if (last === stem[n - 2] && !isVowel(last) && !'lsz'.includes(last)) return stem.slice(0, -1); // bigger → big
    return stem; // taller → tall, smaller → small
  }
  return word;
}

/**
 * The dictionary form of `word` for a part of speech (default noun), lower-cased:
 * `lemmatize('mice')` → 'mouse', `lemmatize('went', 'v')` → 'go', `lemmatize('better', 'a')` → 'good'.
 */
export function lemmatize(word: string, pos: PartOfSpeech = 'n'): string {
  if (typeof word !== 'string') fail('lemmatize', `expected a string, got ${typeof word}`);
  if (pos !== 'n' && pos !== 'v' && pos !== 'a') {
    fail('lemmatize', `pos must be 'n' (noun), 'v' (verb) or 'a' (adjective), got ${JSON.stringify(pos)}`);
  }
  const w = word.toLowerCase();
  const irregular = IRREGULAR[pos].get(w);
  if (irregular !== undefined) return irregular;
  if (pos === 'n') return nounLemma(w);
  if (pos === 'v') return verbLemma(w);
  return adjectiveLemma(w);
}
