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

function coloursOf(canvas: HTMLCanvasElement): MeterColours {
  const style = getComputedStyle(canvas);
  const colour = (name: string) => style.getPropertyValue(name).trim() || '#888';
  return {
    track: colour('--meter-track'),
    fill: colour('--meter-fill'),
    peak: colour('--meter-peak'),
    band: colour('--meter-band'),
    tick: colour('--meter-tick'),
  };
}

/** Gives the worker this canvas to draw `id`'s meter on (no-op for a canvas it already has). */
export function attachMeterCanvas(id: MeterId, canvas: HTMLCanvasElement): void {
  if (transferred.has(canvas)) return;
  transferred.add(canvas);
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
