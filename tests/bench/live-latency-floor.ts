/**
 * The same-run floor of the live coach's latency figures: in the app's own run — the same Chromium,
 * flags, page and the very MediaStream the app captures (so a capture hiccup under load shifts both
 * alike) — a second AudioContext with the smallest worklet that can show the same things: it gates each
 * channel's 128-sample block at a level (−70 dBFS RMS; the bench call's gaps are digital silence) and
 * posts the moment something changes, and the page sets an attribute at once (no display frame, no
 * React, no loudness, no voice model):
 * - meters: a party's first block above the level after silence → its meter's data-level;
 * - cues: the cue rules' thresholds on that gate, waits included — the caller heard for onsetFrames ×
 *   10 ms after both were quiet ≥ 0.6 s ("wait for the pause"), the caller quiet for pauseSec ("your
 *   turn"), the agent heard for backchannelSec over the caller ("talking over") → the banner's data-cue.
 * Measured with the app's own probe and matching (live-latency.ts), so floor and app differ only in
 * what lies between the capture and the page: the engine, its posts, the meter worker, React, frames.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CUE_SETTINGS } from '../../renderer/engine/cue-settings';
import { DEFAULT_VOICE_ACTIVITY_OPTIONS } from '../../renderer/engine/voice-activity';
import type { Dialogue } from '../support/dialogues';
import type { LiveRun, PageChange } from '../support/live-run';
import { RENDERER_DIR } from '../e2e/support/paths';
import { measureLatencies, type Latencies } from './live-latency';

/**
 * Block RMS above this is "sound". The bench call's gaps are digital silence; at −50 dBFS the gate lost
 * the band-limited tails of the caller's words and "your turn" fired up to 82 ms before the truth.
 */
const LEVEL_DBFS = -70;
/** A gap shorter than this (between words) continues the same speech. */
const HANG_SEC = 0.25;
/** Both quiet this long before the caller starts: a "wait for the pause" onset (as the bench counts). */
const QUIET_BEFORE_SEC = 0.6;

const WORKLET = `
class FloorLatency extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = options.processorOptions;
    this.agent = o.agent;
    this.caller = 1 - o.agent;
    this.level = o.level;
    // Seconds → frames at this context's rate.
    for (const k of ['hang', 'quiet', 'onset', 'pause', 'backchannel']) this[k] = o[k] * sampleRate;
    this.frame = 0;
    const never = -1e12;
    this.start = [never, never];
    this.lastAbove = [never, never];
    this.prevEnd = [never, never];
    this.meterOn = [false, false];
    this.cue = '';
    this.waitDone = never;
    this.turnDone = never;
    this.overDone = never;
  }
  post(target, value) {
    this.port.postMessage({ target, value });
  }
  setCue(cue) {
    if (this.cue === cue) this.post('cue-banner', '');
    this.cue = cue;
    this.post('cue-banner', cue);
  }
  process(inputs) {
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const n = input[0].length;
    const end = this.frame + n;
    for (let ch = 0; ch < 2; ch++) {
      const x = input[Math.min(ch, input.length - 1)];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += x[i] * x[i];
      const meter = ch === this.agent ? 'meter-agent' : 'meter-caller';
      if (sum / n > this.level * this.level) {
        if (this.frame - this.lastAbove[ch] > this.hang) {
          this.prevEnd[ch] = this.lastAbove[ch];
          this.start[ch] = this.frame;
        }
        this.lastAbove[ch] = end;
        if (!this.meterOn[ch]) {
          this.meterOn[ch] = true;
          this.post(meter, 'on');
        }
      } else if (this.meterOn[ch] && end - this.lastAbove[ch] > this.hang) {
        this.meterOn[ch] = false;
        this.post(meter, '');
      }
    }
    const c = this.caller;
    const a = this.agent;
    const cs = this.start[c];
    const as = this.start[a];
    const callerOn = end - this.lastAbove[c] <= this.hang;
    const agentOn = end - this.lastAbove[a] <= this.hang;
    // "Wait for the pause": the caller starts after both were quiet, confirmed after the onset wait.
    if (callerOn && this.waitDone !== cs && end - cs >= this.onset) {
      this.waitDone = cs;
      const agentBefore = as > cs ? this.prevEnd[a] : this.lastAbove[a];
      if (cs - Math.max(this.prevEnd[c], agentBefore) >= this.quiet) this.setCue('wait-for-pause');
    }
    // "Your turn": the caller's pause reaches the threshold while the agent is quiet.
    if (!callerOn && !agentOn && cs > 0 && this.turnDone !== cs && end - this.lastAbove[c] >= this.pause) {
      this.turnDone = cs;
      this.setCue('your-turn');
    }
    // "Talking over": the agent talks over the speaking caller for the backchannel time.
    if (callerOn && agentOn && as > cs && this.overDone !== as && end - as >= this.backchannel) {
      this.overDone = as;
      this.setCue('talking-over');
    }
    this.frame = end;
    return true;
  }
}
registerProcessor('floor-latency', FloorLatency);
`;

