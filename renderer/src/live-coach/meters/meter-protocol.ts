/**
 * Messages of the meter worker, which draws both loudness bars on OffscreenCanvases off the page's main
 * thread. The AudioWorklet feeds it directly through a MessagePort; the page only sets it up.
 */
export type MeterId = 'caller' | 'agent';

/** Resolved colours (rgb()/rgba()) of the meters' marks, from the page's CSS custom properties. */
export interface MeterColours {
  track: string;
  fill: string;
  peak: string;
  /** The agent's target band: a tint (decoration) … */
  band: string;
  /** … and its two edges, the marks that show where it is. */
  bandEdge: string;
  tick: string;
}

/** From the AudioWorklet: momentary loudness (LUFS; NaN in silence) and the agent's normal voice (NaN: none). */
export interface MeterLevels {
  caller: number;
  agent: number;
  agentNormal: number;
  /** Sound started or stopped on a side: drawn on the next frame, not at the steady-movement rate. */
  urgent: boolean;
}

export type ToMeterWorker =
  | { type: 'canvas'; id: MeterId; canvas: OffscreenCanvas; colours: MeterColours }
  /** The worklet's end of the feed (a new one for each audio session). */
  | { type: 'feed'; id: number; port: MessagePort }
  /** That feed ended (its session closed): bars go empty unless a newer feed has taken over. */
  | { type: 'clear'; id: number }
  /** The agent's band reaches this far above their normal voice (the "too loud" margin). */
  | { type: 'band'; marginLu: number }
  /** The page's colours changed (light/dark, forced colours): redraw with these. */
  | { type: 'colours'; colours: MeterColours }
  /** prefers-reduced-motion: the peak hold drops to the level instead of sliding down. */
  | { type: 'motion'; reduced: boolean };
