/** A control's identity on the page: the cell that shows it and its name there (unique per cell). */
export const controlKey = (cellId: string, name: string): string => `${cellId}/${name}`;
