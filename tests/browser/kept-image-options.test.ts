import { describe, expect, it } from 'vitest';
import { loadPlotly } from '../../src/ui/output/load-plotly.ts';
import { ImageButtonOptions, withKeptImageOptions } from '../../src/ui/output/kept-image-options.ts';

type Drawn = HTMLElement & { _context: { toImageButtonOptions: Record<string, unknown> } };

/** Draws twice with titles (and so image file names) that differ; says whether the second draw rebuilt the figure. */
async function redrawnFromNothing(keep: boolean): Promise<{ rebuilt: boolean; filename: unknown }> {
  // Loaded as the page loads it (a script, not a module the test server would have to pre-bundle mid-run).
  const Plotly = await loadPlotly('cartesian');
  const element = document.createElement('div') as unknown as Drawn;
  element.style.cssText = 'width: 400px; height: 300px';
  document.body.appendChild(element);
  const kept = new ImageButtonOptions();
  const config = (title: string) => {
    const given = { responsive: true, toImageButtonOptions: { format: 'png', scale: 2, filename: title } };
    return keep ? withKeptImageOptions(given, kept) : given;
  };
  try {
    await Plotly.react(element, [{ x: [1, 2], y: [1, 2] }], { title: { text: 'epoch 1' } }, config('epoch-1'));
    // Plotly rebuilds a figure by purging it: its layers, the drag cover of the plot area among them, are made anew.
    const cover = element.querySelector('.nsewdrag');
    await Plotly.react(element, [{ x: [1, 2], y: [2, 1] }], { title: { text: 'epoch 2' } }, config('epoch-2'));
    return { rebuilt: element.querySelector('.nsewdrag') !== cover, filename: element._context.toImageButtonOptions.filename };
  } finally {
    Plotly.purge(element);
    element.remove();
  }
}

describe('a figure whose title changes with its data', () => {
  it('is updated in place when its image options are kept, and the file name still follows the title', async () => {
    expect(await redrawnFromNothing(true)).toEqual({ rebuilt: false, filename: 'epoch-2' });
  });

  it('(Plotly rebuilds it from nothing when the image options are given afresh: what keeping them avoids)', async () => {
    expect(await redrawnFromNothing(false)).toEqual({ rebuilt: true, filename: 'epoch-2' });
  });
});
