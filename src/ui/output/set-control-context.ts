/**
 * How an output sets a control of any cell: a figure's inputs (withInputs) may belong to a cell
 * other than the one that shows the figure. The notebook provides the kernel's setControl.
 */
import { createContext, useContext } from 'solid-js';
import type { ControlValue } from '../../kernel/types.ts';

export type SetControl = (cellId: string, name: string, value: ControlValue) => void;

export const SetControlContext = createContext<SetControl>(() => undefined);

export const useSetControl = (): SetControl => useContext(SetControlContext);
