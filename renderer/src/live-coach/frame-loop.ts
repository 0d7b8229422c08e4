/**
 * Display-rate drawing for everything that follows the audio, driven by new data: a frame is requested
 * when new levels arrive, and drawers that are still animating (a falling peak hold) ask for the next one.
 * In silence nothing runs. The page uses it for the numbers and timers, the meter worker for the bars
 * (requestAnimationFrame works in a worker that draws on an OffscreenCanvas). Steady movement is drawn at
 * most every MIN_FRAME_INTERVAL_MS: 10 Hz, the rate ffmpeg's ebur128 and EBU-mode meters report momentary
 * loudness at (a 400 ms measure moves little in 100 ms, and here every frame costs more than the audio);
 * an urgent request (sound starting or stopping) is drawn on the very next frame. Drawers touch canvas or
 * text nodes directly: nothing here re-renders React.
 */
/** Draws one frame; returns true to be called again on the next frame (still animating). */
type Drawer = (nowSec: number) => boolean;

const MIN_FRAME_INTERVAL_MS = 100;

const drawers = new Set<Drawer>();
let frame = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastDrawMs = -Infinity;

function tick(now: number): void {
  frame = 0;
  lastDrawMs = now;
  const nowSec = now / 1000;
  let again = false;
  for (const draw of drawers) if (draw(nowSec)) again = true;
  if (again) requestFrame();
}

function scheduleFrame(): void {
  if (timer !== null) {
    clearTimeout(timer);
    timer = null;
  }
  if (frame === 0) frame = requestAnimationFrame(tick);
}

/** Asks for a frame (coalesced). `urgent` skips the steady-movement frame limit. */
export function requestFrame(urgent = false): void {
  if (drawers.size === 0 || frame !== 0) return;
  const wait = lastDrawMs + MIN_FRAME_INTERVAL_MS - performance.now();
  if (urgent || wait <= 0) scheduleFrame();
  else if (timer === null) timer = setTimeout(scheduleFrame, wait);
}

export function onFrame(draw: Drawer): () => void {
  drawers.add(draw);
  requestFrame(true);
  return () => {
    drawers.delete(draw);
  };
}
