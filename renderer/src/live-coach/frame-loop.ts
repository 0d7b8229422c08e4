/**
 * One requestAnimationFrame loop for everything that follows the audio at display rate (meters, timers).
 * Drawers touch canvas or text nodes directly: nothing here re-renders React.
 */
type Drawer = (nowSec: number) => void;

const drawers = new Set<Drawer>();
let handle = 0;

function tick(now: number): void {
  const nowSec = now / 1000;
  for (const draw of drawers) draw(nowSec);
  handle = drawers.size > 0 ? requestAnimationFrame(tick) : 0;
}

export function onFrame(draw: Drawer): () => void {
  drawers.add(draw);
  if (handle === 0) handle = requestAnimationFrame(tick);
  return () => {
    drawers.delete(draw);
  };
}
