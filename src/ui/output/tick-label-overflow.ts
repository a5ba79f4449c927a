/**
 * Plotly's default for tick labels outside the plot is to hide those that overflow the figure
 * (`ticklabeloverflow: 'hide past div'`), which it decides after every draw by measuring each
 * label's box, one forced layout of the page per label, between style writes. Profiled on
 * bias-variance's noise slider: 225 ms of a move's 690 ms of drawing went there. Our figures keep
 * their labels inside by automargin, so every cartesian axis lets them be ('allow'), unless the
 * figure says otherwise.
 */
export function withTickLabelsAllowed(layout: Record<string, unknown>, traces: readonly Record<string, unknown>[]): Record<string, unknown> {
  const axes = new Set(['xaxis', 'yaxis', ...Object.keys(layout).filter((key) => /^[xy]axis\d*$/.test(key))]);
  for (const trace of traces) {
    for (const ref of [trace.xaxis, trace.yaxis]) if (typeof ref === 'string' && /^[xy]\d*$/.test(ref)) axes.add(`${ref[0]}axis${ref.slice(1)}`);
  }
  const out = { ...layout };
  for (const key of axes) {
    const axis = out[key];
    if (axis !== undefined && (typeof axis !== 'object' || axis === null)) continue;
    if (axis !== undefined && 'ticklabeloverflow' in axis) continue;
    out[key] = { ...(axis as object | undefined), ticklabeloverflow: 'allow' };
  }
  return out;
}
