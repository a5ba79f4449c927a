/**
 * A figure with inputs turns on Plotly's shape dragging (config.edits.shapePosition) for its
 * handles, and Plotly then lets every layout shape be dragged, the notebook's own marks too (a
 * threshold line, a ring on a curve: src/plot/marks.ts): a learner could pull one off the value it
 * shows. Plotly's per-shape `editable` has no effect in that mode, so after each draw the shapes
 * before the handles stop taking the pointer, with the wider invisible path and the end-point
 * circles Plotly lays over a line to grab it by.
 */
export function marksStayPut(element: HTMLElement, handlesFrom: number): void {
  // Each shape's path sits in a group with its index; a line's grab path and end-point circles in
  // another group with the same index (drag-helper). Every part sets its own pointer-events.
  for (const part of element.querySelectorAll<SVGElement>('.shapelayer [data-index]')) {
    if (Number(part.dataset.index) >= handlesFrom) continue;
    for (const piece of [part, ...part.querySelectorAll<SVGElement>('*')]) piece.style.pointerEvents = 'none';
  }
}
