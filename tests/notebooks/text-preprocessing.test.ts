import { describe, expect, it } from 'vitest';
import { allMarkdown, figureTitled, markdown, notebookRunner, numberAfter, traceNamed } from './report-queries.ts';
import reference from '../ml/fixtures/text-notebooks.json';

// Two runs in all: the defaults, and every other control moved at once.
const run = notebookRunner('text-preprocessing');
const moved = { givePos: true, stopList: 'English without negations', stage: 2, normalizer: 'lemma' };

const stages = reference.passageStages;

describe('notebooks/text-preprocessing.md', () => {
  it("the vocabulary figure and its prose give scikit-learn's and NLTK's counts for the 20 passages", async () => {
    const report = await run();
    const chart = figureTitled(report, 'The 20 passages after each step (last step: Porter stem)');
    // Stages: raw, lower-cased, punctuation removed, tokenised, stop words removed, normalised.
    const fixture = [stages['raw text'], stages['lower-cased'], stages['punctuation removed'],
      stages['punctuation removed'], stages['stop words removed'], stages['Porter stem']];
    expect(traceNamed(chart, 'all tokens').y).toEqual(fixture.map((s) => s.tokens));
    expect(traceNamed(chart, 'distinct terms').y).toEqual(fixture.map((s) => s.distinct));
    expect(numberAfter(report, 'take the distinct terms from')).toBe(stages['raw text'].distinct);
    expect(numberAfter(report, 'Stop words are')).toBe(Math.round(100 * (1 - stages['stop words removed'].tokens / stages['punctuation removed'].tokens)));
    expect(numberAfter(report, 'but only')).toBe(stages['punctuation removed'].distinct - stages['stop words removed'].distinct);
    expect(numberAfter(report, 'merges')).toBe(stages['stop words removed'].distinct - stages['Porter stem'].distinct);
  }, 60_000);

  it('the stepper shows each stage of the sentence and highlights its bar in the figure', async () => {
    const last = await run();
    expect(allMarkdown(last)).toContain('**Step 5: normalised.**');
    expect(markdown(last, 'Step 5')).toContain('**`runner`**');
    const atStem = traceNamed(figureTitled(last, 'The 20 passages'), 'all tokens').marker as { opacity: number[] };
    expect(atStem.opacity).toEqual([0.35, 0.35, 0.35, 0.35, 0.35, 1]);

    const report = await run(moved);
    const step = markdown(report, 'Step 2');
    expect(step).toContain('the us teams new runners didnt win they were running better in 2023');
    expect(step).toContain('**`us`**');
    const chart = figureTitled(report, 'The 20 passages after each step (last step: lemma)');
    expect((traceNamed(chart, 'all tokens').marker as { opacity: number[] }).opacity[2]).toBe(1);
    // Lemmas (nouns) merge fewer terms than Porter stems.
    const lemmaDistinct = (traceNamed(chart, 'distinct terms').y as number[])[5];
    expect(lemmaDistinct).toBeGreaterThan(stages['Porter stem'].distinct);
    expect(lemmaDistinct).toBeLessThan(stages['stop words removed'].distinct);
  }, 60_000);

  it("the stemmer's keys are NLTK's, and the pair counts move as the prose says when the part of speech is given", async () => {
    const report = await run();
    // Each table row: dictionary words, their forms "word (pos)" and their stems, joined by " · ".
    const rows = markdown(report, '| words | forms (part of speech) |').split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| words'))
    const stems = new Map<string, string>()
    for (const row of rows) {
      const [, forms, keys] = row.split(' | ').map((c) => c.split(' · '))
      forms.forEach((f, i) => stems.set(f.replace(/ \(\w\)$/, ''), keys[i].replace(/\*\*|\s*✗/g, '')))
    }
    expect(Object.fromEntries(stems)).toEqual(reference.familyStems)
    expect(numberAfter(report, 'Stemmer:')).toBe(10);
    expect(numberAfter(report, 'merged,')).toBe(11);
    expect(numberAfter(report, 'Lemmatiser:')).toBe(4);
    expect(figureTitled(report, 'Pairs of words given one key (of 20').data).toHaveLength(2);

    const told = await run(moved);
    expect(numberAfter(told, 'Lemmatiser:')).toBe(20);
    expect(allMarkdown(told)).toMatch(/Lemmatiser: \*\*20\*\* merged, \*\*0\*\* wrong/);
    expect(traceNamed(figureTitled(told, 'Pairs of words'), 'forms of one word merged').x).toEqual(['Porter stemmer', 'lemmatiser, with part of speech']);
  }, 60_000);

  it('opposite reviews become one bag of words with the scikit-learn list and stay apart without negations', async () => {
    expect(numberAfter(await run(), 'stop words,')).toBe(2);
    expect(numberAfter(await run(moved), 'stop words,')).toBe(0);
  }, 60_000);
});
