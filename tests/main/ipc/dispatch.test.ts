import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES } from '../../../preload/contract/ipc-contract';
import { DEFAULT_SETTINGS } from '../../../preload/contract/settings-schema';
import { dispatch } from '../../../main/ipc/dispatch';
import { createHandlers } from '../../../main/host/handlers';
import type { IpcHandlers } from '../../../preload/contract/ipc-handlers';
import { electronHostFeatures } from '../../../main/host/host-features';
import { openSettingsStore } from '../../../main/settings/settings-store';
import { createSettingsService } from '../../../main/settings/settings-service';
import { tempDirs } from '../support/temp-dirs';

const dirs = tempDirs('dispatch');
let handlers: IpcHandlers;
let settingsFile: string;
/** What the host's log heard (why a storage call failed). */
let logged: string[];

beforeEach(() => {
  const dataDir = dirs.make();
  const { store } = openSettingsStore(dataDir);
  settingsFile = path.join(dataDir, 'settings.json');
  logged = [];
  handlers = createHandlers(
    {
      appInfo: {
        version: '9.9.9',
        host: 'browser',
        platform: 'linux',
        features: electronHostFeatures('linux'),
      },
      settings: createSettingsService({ store }),
    },
    (line) => logged.push(line),
  );
});
afterEach(() => dirs.cleanup());

describe('dispatch', () => {
  it('answers contract methods with results', async () => {
    expect(await dispatch(handlers, 'getSettings', undefined)).toEqual({
      ok: true,
      value: DEFAULT_SETTINGS,
    });
    const info = await dispatch(handlers, 'getAppInfo', undefined);
    expect(info.ok && info.value).toMatchObject({
      version: '9.9.9',
      features: { systemLoopback: false },
    });
    const updated = await dispatch(handlers, 'updateSettings', { ui: { compact: true } });
    expect(updated.ok && (updated.value as typeof DEFAULT_SETTINGS).ui.compact).toBe(true);
  });

  it.each(['openFile', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
    'rejects the unknown method %j',
    async (method) => {
      const result = await dispatch(handlers, method, undefined);
      expect(result).toMatchObject({ ok: false, code: 'unknown-method' });
    },
  );

  it.each([
    ['a string instead of a patch', 'compact'],
    ['null', null],
    ['an array', [{ ui: { compact: true } }]],
    ['a wrong type', { ui: { compact: 'yes' } }],
    ['an unknown section', { volume: 11 }],
    ['an unknown field', { ui: { compact: true, fontSize: 40 } }],
    ['NaN', { cue: { pauseSec: Number.NaN } }],
    ['an enum value that does not exist', { audio: { mode: 'telepathy' } }],
    ['a reserved device key', JSON.parse('{"agentNormalLufs": {"__proto__": -20}}')],
  ])('rejects updateSettings with %s and writes nothing', async (_label, payload) => {
    const before = fs.readFileSync(settingsFile);
    const result = await dispatch(handlers, 'updateSettings', payload);
    expect(result).toMatchObject({ ok: false, code: 'invalid-payload' });
    expect(fs.readFileSync(settingsFile).equals(before)).toBe(true);
  });

  it('rejects a payload on a method that takes none', async () => {
    expect(await dispatch(handlers, 'resetSettings', { everything: true })).toMatchObject({
      ok: false,
      code: 'invalid-payload',
    });
  });

  it('rejects payloads over the size limit before looking at them', async () => {
    const calibrations: Record<string, number> = {};
    for (let i = 0; JSON.stringify(calibrations).length <= MAX_PAYLOAD_BYTES; i++) {
      calibrations[`device-${i}-${'x'.repeat(200)}`] = -20;
    }
    const result = await dispatch(handlers, 'updateSettings', { agentNormalLufs: calibrations });
    expect(result).toMatchObject({ ok: false, code: 'payload-too-large' });
    expect(JSON.parse(fs.readFileSync(settingsFile, 'utf8')).agentNormalLufs).toEqual({});
  });

  it('rejects payloads that are not plain data (cycles, BigInt) without throwing', async () => {
    const cyclic: Record<string, unknown> = { ui: {} };
    cyclic.self = cyclic;
    await expect(dispatch(handlers, 'updateSettings', cyclic)).resolves.toMatchObject({
      code: 'invalid-payload',
    });
    await expect(
      dispatch(handlers, 'updateSettings', { cue: { pauseSec: 10n } }),
    ).resolves.toMatchObject({
      code: 'invalid-payload',
    });
  });

  it('turns a failure while saving into an internal result and keeps the cause out of the message', async () => {
    // The settings file becomes a folder: the atomic write cannot replace it (a real disk-level failure).
    fs.rmSync(settingsFile);
    fs.mkdirSync(settingsFile);
    const errors: unknown[] = [];
    const result = await dispatch(
      handlers,
      'updateSettings',
      { ui: { compact: true } },
      {
        onHandlerError: (_method, error) => errors.push(error),
      },
    );
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(!result.ok && result.message).not.toContain(settingsFile);
    // The settings handler answers the failure itself (with its reason) and the host's log hears the cause.
    expect(errors).toHaveLength(0);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^updateSettings: /);
  });
});
