/**
 * What pactl says, read as pactl prints it (text captured from PulseAudio 16.1 with LC_ALL=C), and what
 * setup decides from it: one source per output, whatever ran before.
 */
import { describe, expect, it } from 'vitest';
import {
  CALLER_SOURCE_NAME,
  callerSourceModules,
  planSetup,
  remapLoadArgs,
} from '../../../main/caller-audio/caller-source-plan';
import {
  moduleArg,
  parseServerInfo,
  parseShortModules,
  parseShortNames,
} from '../../../main/caller-audio/pactl-output';

const INFO = `Server String: unix:/run/user/1000/pulse/native
Library Protocol Version: 35
Server Protocol Version: 35
Is Local: yes
Client Index: 0
User Name: agent
Server Name: pulseaudio
Server Version: 16.1
Default Sample Specification: s16le 2ch 44100Hz
Default Channel Map: front-left,front-right
Default Sink: alsa_output.usb-Jabra_Evolve2.analog-stereo
Default Source: alsa_input.usb-Jabra_Evolve2.mono-fallback
Cookie: 0fab:279b
`;

const MODULES = [
  '0\tmodule-native-protocol-unix\tauth-anonymous=1 socket=/tmp/run/native\t',
  '1\tmodule-null-sink\tsink_name=speakers sink_properties=device.description=Speakers\t',
  '9\tmodule-remap-source\tmaster=speakers.monitor source_name=calm_line_caller source_properties=\'device.description="Calm Line caller audio"\'\t',
  '12\tmodule-remap-source\tmaster=speakers.monitor source_name=someone_else\t',
  '14\tmodule-loopback\t\t',
].join('\n');

describe('reading pactl', () => {
  it('takes the default output and input from pactl info', () => {
    expect(parseServerInfo(INFO)).toEqual({
      serverName: 'pulseaudio',
      defaultSink: 'alsa_output.usb-Jabra_Evolve2.analog-stereo',
      defaultSource: 'alsa_input.usb-Jabra_Evolve2.mono-fallback',
    });
  });

  it('a server with no output has no default sink', () => {
    const info = parseServerInfo(
      'Server Name: pulseaudio\nDefault Sink: (null)\nDefault Source: \n',
    );
    expect(info.defaultSink).toBeNull();
    expect(info.defaultSource).toBeNull();
  });

  it('lists modules with their arguments, empty ones included', () => {
    const modules = parseShortModules(MODULES);
    expect(modules.map((m) => [m.index, m.name])).toEqual([
      [0, 'module-native-protocol-unix'],
      [1, 'module-null-sink'],
      [9, 'module-remap-source'],
      [12, 'module-remap-source'],
      [14, 'module-loopback'],
    ]);
    expect(modules[4].args).toBe('');
  });

  it('reads an argument, quoted or not', () => {
    const args = parseShortModules(MODULES)[2].args;
    expect(moduleArg(args, 'master')).toBe('speakers.monitor');
    expect(moduleArg(args, 'source_name')).toBe(CALLER_SOURCE_NAME);
    expect(moduleArg(args, 'source_properties')).toBe(
      'device.description="Calm Line caller audio"',
    );
    expect(moduleArg(args, 'channels')).toBeNull();
  });

  it('lists sink and source names', () => {
    expect(
      parseShortNames(
        '0\tspeakers\tmodule-null-sink.c\ts16le 2ch 44100Hz\tIDLE\n3\theadset\tmodule-alsa-card.c\ts16le 2ch 48000Hz\tRUNNING\n',
      ),
    ).toEqual(['speakers', 'headset']);
  });
});

describe('what setup does', () => {
  const modules = parseShortModules(MODULES);

  it('recognises only its own source among remap sources', () => {
    expect(callerSourceModules(modules).map((m) => m.index)).toEqual([9]);
  });

  it('loads a remap source on the default output’s monitor when there is none', () => {
    const plan = planSetup({
      modules: modules.slice(0, 2),
      sinks: ['speakers'],
      defaultSink: 'speakers',
    });
    expect(plan).toEqual({ kind: 'load', sink: 'speakers', unload: [] });
    expect(remapLoadArgs('speakers')).toEqual([
      'load-module',
      'module-remap-source',
      'master=speakers.monitor',
      'source_name=calm_line_caller',
      `source_properties='device.description="Calm Line caller audio"'`,
    ]);
  });

  it('keeps the source that is already there (setup twice loads nothing)', () => {
    const plan = planSetup({ modules, sinks: ['speakers'], defaultSink: 'speakers' });
    expect(plan).toMatchObject({ kind: 'keep', sink: 'speakers', unload: [] });
  });

  it('moves the source when the default output changed, and drops duplicates', () => {
    const twice = parseShortModules(
      `${MODULES}\n15\tmodule-remap-source\tmaster=speakers.monitor source_name=calm_line_caller\t`,
    );
    expect(
      planSetup({ modules: twice, sinks: ['speakers', 'headset'], defaultSink: 'headset' }),
    ).toEqual({ kind: 'load', sink: 'headset', unload: [9, 15] });
    expect(
      planSetup({ modules: twice, sinks: ['speakers'], defaultSink: 'speakers' }),
    ).toMatchObject({
      kind: 'keep',
      unload: [15],
    });
  });

  it('--sink picks another output; an unknown one or no output at all is refused', () => {
    expect(
      planSetup({
        modules,
        sinks: ['speakers', 'headset'],
        defaultSink: 'speakers',
        requestedSink: 'headset',
      }),
    ).toEqual({ kind: 'load', sink: 'headset', unload: [9] });
    expect(
      planSetup({ modules, sinks: ['speakers'], defaultSink: 'speakers', requestedSink: 'hdmi' }),
    ).toEqual({
      kind: 'refuse',
      reason: 'There is no output named "hdmi" (outputs: speakers).',
    });
    expect(planSetup({ modules: [], sinks: [], defaultSink: null })).toMatchObject({
      kind: 'refuse',
    });
  });
});
