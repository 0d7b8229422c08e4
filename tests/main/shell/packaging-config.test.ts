/**
 * electron-builder.yml, read by electron-builder's own loader and checked against electron-builder's
 * own configuration schema (app-builder-lib/scheme.json, with ajv) and its own validation — plus what
 * the schema cannot know: the targets, icons, microphone text, entitlements and fuses Calm Line needs.
 * (Packaging itself downloads Electron and the installer tools from GitHub, which this machine cannot.)
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../../main/shell/desktop/app-identity';
import { REPO_ROOT } from '../../e2e/support/paths';

const require = createRequire(import.meta.url);
// electron-builder types its config loosely; the tests read it as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- read as plain data, checked field by field
type Config = Record<string, any>;

const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(
    projectDir: string,
    configPath: string | null,
    configFromOptions: null,
  ): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};
const schema = JSON.parse(
  fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
) as object;

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const schemaErrors = (config: Config): string[] => {
  validate(config);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
};

let config: Config;
beforeAll(async () => {
  config = await getConfig(REPO_ROOT, 'electron-builder.yml', null);
});

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(path.join(REPO_ROOT, file));
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** key → value of a flat Apple plist dict (true/false/string values). */
function plistEntries(file: string): Map<string, string | boolean> {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const entries = new Map<string, string | boolean>();
  for (const m of text.matchAll(
    /<key>([^<]+)<\/key>\s*(<true\/>|<false\/>|<string>([^<]*)<\/string>)/g,
  )) {
    entries.set(m[1]!, m[2] === '<true/>' ? true : m[2] === '<false/>' ? false : m[3]!);
  }
  return entries;
}

const targetsOf = (platform: Config): string[] =>
  (platform.target as (string | { target: string })[]).map((t) =>
    typeof t === 'string' ? t : t.target,
  );

describe('electron-builder configuration', () => {
  it('matches electron-builder’s configuration schema', async () => {
    expect(schemaErrors(config)).toEqual([]);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it.each([
    [
      'a misspelt option',
      (c: Config) => ({ ...c, mac: { ...c.mac, entitelments: c.mac.entitlements } }),
    ],
    [
      'an option of the wrong type',
      (c: Config) => ({ ...c, nsis: { ...c.nsis, oneClick: 'sometimes' } }),
    ],
    [
      'an unknown fuse',
      (c: Config) => ({ ...c, electronFuses: { ...c.electronFuses, runAsRoot: true } }),
    ],
  ])('rejects %s (the schema check bites)', async (_label, mutate) => {
    const broken = mutate(config);
    expect(schemaErrors(broken).length).toBeGreaterThan(0);
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration/,
    );
  });

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS, under one app id', () => {
    expect(config.appId).toBe('com.calmline.app');
    expect(APP_ID).toBe(config.appId); // Windows notifications need the installer's AppUserModelID
    expect(config.productName).toBe('Calm Line');
    expect(targetsOf(config.linux).sort()).toEqual(['AppImage', 'deb']);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.mac)).toEqual(['dmg']);
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^>\s]+>$/); // deb needs one
    expect(config.publish).toBeNull();
  });

  it('takes every icon from assets/, each a PNG of at least 512 px', () => {
    const icons = [config.icon, config.linux.icon, config.win.icon, config.mac.icon];
    for (const icon of icons) {
      expect(icon).toMatch(/^assets\//);
      const { width, height } = pngSize(icon);
      expect(width).toBeGreaterThanOrEqual(512);
      expect(height).toBe(width);
    }
  });

  it('explains the microphone on macOS and asks for audio input under the hardened runtime, nothing more', () => {
    const text = config.mac.extendInfo.NSMicrophoneUsageDescription as string;
    expect(text.length).toBeGreaterThan(40);
    expect(text).toMatch(/headset|microphone/i);
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const entries = plistEntries(file);
      expect(entries.get('com.apple.security.device.audio-input')).toBe(true);
      expect(entries.get('com.apple.security.cs.allow-jit')).toBe(true); // V8 needs it under the hardened runtime
      expect([...entries.keys()].sort()).toEqual([
        'com.apple.security.cs.allow-jit',
        'com.apple.security.device.audio-input',
      ]);
    }
  });

  it('flips the fuses that close Node entry points and pins the app to its asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packages the built app only, which package.json starts from', () => {
    const patterns = (config.files as (string | { filter: string[] })[]).flatMap((f) =>
      typeof f === 'string' ? [f] : f.filter,
    );
    expect(patterns).toEqual(['out/**', 'package.json']);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toMatch(/^out\//);
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
    expect(pkg.dependencies ?? {}).toEqual({}); // everything is bundled into out/; nothing to ship from node_modules
    expect(pkg.devDependencies.electron).toBeDefined();
  });
});
