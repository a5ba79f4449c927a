import { describe, expect, it } from 'vitest';
import { figureLabel } from '../../src/ui/output/figure-label.ts';
import { firstComment } from '../../src/ui/cell/first-comment.ts';
import { plot } from '../../src/plot/figure.ts';

const place = { cellNumber: 4, figureNumber: 1, figureCount: 1 };

describe('figureLabel', () => {
  it('names a figure by its title, as a string or as { text }, without its HTML', () => {
    expect(figureLabel(plot([], { title: 'Noisy line' }), place)).toBe('Noisy line');
    expect(figureLabel(plot([], { title: { text: '<b>Loss</b><br>per epoch' } }), { ...place, comment: 'Train' })).toBe('Loss per epoch');
  });

  it('without a title: the cell’s first comment (saying which figure when there are several), else the panel titles, else its place', () => {
    expect(figureLabel(plot([]), { ...place, comment: 'Elbow and silhouette' })).toBe('Elbow and silhouette');
    expect(figureLabel(plot([]), { ...place, figureNumber: 2, figureCount: 3, comment: 'Fits' })).toBe('Fits (figure 2 of 3)');
    const panels = plot([], { annotations: [{ text: 'k = 2', xref: 'paper', yref: 'paper', showarrow: false }, { text: 'a point', x: 1, y: 2 }] });
    expect(figureLabel(panels, place)).toBe('k = 2');
    expect(figureLabel(plot([], { title: '' }), { ...place, figureNumber: 2, figureCount: 2 })).toBe('Figure 2 of cell 4');
  });
});

describe('firstComment', () => {
  it('reads the first // or /* */ comment of a cell, if there is one', () => {
    expect(firstComment('const a = 1\n// Fit the model\n// more')).toBe('Fit the model');
    expect(firstComment('/* Data */\nconst X = 1')).toBe('Data');
    expect(firstComment('const a = 1')).toBeUndefined();
    expect(firstComment('//\nconst a = 1')).toBeUndefined();
  });
});
