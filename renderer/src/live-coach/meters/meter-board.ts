/**
 * The page's side of the meter worker: hands it each meter's canvas (once: control of a canvas can be
 * transferred only once) and the AudioWorklet's feed for each audio session.
 */
import MeterWorker from './meter-worker.ts?worker';
import type { MeterColours, MeterId, ToMeterWorker } from './meter-protocol';

let worker: Worker | null = null;
const transferred = new WeakSet<HTMLCanvasElement>();

function send(message: ToMeterWorker, transfer: Transferable[] = []): void {
  worker ??= new MeterWorker({ name: 'calm-line-meters' });
  worker.postMessage(message, transfer);
}

/**
 * The meters' colours as rgb()/rgba(), resolved by the page: the custom properties may hold system
 * colours (forced colours: Canvas, Highlight…), which only the page can turn into values a worker can
 * draw with. The probe opts out of forced colours, or the browser would replace what it resolves.
 */
function coloursOf(canvas: HTMLCanvasElement): MeterColours {
  const style = getComputedStyle(canvas);
  const probe = document.createElement('span');
  probe.style.forcedColorAdjust = 'none';
  probe.hidden = true;
  document.body.append(probe);
  const colour = (name: string) => {
    probe.style.color = '';
    probe.style.color = style.getPropertyValue(name).trim() || '#888';
    return getComputedStyle(probe).color;
  };
  const colours = {
    track: colour('--meter-track'),
    fill: colour('--meter-fill'),
    peak: colour('--meter-peak'),
    band: colour('--meter-band'),
    bandEdge: colour('--meter-band-edge'),
    tick: colour('--meter-tick'),
  };
  probe.remove();
  return colours;
}

let watching: HTMLCanvasElement | null = null;

/** Colours and motion follow the page's media: light/dark, forced colours, reduced motion. */
function watchMedia(canvas: HTMLCanvasElement): void {
  if (watching) return;
  watching = canvas;
  const motion = matchMedia('(prefers-reduced-motion: reduce)');
  send({ type: 'motion', reduced: motion.matches });
  motion.addEventListener('change', () => send({ type: 'motion', reduced: motion.matches }));
  for (const query of ['(forced-colors: active)', '(prefers-color-scheme: dark)'])
    matchMedia(query).addEventListener('change', () =>
      send({ type: 'colours', colours: coloursOf(watching!) }),
    );
}

/** Gives the worker this canvas to draw `id`'s meter on (no-op for a canvas it already has). */
export function attachMeterCanvas(id: MeterId, canvas: HTMLCanvasElement): void {
  if (transferred.has(canvas)) return;
  transferred.add(canvas);
  watchMedia(canvas);
  const offscreen = canvas.transferControlToOffscreen();
  send({ type: 'canvas', id, canvas: offscreen, colours: coloursOf(canvas) }, [offscreen]);
}

let feeds = 0;

/** A new feed from an AudioWorklet: `port` is the end the worklet posts to; `close()` empties the bars. */
export function openMeterFeed(): { port: MessagePort; close(): void } {
  const id = ++feeds;
  const channel = new MessageChannel();
  send({ type: 'feed', id, port: channel.port2 }, [channel.port2]);
  return { port: channel.port1, close: () => send({ type: 'clear', id }) };
}

export function setMeterBand(marginLu: number): void {
  send({ type: 'band', marginLu });
}
