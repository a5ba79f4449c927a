/**
 * The mode bar's pin buttons (Plotly's own custom buttons): "Pin to compare" keeps the picture;
 * once pinned, "Pin again" replaces it with the current one and "Unpin" clears it.
 */

/** A push pin, in a 1000-unit box (y down, as Plotly draws custom icons without a transform). */
const PIN = { width: 1000, height: 1000, path: 'M350 80h300v90h-55v230l165 170v90h-260v250l-50 110l-50-110v-250h-260v-90l165-170v-230h-55z' };
/** A pin crossed out. */
const UNPIN = { width: 1000, height: 1000, path: 'M350 80h300v90h-55v230l165 170v90h-260v250l-50 110l-50-110v-250h-260v-90l165-170v-230h-55zM120 180l60-60l700 700l-60 60z' };

export function pinButtons(isPinned: boolean, actions: { pin(): void; unpin(): void }): Record<string, unknown>[] {
  const pin = { name: isPinned ? 'Pin again: replace the pinned picture with this one' : 'Pin to compare: keep this picture, faded, while you change controls', icon: PIN, click: actions.pin };
  return isPinned ? [pin, { name: 'Unpin: clear the pinned picture', icon: UNPIN, click: actions.unpin }] : [pin];
}
