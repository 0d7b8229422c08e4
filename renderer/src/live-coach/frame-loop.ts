/**
 * Display-rate drawing for everything that follows the audio (meters, timers), driven by new data: a
 * frame is requested when the worklet posts a change, and drawers that are still animating (a falling
 * peak hold) ask for the next one. In silence nothing runs. Drawers touch canvas or text nodes directly:
 * nothing here re-renders React.
 */
/** Draws one frame; returns true to be called again on the next frame (still animating). */
type Drawer = (nowSec: number) => boolean;

const drawers = new Set<Drawer>();
let handle = 0;

function tick(now: number): void {
  handle = 0;
  const nowSec = now / 1000;
  let again = false;
  for (const draw of drawers) if (draw(nowSec)) again = true;
  if (again) requestFrame();
}

/** Asks for one frame (coalesced: any number of requests before it give one frame). */
export function requestFrame(): void {
  if (handle === 0 && drawers.size > 0) handle = requestAnimationFrame(tick);
}

export function onFrame(draw: Drawer): () => void {
  drawers.add(draw);
  requestFrame();
  return () => {
    drawers.delete(draw);
  };
}
