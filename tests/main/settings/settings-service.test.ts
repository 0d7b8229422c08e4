import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
  type Settings,
} from '../../../preload/contract/settings-schema';
import { CUE_SETTING_LIMITS } from '../../../renderer/engine/cue-settings';
import { openSettingsStore } from '../../../main/settings/settings-store';
import { createSettingsService } from '../../../main/settings/settings-service';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('settings');
afterEach(() => dirs.cleanup());

function open(dataDir: string) {
  const { store, fileCheck } = openSettingsStore(dataDir);
  return {
    service: createSettingsService({ store }),
    fileCheck,
    file: path.join(dataDir, 'settings.json'),
  };
}

const readFile = (file: string): Settings => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('settings service over conf on a real folder', () => {
  it('starts from the defaults and writes them to settings.json', () => {
    const dataDir = dirs.make();
    const { service, file, fileCheck } = open(dataDir);
    expect(fileCheck.status).toBe('missing');
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(readFile(file)).toEqual(DEFAULT_SETTINGS);
    expect(service.get().recording.storeAudio).toBe(false);
  });

  it('applies a partial update, keeps every other value, and a reopened store sees it', () => {
    const dataDir = dirs.make();
    const { service, file } = open(dataDir);
    const result = service.update({ ui: { compact: true }, cue: { pauseSec: 1.4 } });
    expect(result.ok).toBe(true);
    const expected = {
      ...DEFAULT_SETTINGS,
      ui: { ...DEFAULT_SETTINGS.ui, compact: true },
      cue: { ...DEFAULT_SETTINGS.cue, pauseSec: 1.4 },
    };
    expect(result.ok && result.value).toEqual(expected);
    expect(readFile(file)).toEqual(expected);
    expect(open(dataDir).service.get()).toEqual(expected);
  });

  it('applies and stores an update to every section the patch schema accepts', () => {
    const dataDir = dirs.make();
    const { service, file } = open(dataDir);
    const result = service.update({
      wrapUp: { requiredSteps: ['priorities', 'follow-up'] },
      profile: { agentName: 'Sam Okafor' },
      recording: { storeAudio: true },
      autoStartOnCallerSpeech: true,
    });
    expect(result.ok).toBe(true);
    const stored = readFile(file);
    expect(stored.wrapUp).toEqual({
      ...DEFAULT_SETTINGS.wrapUp,
      requiredSteps: ['priorities', 'follow-up'],
    });
    expect(stored.profile.agentName).toBe('Sam Okafor');
    expect(stored.recording.storeAudio).toBe(true);
    expect(stored.autoStartOnCallerSpeech).toBe(true);
    // Every top-level key of the patch schema is a section the service stores.
    for (const key of Object.keys(settingsPatchSchema.shape))
      expect(Object.keys(stored)).toContain(key);
  });

  it('rejects a value outside the engine limits and leaves the file byte for byte unchanged', () => {
    const dataDir = dirs.make();
    const { service, file } = open(dataDir);
    service.update({ audio: { mode: 'two-devices', micDeviceId: 'mic-1' } });
    const before = fs.readFileSync(file);
    const tooShort = CUE_SETTING_LIMITS.pauseSec.min / 2;
    const result = service.update({ cue: { pauseSec: tooShort }, ui: { compact: true } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe('invalid-payload');
    expect(!result.ok && result.message).toContain('cue.pauseSec');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(service.get().audio.micDeviceId).toBe('mic-1');
    expect(service.get().ui.compact).toBe(false);
  });

  it('refuses two actions on the same hotkey, in any modifier order, and a hotkey without a modifier', () => {
    const { service } = open(dirs.make());
    const clash = service.update({ hotkeys: { endCall: 'Alt+CommandOrControl+s' } });
    expect(clash.ok).toBe(false);
    expect(!clash.ok && clash.message).toContain('same hotkey as startCall');
    const bare = service.update({ hotkeys: { markMoment: 'M' } });
    expect(bare.ok).toBe(false);
    expect(service.get().hotkeys).toEqual(DEFAULT_SETTINGS.hotkeys);
    const fine = service.update({ hotkeys: { markMoment: 'F9', openWrapUp: '' } });
    expect(fine.ok && fine.value.hotkeys).toEqual({
      ...DEFAULT_SETTINGS.hotkeys,
      markMoment: 'F9',
      openWrapUp: '',
    });
  });

  it('keeps calibrations per device: a number sets one, null removes one, others stay', () => {
    const { service, file } = open(dirs.make());
    service.update({ agentNormalLufs: { 'headset.usb:1': -23.5, 'laptop-mic': -30 } });
    const result = service.update({ agentNormalLufs: { 'laptop-mic': null, desk: -26 } });
    expect(result.ok && result.value.agentNormalLufs).toEqual({
      'headset.usb:1': -23.5,
      desk: -26,
    });
    expect(readFile(file).agentNormalLufs).toEqual({ 'headset.usb:1': -23.5, desk: -26 });
  });

  it('reset brings back the defaults on disk, and listeners hear every saved change but not rejected ones', () => {
    const { service, file } = open(dirs.make());
    const heard: Settings[] = [];
    const unsubscribe = service.onChange((settings) => heard.push(settings));
    service.update({ autoStartOnCallerSpeech: true });
    service.update({ cue: { tooLoudMarginLu: 999 } });
    service.reset();
    unsubscribe();
    service.update({ ui: { alwaysOnTop: true } });
    expect(heard.map((settings) => settings.autoStartOnCallerSpeech)).toEqual([true, false]);
    expect(heard[1]).toEqual(DEFAULT_SETTINGS);
    expect(readFile(file).ui.alwaysOnTop).toBe(true);
  });
});

describe('opening a damaged settings file', () => {
  it('keeps the valid values, defaults the invalid ones, and keeps the original as a backup', () => {
    const dataDir = dirs.make();
    const file = path.join(dataDir, 'settings.json');
    const original = JSON.stringify({
      cue: { ...DEFAULT_SETTINGS.cue, pauseSec: 1.5, hysteresisLu: 99 },
      ui: { compact: true, alwaysOnTop: 'yes' },
      hotkeys: { ...DEFAULT_SETTINGS.hotkeys, endCall: 'CommandOrControl+Alt+S' },
      agentNormalLufs: { good: -24, bad: 12 },
      somethingFromTheFuture: 1,
    });
    fs.writeFileSync(file, original);
    const { service, fileCheck } = open(dataDir);
    expect(fileCheck.status).toBe('repaired');
    const settings = service.get();
    expect(settings.cue.pauseSec).toBe(1.5);
    expect(settings.cue.hysteresisLu).toBe(DEFAULT_SETTINGS.cue.hysteresisLu);
    expect(settings.ui).toEqual({ compact: true, alwaysOnTop: false });
    expect(settings.hotkeys).toEqual(DEFAULT_SETTINGS.hotkeys);
    expect(settings.agentNormalLufs).toEqual({ good: -24 });
    expect(settings.audio).toEqual(DEFAULT_SETTINGS.audio);
    expect(fileCheck.backupPath && fs.readFileSync(fileCheck.backupPath, 'utf8')).toBe(original);
  });

  it('starts from defaults when the file is not JSON, and keeps the broken text', () => {
    const dataDir = dirs.make();
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{"ui": {"compact": tru');
    const { service, fileCheck } = open(dataDir);
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(fileCheck.backupPath && fs.readFileSync(fileCheck.backupPath, 'utf8')).toBe(
      '{"ui": {"compact": tru',
    );
  });

  it('leaves a valid file alone', () => {
    const dataDir = dirs.make();
    const first = open(dataDir);
    first.service.update({ ui: { compact: true } });
    const before = fs.readFileSync(first.file);
    const second = open(dataDir);
    expect(second.fileCheck.status).toBe('valid');
    expect(fs.readFileSync(second.file).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.bak-'))).toEqual([]);
  });
});
