/**
 * What a screen reader hears of the cues: one short announcement in words when something changes that
 * the agent should act on, and nothing else — not the meters or figures (they change several times a
 * second), not "Ready" or "Listening" (the absence of a cue), and no cue again within REPEAT_QUIET_SEC of
 * its last announcement (a caller who vents, draws breath and vents on is one "Wait for the pause").
 *
 * "Caller heated" is context, not an instruction: it is announced when the caller becomes heated (once
 * per heated spell), not each time the banner falls back to it after a higher cue — in a 34 s scripted
 * call that was four announcements of it for one heated spell.
 *
 * "You're talking over" is the one assertive announcement: it asks the agent to stop something they are
 * doing at that moment, and a polite one waits until the screen reader has finished what it is reading
 * (a customer record can take many seconds), when the overlap is long over. Every other cue describes
 * the conversation and can wait its turn.
 */
import { BANNER_COPY, type BannerState } from './cue-copy';

/** A cue's title as it is announced, in the page's language. */
export type CueTitle = (state: BannerState) => string;
const englishTitle: CueTitle = (state) => BANNER_COPY[state].title;

export type Politeness = 'polite' | 'assertive';

export interface CueAnnouncement {
  readonly text: string;
  readonly politeness: Politeness;
}

/** The coach's state at a change: the banner's cue and whether the caller is heated. */
export interface CueScene {
  readonly banner: BannerState;
  readonly heated: boolean;
}

/** The same cue is not announced again within this many seconds of its last announcement. */
export const REPEAT_QUIET_SEC = 5;

/** Banner states that are not announced when the banner shows them. */
const SILENT_ON_BANNER: ReadonlySet<BannerState> = new Set(['idle', 'listening', 'caller-heated']);

export function politenessOf(state: BannerState): Politeness {
  return state === 'talking-over' ? 'assertive' : 'polite';
}

/** Decides, change by change, what to announce; one per coach (a call's end starts afresh). */
export class CueAnnouncer {
  /** When each cue was last announced in this call (s). */
  private readonly lastSaid = new Map<BannerState, number>();
  private previous: CueScene = { banner: 'idle', heated: false };

  /** The coach now shows `scene` (at `nowSec`): the announcement to make (in `titleOf`'s words), or null for none. */
  next(scene: CueScene, nowSec: number, titleOf: CueTitle = englishTitle): CueAnnouncement | null {
    const previous = this.previous;
    this.previous = scene;
    if (scene.banner === 'idle') {
      this.lastSaid.clear();
      return null;
    }
    const said: BannerState[] = [];
    if (scene.heated && !previous.heated && this.due('caller-heated', nowSec))
      said.push('caller-heated');
    if (
      scene.banner !== previous.banner &&
      !SILENT_ON_BANNER.has(scene.banner) &&
      this.due(scene.banner, nowSec)
    )
      said.push(scene.banner);
    if (said.length === 0) return null;
    for (const state of said) this.lastSaid.set(state, nowSec);
    return {
      text: said.map(titleOf).join('. '),
      politeness: said.some((state) => politenessOf(state) === 'assertive')
        ? 'assertive'
        : 'polite',
    };
  }

  private due(state: BannerState, nowSec: number): boolean {
    const last = this.lastSaid.get(state);
    return last === undefined || nowSec - last >= REPEAT_QUIET_SEC;
  }
}
