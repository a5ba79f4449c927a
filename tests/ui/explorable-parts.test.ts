/** The pure parts of the explorable features: the graph walk of the dock, pinned traces, figure-input handles. */
import { describe, expect, it } from 'vitest';
import { upstreamCells } from '../../src/ui/dock/upstream-cells.ts';
import { controlsInWords } from '../../src/ui/dock/controls-in-words.ts';
import { steadyControls } from '../../src/ui/dock/steady-controls.ts';
import { pinTraces, withPinned } from '../../src/ui/output/pin-figure.ts';
import { clickedValue, handleShapes, movedInputs } from '../../src/ui/output/input-handles.ts';
import type { FigureInput } from '../../src/plot/figure.ts';
import type { Output } from '../../src/kernel/types.ts';

describe('upstreamCells', () => {
  const cells = [
    { id: 'a', declares: ['k'], reads: ['slider'] },
    { id: 'b', declares: ['data'], reads: ['makeBlobs'] },
    { id: 'c', declares: ['fit'], reads: ['k', 'data'] },
    { id: 'd', declares: ['seed'], reads: [] },
    { id: 'e', declares: [], reads: ['fit', 'scatter'] },
  ];
  it('follows the names a cell reads through every cell that declares them, in notebook order', () => {
    expect(upstreamCells(cells, 'e')).toEqual(['a', 'b', 'c', 'e']);
    expect(upstreamCells(cells, 'd')).toEqual(['d']);
  });
  it('stops at a cycle instead of looping', () => {
    const cyclic = [{ id: 'x', declares: ['p'], reads: ['q'] }, { id: 'y', declares: ['q'], reads: ['p'] }];
    expect(upstreamCells(cyclic, 'x')).toEqual(['x', 'y']);
  });
});

describe('steadyControls', () => {
  const slider = (name: string, value: number) => ({ id: name, kind: 'control', name, control: { type: 'slider', label: name, min: 0, max: 9, step: 1 }, value }) as const;
  it('while a cell re-runs, keeps the controls not shown again yet, in their order, with the new values of those that are', () => {
    const before = [slider('a', 1), slider('b', 2), slider('c', 3)];
    expect(steadyControls(before, [slider('a', 5)], true)).toEqual([slider('a', 5), slider('b', 2), slider('c', 3)]);
    expect(steadyControls(before, [slider('a', 5), slider('d', 0)], true).map((c) => c.name)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('once the run is over, lists exactly what the cell shows', () => {
    expect(steadyControls([slider('a', 1), slider('b', 2)], [slider('a', 5)], false)).toEqual([slider('a', 5)]);
  });
});

describe('controlsInWords', () => {
  const control = (name: string, control: Extract<Output, { kind: 'control' }>['control'], value: Extract<Output, { kind: 'control' }>['value']) =>
    ({ id: name, kind: 'control', name, control, value }) as Extract<Output, { kind: 'control' }>;
  it('says each value as shown: numbers without float noise, steps by what they stand for, points in brackets; buttons left out', () => {
    expect(
      controlsInWords([
        control('eta', { type: 'slider', label: 'η', min: 0, max: 1, step: 0.01 }, 0.1 + 0.2),
        control('step', { type: 'stepper', label: 'step', count: 3, intervalMs: 100, values: ['a', 'b', 'c'] }, 1),
        control('go', { type: 'button', label: 'Go' }, 4),
        control('on', { type: 'checkbox', label: 'standardise' }, true),
        control('theta0', { type: 'point', label: 'θ₀' }, [1, -2]),
      ]),
    ).toBe('η = 0.3, step = b, standardise = on, θ₀ = (1, -2)');
  });
});

describe('pinning', () => {
  const live = [
    { type: 'contour', z: [[1]] },
    { type: 'scatter', mode: 'lines', name: 'path', x: [0, 1], y: [0, 1], marker: { colorscale: 'Viridis', showscale: true } },
    { type: 'bar', name: 'counts', x: [1], y: [2], opacity: 0.8 },
  ];
  it('keeps faded, dotted copies of the traces but not the surfaces, with one legend entry saying what was pinned', () => {
    const pinned = pinTraces(live, 'η = 0.3');
    expect(pinned).toHaveLength(2);
    expect(pinned.map((t) => [t.name, t.showlegend, t.legendgroup])).toEqual([['pinned: η = 0.3', true, 'pinned'], ['pinned: η = 0.3', false, 'pinned']]);
    expect(pinned[0].line).toEqual({ dash: 'dot' });
    expect(pinned[0].opacity).toBeCloseTo(0.35);
    expect(pinned[1].opacity).toBeCloseTo(0.28);
    expect((pinned[0].marker as { showscale: boolean }).showscale).toBe(false);
    expect(live[1].marker?.showscale).toBe(true); // the live trace is untouched
  });
  it('draws the pinned traces above the surface and under the live traces; pinning a pinned figure does not copy the old pin', () => {
    const pinned = pinTraces(live, '');
    const drawn = withPinned(live, pinned);
    expect(drawn.map((t) => `${t.type}${t.legendgroup === 'pinned' ? ' (pinned)' : ''}`)).toEqual(['contour', 'scatter (pinned)', 'bar (pinned)', 'scatter', 'bar']);
    expect(pinTraces(drawn, 'again')).toHaveLength(2);
  });
});

describe('figure-input handles', () => {
  const inputs: FigureInput[] = [
    { cellId: 'c1', name: 'theta0', kind: 'point', label: 'θ₀', value: [1, -2] },
    { cellId: 'c1', name: 'starts', kind: 'points', label: 'starts', value: [[0, 0], [2, 1]], max: 3 },
    { cellId: 'c2', name: 'axis', kind: 'direction', label: 'axis', value: [1, 0] },
  ];
  it('draws a dot per point and a line through the origin for a direction, reaching most of the way to the axes\' edge', () => {
    const { shapes, handles } = handleShapes(inputs, [], { xaxis: { range: [-5, 5] }, yaxis: { range: [-4, 4] } });
    expect(handles).toEqual([{ input: 0 }, { input: 1, point: 0 }, { input: 1, point: 1 }, { input: 2 }]);
    expect(shapes[0]).toMatchObject({ type: 'circle', xsizemode: 'pixel', xanchor: 1, yanchor: -2 });
    expect(shapes[3]).toMatchObject({ type: 'line', x0: -3.6, x1: 3.6, y0: -0, y1: 0 });
  });
  it('reads moved handles back as values, and leaves unmoved inputs out', () => {
    const { shapes, handles } = handleShapes(inputs, [], {});
    const moved = shapes.map((s) => ({ ...s }));
    moved[2] = { ...moved[2], xanchor: 2.123456, yanchor: 5 };
    moved[3] = { ...moved[3], x0: 0, y0: 0, x1: -0.5, y1: -0.5 }; // the line turned; its sense kept close to (1, 0)
    expect(movedInputs(inputs, handles, moved, 0)).toEqual([
      { input: inputs[1], value: [[0, 0], [2.123, 5]] },
      { input: inputs[2], value: [0.7071, 0.7071] },
    ]);
  });
  it('a click moves a point, adds to a list up to its max, and turns a direction', () => {
    expect(clickedValue(inputs[0], 3, 4)).toEqual([3, 4]);
    expect(clickedValue(inputs[1], 3, 4)).toEqual([[0, 0], [2, 1], [3, 4]]);
    expect(clickedValue({ ...inputs[1], value: [[0, 0], [1, 1], [2, 2]] }, 3, 4)).toBeUndefined();
    expect(clickedValue(inputs[2], 0, -2)).toEqual([0, -1]);
  });
});
