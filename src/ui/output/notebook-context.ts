/**
 * What an output needs from the notebook around it: setting a control of any cell (a figure's
 * inputs may belong to another cell than the one showing it), and the control values a cell's
 * outputs depend on, in words (the legend of a pinned figure says what it was pinned at).
 */
import { createContext, useContext } from 'solid-js';
import type { ControlValue } from '../../kernel/types.ts';

export interface NotebookContext {
  setControl(cellId: string, name: string, value: ControlValue): void;
  /** "η = 0.316, mini-batch size = 16": the controls upstream of a cell, with their values now. */
  controlValuesFor(cellId: string): string;
  /** On a slide (present mode): the height and text scale its figures are drawn at. */
  slideFigure?: () => SlideFigure | undefined;
}

/** How a figure is drawn on a slide: a height that fits the slide, chart text scaled for a projector. */
export interface SlideFigure {
  height: number;
  fontScale: number;
}

export const NotebookContext = createContext<NotebookContext>({ setControl: () => undefined, controlValuesFor: () => '' });

export const useNotebook = (): NotebookContext => useContext(NotebookContext);
