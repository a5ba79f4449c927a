/** The height a figure will take, reserved before Plotly draws so the page does not jump. */
export function figureHeight(layout: { [key: string]: unknown }): number {
  return typeof layout.height === 'number' ? layout.height : 380;
}