export interface FloorOptions {
  agent: 0 | 1;
  level: number;
  hang: number;
  quiet: number;
  onset: number;
  pause: number;
  backchannel: number;
}

declare global {
  interface Window {
    __calmLineFloor?: { changes: PageChange[]; error?: string };
  }
}

/**
 * Runs in the app's page before its scripts (after the probe): when the app's getUserMedia resolves,
 * the same stream also feeds the floor's own AudioContext and worklet; its posts set attributes on
 * hidden elements at once, and their changes are logged as the probe logs the app's.
 */
function installFloor(options: FloorOptions & { workletUrl: string }): void {
  const floor: { changes: PageChange[]; error?: string } = { changes: [] };
  window.__calmLineFloor = floor;
  const devices = navigator.mediaDevices;
  const inner = devices.getUserMedia.bind(devices);
  let started = false;
  devices.getUserMedia = async (constraints) => {
    const stream = await inner(constraints);
    if (started) return stream;
    started = true;
    // The app gets its stream whatever happens to the floor; a floor that fails says why afterwards.
    // (No named function in here: the page gets this function's text, without tsx's naming helper.)
    void (async () => {
      const targets = ['meter-agent', 'meter-caller', 'cue-banner'] as const;
      const box = document.createElement('div');
      box.hidden = true;
      const els = Object.fromEntries(
        targets.map((t) => {
          const el = document.createElement('i');
          el.dataset.floor = t;
          box.append(el);
          return [t, el];
        }),
      ) as Record<(typeof targets)[number], HTMLElement>;
      document.documentElement.append(box);
      new MutationObserver((records) => {
        const t = performance.now();
        for (const r of records) {
          const el = r.target as HTMLElement;
          const target = el.dataset.floor as PageChange['target'];
          floor.changes.push({ t, target, value: el.dataset.value ?? '' });
        }
      }).observe(box, { subtree: true, attributes: true, attributeFilter: ['data-value'] });
      const context = new AudioContext({ latencyHint: 'interactive' });
      await context.audioWorklet.addModule(options.workletUrl);
      const node = new AudioWorkletNode(context, 'floor-latency', {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 2,
        channelCountMode: 'explicit',
        processorOptions: options,
      });
      node.port.onmessage = ({ data }: MessageEvent<{ target: 'cue-banner'; value: string }>) => {
        els[data.target].dataset.value = data.value;
      };
      context.createMediaStreamSource(stream).connect(node);
      node.connect(context.destination);
      await context.resume();
    })().catch((error: unknown) => {
      floor.error = String(error);
    });
    return stream;
  };
}

/**
 * Adds the floor to a live run's page (call before playCall). The worklet must come from the app's own
 * origin for the app's CSP (script-src 'self') to admit it, and Playwright's router does not see worklet
 * fetches: it is written beside the built renderer for the run. Returns the function that removes it.
 */
export async function addLatencyFloor(run: LiveRun): Promise<() => void> {
  const page = run.app.page;
  const name = `floor-latency-worklet-${process.pid}.js`;
  const file = path.join(RENDERER_DIR, '__bench', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, WORKLET);
  const remove = () => rmSync(path.dirname(file), { recursive: true, force: true });
  try {
    const options: FloorOptions & { workletUrl: string } = {
      workletUrl: new URL(`/__bench/${name}`, run.app.url).href,
      agent: 0,
      level: 10 ** (LEVEL_DBFS / 20),
      hang: HANG_SEC,
      quiet: QUIET_BEFORE_SEC,
      onset: DEFAULT_VOICE_ACTIVITY_OPTIONS.onsetFrames * 0.01,
      pause: DEFAULT_CUE_SETTINGS.pauseSec,
      backchannel: DEFAULT_CUE_SETTINGS.backchannelSec,
    };
    await page.addInitScript(installFloor, options);
    // The launch lands on the token link, whose page refreshes to the app: reload only once it is there.
    await page.getByTestId('start-call').waitFor();
    await page.reload();
    await page.getByTestId('start-call').waitFor();
  } catch (error) {
    remove();
    throw error;
  }
  return remove;
}

/** The floor's latencies in a run that playCall has finished, matched as the app's are. */
export async function floorLatencies(run: LiveRun, call: Dialogue): Promise<Latencies> {
  const floor = await run.app.page.evaluate(() => window.__calmLineFloor);
  if (!floor) throw new Error('the latency floor was not installed in the page');
  if (floor.error) throw new Error(`the latency floor failed: ${floor.error}`);
  return measureLatencies(call, run.captureStartMs, floor.changes);
}
