/**
 * Plotly.react compares the config it is given with the one the figure was drawn with, and on any
 * difference purges the figure and draws it twice (newPlot, then react again). The image
 * button's file name follows the figure's title, which may change with every frame ("Epoch 3.4
 * of 30"): the neural-network playground's figure was rebuilt from nothing twice per frame. Kept
 * in one object per figure, of a class of its own (Plotly compares such an object by identity,
 * where it compares plain objects key by key), the name follows the title without the config
 * changing.
 */
export class ImageButtonOptions {
  [option: string]: unknown;
}

/** `config` with its image button options copied into `kept` (the figure's own), in their place. */
export function withKeptImageOptions(config: Record<string, unknown>, kept: ImageButtonOptions): Record<string, unknown> {
  for (const key of Object.keys(kept)) delete kept[key];
  Object.assign(kept, config.toImageButtonOptions);
  return { ...config, toImageButtonOptions: kept };
}
