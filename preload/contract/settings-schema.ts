/**
 * The shape of Calm Line's settings: zod schemas (the single source of truth), their defaults, the
 * patch shape `updateSettings` accepts, and the JSON schema handed to conf / electron-store.
 * Cue thresholds come from the engine's own definitions and limits; nothing is duplicated here.
 */
import { z } from 'zod';
import {
  CUE_SETTING_LIMITS,
  DEFAULT_CUE_SETTINGS,
  type CueSettings,
} from '../../renderer/engine/cue-settings';
import { isValidHotkeyAccelerator, normalizeAccelerator } from '../domain/accelerator';
import { CALLER_NUMBER_POLICIES } from '../domain/caller-number';
import { LOCALES, PSEUDO_LOCALE } from '../domain/locales';

function cueShape(): { [K in keyof CueSettings]: z.ZodNumber } {
  const shape = {} as { [K in keyof CueSettings]: z.ZodNumber };
  for (const key of Object.keys(CUE_SETTING_LIMITS) as (keyof CueSettings)[]) {
    const { min, max } = CUE_SETTING_LIMITS[key];
    shape[key] = z.number().min(min).max(max);
  }
  return shape;
}

const cueObject = z.object(cueShape());
export const cueSettingsSchema = cueObject satisfies z.ZodType<CueSettings>;

const deviceId = z.string().min(1).max(512).nullable();

const audioObject = z.object({
  /** How the two voices reach the app: one stereo device split by channel, two devices, or system loopback. */
  mode: z.enum(['stereo-split', 'two-devices', 'system-loopback']),
  /** In stereo-split mode, the channel that carries the agent's microphone. */
  agentSide: z.enum(['left', 'right']),
  stereoDeviceId: deviceId,
  micDeviceId: deviceId,
  callerDeviceId: deviceId,
});
export const audioSettingsSchema = audioObject;
export type AudioSettings = z.infer<typeof audioObject>;

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Key identifying an input device in the calibration table (a device id or a label-derived key). */
export const deviceKeySchema = z
  .string()
  .min(1)
  .max(512)
  .refine((key) => !RESERVED_KEYS.has(key), 'reserved key');
/** Integrated loudness (LUFS) of the agent's normal speaking voice, measured by calibration. */
export const lufsSchema = z.number().min(-70).max(0);
export const MAX_CALIBRATED_DEVICES = 100;
const agentNormalLufsSchema = z
  .record(deviceKeySchema, lufsSchema)
  .refine(
    (table) => Object.keys(table).length <= MAX_CALIBRATED_DEVICES,
    'too many calibrated devices',
  );

/**
 * The language the app speaks: 'system' (absent: the default) follows the system's languages, the others
 * are the locales with catalogues (preload/domain/locales.ts); 'en-XA' is the pseudo-locale (accented,
 * about 40 % longer) that tests pick to find text that does not fit.
 */
export const LANGUAGE_SETTINGS = ['system', ...LOCALES, PSEUDO_LOCALE] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];

const uiObject = z.object({
  alwaysOnTop: z.boolean(),
  compact: z.boolean(),
  /** Optional, so settings written before it existed stay valid unchanged. */
  language: z.enum(LANGUAGE_SETTINGS).optional(),
});

export const HOTKEY_ACTIONS = ['startCall', 'endCall', 'markMoment', 'openWrapUp'] as const;
export type HotkeyAction = (typeof HOTKEY_ACTIONS)[number];

const accelerator = z
  .string()
  .max(100)
  .refine(isValidHotkeyAccelerator, 'not a valid global hotkey');
const hotkeysObject = z.object({
  startCall: accelerator,
  endCall: accelerator,
  markMoment: accelerator,
  openWrapUp: accelerator,
});
function rejectDuplicateHotkeys(hotkeys: Record<HotkeyAction, string>, ctx: z.RefinementCtx): void {
  const seen = new Map<string, HotkeyAction>();
  for (const action of HOTKEY_ACTIONS) {
    if (hotkeys[action] === '') continue;
    const key = normalizeAccelerator(hotkeys[action]);
    const other = seen.get(key);
    if (other !== undefined) {
      ctx.addIssue({ code: 'custom', path: [action], message: `same hotkey as ${other}` });
    }
    seen.set(key, action);
  }
}
const hotkeysSchema = hotkeysObject.superRefine(rejectDuplicateHotkeys);
export type HotkeySettings = z.infer<typeof hotkeysObject>;

