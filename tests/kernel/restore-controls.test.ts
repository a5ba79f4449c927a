import { afterEach, describe, expect, it } from 'vitest';
import { createNodeSession } from '../../src/kernel/node/create-node-session.ts';
import type { Session } from '../../src/kernel/session.ts';
import type { CellView } from '../../src/kernel/types.ts';

let session: Session;
afterEach(() => session?.dispose());

const cells = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i}`, source }));
const texts = (view: CellView | undefined) => (view?.outputs ?? []).filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text);
const control = (view: CellView | undefined, name: string) => view?.outputs.find((o) => o.kind === 'control' && o.name === name);

describe('Session.restoreControls', () => {
  it('the first run starts each control from the restored value, by name; a bad value falls back to the default', async () => {
    session = createNodeSession();
    session.restoreControls({ k: 7, colour: 'green', ticked: 'not a boolean' });
    session.setCells(cells("const k = slider(2, { min: 1, max: 9 })\nconst colour = select(['red', 'green'])\nconst ticked = checkbox(true)", '`${k} ${colour} ${ticked}`'));
    await session.runAll();
    expect(texts(session.view('c1'))).toEqual(['7 green true']);
    expect(control(session.view('c0'), 'k')).toMatchObject({ value: 7 });
  });

  it('restoring {} forgets the values moved since: the next run is back at the defaults', async () => {
    session = createNodeSession();
    session.setCells(cells('const k = slider(2, { min: 1, max: 9 })', 'k * 10'));
    await session.runAll();
    await session.setControl('c0', 'k', 4);
    expect(texts(session.view('c1'))).toEqual(['40']);
    session.restoreControls({});
    await session.runAll();
    expect(texts(session.view('c1'))).toEqual(['20']);
  });
});
