/**
 * The meter worker: draws the caller's and the agent's loudness bars on OffscreenCanvases, fed straight
 * from the AudioWorklet, so the page's main thread does no work per meter frame. Steady movement is drawn
 * at the frame loop's 10 Hz; sound starting or stopping on the next frame.
 */
import { onFrame, requestFrame } from '../frame-loop';
import { BAND_BELOW_NORMAL_LU, MeterPainter } from './meter-painter';
import type { MeterId, MeterLevels, ToMeterWorker } from './meter-protocol';

const painters = new Map<MeterId, MeterPainter>();
const silent: MeterLevels = { caller: NaN, agent: NaN, agentNormal: NaN, urgent: true };
let levels = silent;
let marginLu = 6;
let reducedMotion = false;
let feed: MessagePort | null = null;
let feedId = -1;

const value = (v: number) => (Number.isNaN(v) ? null : v);

onFrame((nowSec) => {
  const normal = value(levels.agentNormal);
  const band =
    normal === null ? null : { low: normal - BAND_BELOW_NORMAL_LU, high: normal + marginLu };
  const callerFalling = painters.get('caller')?.paint(value(levels.caller), null, nowSec) ?? false;
  const agentFalling = painters.get('agent')?.paint(value(levels.agent), band, nowSec) ?? false;
  return callerFalling || agentFalling;
});

function show(next: MeterLevels): void {
  levels = next;
  requestFrame(next.urgent);
}

self.onmessage = (event: MessageEvent<ToMeterWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'canvas': {
      const ctx = message.canvas.getContext('2d');
      if (ctx) {
        const painter = new MeterPainter(ctx, message.colours);
        painter.setReducedMotion(reducedMotion);
        painters.set(message.id, painter);
      }
      requestFrame(true);
      break;
    }
    case 'feed':
      feed?.close();
      feed = message.port;
      feedId = message.id;
      feed.onmessage = (e: MessageEvent<MeterLevels>) => show(e.data);
      break;
    case 'clear':
      if (message.id !== feedId) break;
      feed?.close();
      feed = null;
      show(silent);
      break;
    case 'band':
      marginLu = message.marginLu;
      requestFrame(true);
      break;
    case 'colours':
      for (const painter of painters.values()) painter.setColours(message.colours);
      requestFrame(true);
      break;
    case 'motion':
      reducedMotion = message.reduced;
      for (const painter of painters.values()) painter.setReducedMotion(reducedMotion);
      requestFrame(true);
      break;
  }
};