const recordingObject = z.object({
  storeAudio: z.boolean(),
  /** What a session keeps of the caller's number the phone software sends: nothing (absent: the default),
   * its last 4 digits, or all of it (preload/domain/caller-number.ts). Optional, so settings written
   * before it existed stay valid unchanged. */
  callerNumber: z.enum(CALLER_NUMBER_POLICIES).optional(),
});

/** The guided wrap-up's steps, in order. A team may mark some required; the rest can be skipped. */
export const WRAP_UP_STEPS = [
  'priorities',
  'catalyst',
  'ownership',
  'resolution',
  'next-steps',
  'escalation',
  'goodwill',
  'root-cause',
  'follow-up',
  'reference',
] as const;
export type WrapUpStep = (typeof WRAP_UP_STEPS)[number];
const wrapUpObject = z.object({
  requiredSteps: z.array(z.enum(WRAP_UP_STEPS)).max(WRAP_UP_STEPS.length),
  /** Days from the call to the default follow-up date (the playbook says about 30). */
  followUpDays: z.number().int().min(1).max(365),
});
const profileObject = z.object({
  /** The agent's name or id, written into every session so team leads can tell agents apart. */
  agentName: z.string().max(200),
  /** The agent's team, as their lead calls it (shown in the setup and Settings). */
  team: z.string().max(200),
  /** The first-run setup was finished or skipped: the app opens on the coach. */
  setupDone: z.boolean(),
});

/** The stored settings. Unknown keys are dropped when reading (a newer version may have written them). */
export const settingsSchema = z.object({
  cue: cueSettingsSchema,
  audio: audioObject,
  agentNormalLufs: agentNormalLufsSchema,
  ui: uiObject,
  hotkeys: hotkeysSchema,
  recording: recordingObject,
  autoStartOnCallerSpeech: z.boolean(),
  wrapUp: wrapUpObject,
  profile: profileObject,
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsSection = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze({
  cue: { ...DEFAULT_CUE_SETTINGS },
  audio: {
    mode: 'stereo-split',
    agentSide: 'left',
    stereoDeviceId: null,
    micDeviceId: null,
    callerDeviceId: null,
  },
  agentNormalLufs: {},
  ui: { alwaysOnTop: false, compact: false },
  hotkeys: {
    startCall: 'CommandOrControl+Alt+S',
    endCall: 'CommandOrControl+Alt+E',
    markMoment: 'CommandOrControl+Alt+M',
    openWrapUp: 'CommandOrControl+Alt+W',
  },
  recording: { storeAudio: false },
  autoStartOnCallerSpeech: false,
  wrapUp: { requiredSteps: ['priorities', 'resolution'], followUpDays: 30 },
  profile: { agentName: '', team: '', setupDone: false },
});

/**
 * What `updateSettings` accepts: any subset of sections, each with any subset of its fields. Unknown
 * keys are rejected (a typo must not silently do nothing). In `agentNormalLufs`, a number sets one
 * device's calibration and `null` removes it; other devices are kept.
 */
export const settingsPatchSchema = z.strictObject({
  cue: cueObject.partial().strict().optional(),
  audio: audioObject.partial().strict().optional(),
  agentNormalLufs: z.record(deviceKeySchema, lufsSchema.nullable()).optional(),
  ui: uiObject.partial().strict().optional(),
  hotkeys: hotkeysObject.partial().strict().optional(),
  recording: recordingObject.partial().strict().optional(),
  autoStartOnCallerSpeech: z.boolean().optional(),
  wrapUp: wrapUpObject.partial().strict().optional(),
  profile: profileObject.partial().strict().optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

/** Per-section JSON schemas in the form conf's `schema` option takes (draft-07, which its ajv speaks). */
export function settingsJsonSchemaProperties(): Record<SettingsSection, Record<string, unknown>> {
  const root = z.toJSONSchema(settingsSchema, { target: 'draft-07', unrepresentable: 'any' }) as {
    properties: Record<SettingsSection, Record<string, unknown>>;
  };
  return root.properties;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
