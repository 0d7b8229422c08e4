/**
 * `npm run --silent audio -- setup|teardown` against a real PulseAudio (a private server per file,
 * tests/support/pulse-server.ts), through the shipped bundle as a user runs it: what the server holds
 * after each run, what the user is told to pick, and the one-line failures.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  moduleArg,
  parseServerInfo,
  parseShortModules,
  parseShortNames,
} from '../../../main/caller-audio/pactl-output';
import { pactlOk } from '../../../main/caller-audio/pactl';
import { ensureCliBundle } from '../cli/cli-run';
import {
  pulseUnavailable,
  runCommand,
  startPulseServer,
  TEST_SPEAKERS,
  type PulseServer,
} from '../../support/pulse-server';

const unavailable = await pulseUnavailable();
let bundle: string;
let tmp: string;

beforeAll(async () => {
  bundle = await ensureCliBundle('audio');
  tmp = mkdtempSync(path.join(os.tmpdir(), 'calm-audio-'));
}, 120_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const audio = (args: readonly string[], env: Record<string, string>) =>
  runCommand(process.execPath, [bundle, ...args], env);

describe.skipIf(unavailable !== null)('audio setup/teardown on a real PulseAudio', () => {
  let pulse: PulseServer;
  beforeAll(async () => {
    pulse = await startPulseServer(path.join(tmp, 'pulse'));
  }, 30_000);
  afterAll(async () => pulse?.stop());

  const modules = async () =>
    parseShortModules(await pactlOk(pulse.pactl, ['list', 'short', 'modules']));
  const sources = async () =>
    parseShortNames(await pactlOk(pulse.pactl, ['list', 'short', 'sources']));
  const remaps = async () => (await modules()).filter((m) => m.name === 'module-remap-source');
  const defaultSource = async () =>
    parseServerInfo(await pactlOk(pulse.pactl, ['info'])).defaultSource;

  it('setup makes one input on the default output’s monitor and says what to pick; twice changes nothing; teardown removes exactly it', async () => {
    // Someone else's remap source, which teardown must leave alone.
    await pactlOk(pulse.pactl, [
      'load-module',
      'module-remap-source',
      `master=${TEST_SPEAKERS}.monitor`,
      'source_name=someone_else',
    ]);
    await pactlOk(pulse.pactl, ['set-default-source', `${TEST_SPEAKERS}.monitor`]);
    const before = await modules();

    const first = await audio(['setup'], pulse.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Caller’s audio: "Calm Line caller audio"');
    expect(first.stdout).toContain('"Two devices: my mic + the caller’s audio"');
    expect(first.stdout).toContain(`You still hear the caller there`);
    const added = (await modules()).filter((m) => !before.some((b) => b.index === m.index));
    expect(added).toHaveLength(1);
    expect(moduleArg(added[0].args, 'master')).toBe(`${TEST_SPEAKERS}.monitor`);
    expect(await sources()).toContain('calm_line_caller');
    // PulseAudio switched its default input to the new source; setup gave it back.
    expect(await defaultSource()).toBe(`${TEST_SPEAKERS}.monitor`);
    const described = await pactlOk(pulse.pactl, ['list', 'sources']);
    expect(described).toContain('Description: Calm Line caller audio');

    const second = await audio(['setup'], pulse.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/already there .*nothing changed/);
    expect((await modules()).map((m) => m.index)).toEqual(
      [...before, ...added].map((m) => m.index),
    );

    const removed = await audio(['teardown'], pulse.env);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe(
      `Removed the input "Calm Line caller audio" (module ${added[0].index}).\n`,
    );
    expect(await modules()).toEqual(before);
    expect(await sources()).not.toContain('calm_line_caller');

    const again = await audio(['teardown'], pulse.env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing changed/);
    expect(await modules()).toEqual(before);
  });

  it('after the default output changed, setup moves the input to it (one input, never two)', async () => {
    await pactlOk(pulse.pactl, [
      'load-module',
      'module-null-sink',
      'sink_name=calm_test_headset',
      'sink_properties=device.description=Test-Headset',
    ]);
    expect((await audio(['setup'], pulse.env)).code).toBe(0);
    await pactlOk(pulse.pactl, ['set-default-sink', 'calm_test_headset']);
    const moved = await audio(['setup'], pulse.env);
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('a copy of what the output calm_test_headset plays');
    const ours = (await remaps()).filter(
      (m) => moduleArg(m.args, 'source_name') === 'calm_line_caller',
    );
    expect(ours.map((m) => moduleArg(m.args, 'master'))).toEqual(['calm_test_headset.monitor']);
    // --sink names another output; an unknown one is refused in one line and changes nothing.
    const bad = await audio(['setup', '--sink', 'hdmi'], pulse.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      `audio: There is no output named "hdmi" (outputs: ${TEST_SPEAKERS}, calm_test_headset).\n`,
    );
    expect((await audio(['setup', '--sink', TEST_SPEAKERS], pulse.env)).code).toBe(0);
    const back = (await remaps()).filter(
      (m) => moduleArg(m.args, 'source_name') === 'calm_line_caller',
    );
    expect(back.map((m) => moduleArg(m.args, 'master'))).toEqual([`${TEST_SPEAKERS}.monitor`]);
    expect((await audio(['teardown'], pulse.env)).code).toBe(0);
  });
});

if (unavailable !== null) {
  describe('audio setup/teardown on a real PulseAudio', () => {
    it.skip(`needs PulseAudio: ${unavailable}`, () => undefined);
  });
}

describe('audio: failures a user can read', () => {
  it('no sound server answering: exit 1 and one line', async () => {
    const r = await audio(['setup'], { PULSE_SERVER: `unix:${path.join(tmp, 'no-such-socket')}` });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^audio: No PulseAudio or PipeWire sound server answers \(pactl: .+\)\..*\n$/,
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('no pactl: exit 1 and one line naming the package', async () => {
    const bin = path.join(tmp, 'bin-without-pactl');
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, path.join(bin, 'node'));
    for (const command of ['setup', 'teardown']) {
      const r = await audio([command], { PATH: bin });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'audio: pactl is not installed: install pulseaudio-utils (PulseAudio) or pipewire-pulse (PipeWire).\n',
      );
    }
  });

  it('--help prints the commands; a bad command is exit 2 with the usage', async () => {
    const help = await audio(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^usage: npm run --silent audio -- setup \[--sink NAME\] \| teardown/,
    );
    expect(help.stdout).toContain('teardown         remove exactly what setup created');
    const bad = await audio(['install'], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'audio: Unknown command "install". usage: npm run --silent audio -- setup [--sink NAME] | teardown | --help\n',
    );
  });
});
