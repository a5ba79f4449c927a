/** How much the presenter's preview of the next slide shrinks it (pure, measured by SlidePreview). */

export interface Size {
  width: number;
  height: number;
}

/**
 * The scale that fits a slide laid out at `stage` (the live slide's size) into `room`: as wide as
 * the room, unless that makes it taller than the room allows. 0 until both are measured; never
 * more than 1 (a preview is not drawn larger than the slide).
 */
export function previewScale(stage: Size, room: Size): number {
  if (stage.width <= 0 || stage.height <= 0 || room.width <= 0 || room.height <= 0) return 0;
  return Math.min(1, room.width / stage.width, room.height / stage.height);
}
