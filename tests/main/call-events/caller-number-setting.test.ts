import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  settingsSchema,
} from '../../../preload/contract/settings-schema';
import { repairSettings } from '../../../main/settings/settings-repair';

describe('the caller-number privacy setting', () => {
  it('is absent by default (nothing kept), and settings written before it stay valid unchanged', () => {
    expect(DEFAULT_SETTINGS.recording.callerNumber).toBeUndefined();
    const before = structuredClone(DEFAULT_SETTINGS) as Record<string, unknown>;
    expect(repairSettings(before)).toEqual({ settings: before, replaced: [] });
  });

  it('takes none, last4 or all; anything else is refused', () => {
    for (const callerNumber of ['none', 'last4', 'all'])
      expect(settingsPatchSchema.safeParse({ recording: { callerNumber } }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ recording: { callerNumber: 'first4' } }).success).toBe(
      false,
    );
    const stored = { ...DEFAULT_SETTINGS, recording: { storeAudio: false, callerNumber: 'x' } };
    expect(settingsSchema.safeParse(stored).success).toBe(false);
    expect(repairSettings(stored).replaced).toEqual(['recording.callerNumber']);
  });
});
