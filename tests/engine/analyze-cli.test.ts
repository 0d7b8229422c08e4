/**
 * The offline analyser as a user runs it: `npm run --silent analyze -- FILE.wav …` in a child process, on
 * generated calls. Checks the document's exact shape, its content against the generator's truth and
 * ffmpeg's loudness, the mono note, every WAV encoding and rate, and exit code 2 with one stderr line for
 * each kind of bad input.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUE_KINDS } from '../../renderer/engine/call-types';
import { MONO_NOTE } from '../../renderer/engine/call-analysis-report';
import { buildDialogue, truthOf, type Dialogue } from '../support/dialogues';
import { PROJECT_ROOT, ffmpegEbur128, scratchDir, sox } from '../support/test-audio';
import { interruptionCall, raisedVoiceCall } from './dialogue-scripts';

const TSX = path.join(PROJECT_ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(PROJECT_ROOT, 'main/cli/analyze.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function analyze(args: string[], cwd = PROJECT_ROOT): Run {
  const r = spawnSync(TSX, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function analyzeJson(args: string[]): any {
  const r = analyze(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const keys = (o: object) => Object.keys(o).sort();
const LOUDNESS_KEYS = ['integratedLufs', 'maxMomentaryLufs', 'maxShortTermLufs', 'peakDbfs'].sort();
const METRIC_KEYS = [
  'callerTalkSec',
  'agentTalkSec',
  'talkRatio',
  'overtalkCount',
  'overtalkSec',
  'longestCallerTurnSec',
  'medianResponseGapSec',
  'timeToCalmSec',
  'cueCounts',
].sort();

function expectNumberOrNull(v: unknown): void {
  expect(v === null || (typeof v === 'number' && Number.isFinite(v))).toBe(true);
}

describe('analyser output', () => {
  let d: Dialogue;
  let doc: ReturnType<typeof analyzeJson>;
  beforeAll(() => {
    d = buildDialogue(interruptionCall(48000));
    doc = analyzeJson([d.file, '--series']);
  });

  it('has exactly the documented shape', () => {
    expect(Object.keys(doc)).toEqual([
      'file',
      'sampleRate',
      'durationSec',
      'agentChannel',
      'speech',
      'overtalk',
      'cues',
      'loudness',
      'metrics',
      'series',
    ]);
    expect(doc.file).toBe(d.file);
    expect(doc.sampleRate).toBe(48000);
    expect(doc.durationSec).toBeCloseTo(d.durationSec, 3);
    expect(doc.agentChannel).toBe('left');
    expect(keys(doc.speech)).toEqual(['agent', 'caller']);
    for (const party of ['caller', 'agent']) {
      for (const seg of doc.speech[party]) {
        expect(seg).toHaveLength(2);
        expect(seg[0]).toBeLessThan(seg[1]);
      }
    }
    for (const o of doc.overtalk) {
      expect(keys(o)).toEqual(['end', 'start', 'startedBy']);
      expect(['agent', 'caller']).toContain(o.startedBy);
    }
    for (const c of doc.cues) {
      expect(keys(c)).toEqual(['cue', 'end', 'start']);
      expect(CUE_KINDS).toContain(c.cue);
    }
    expect(keys(doc.loudness)).toEqual(['agent', 'caller']);
    for (const party of ['caller', 'agent']) {
      expect(keys(doc.loudness[party])).toEqual(LOUDNESS_KEYS);
      for (const v of Object.values(doc.loudness[party])) expectNumberOrNull(v);
    }
    expect(keys(doc.metrics)).toEqual(METRIC_KEYS);
    expect(keys(doc.metrics.cueCounts)).toEqual([...CUE_KINDS].sort());
    expect(keys(doc.series)).toEqual(['agent', 'caller', 'stepSec']);
    expect(doc.series.stepSec).toBe(0.1);
  });

  it('says what the truth says: speech, the two interruptions, the cues', () => {
    const callerTruth = truthOf(d, 'caller');
    for (const u of callerTruth)
      expect(
        doc.speech.caller.some(([s]: [number]) => Math.abs(s - u.start) < 0.1),
        `caller at ${u.start}`,
      ).toBe(true);
    for (const u of truthOf(d, 'agent'))
      expect(
        doc.speech.agent.some(([s]: [number]) => Math.abs(s - u.start) < 0.1),
        `agent at ${u.start}`,
      ).toBe(true);
    expect(doc.overtalk.map((o: { startedBy: string }) => o.startedBy)).toEqual([
      'agent',
      'caller',
    ]);
    expect(doc.metrics.overtalkCount).toBe(2);
    expect(doc.metrics.cueCounts['talking-over']).toBe(2);
    expect(doc.metrics.cueCounts['your-turn']).toBe(
      doc.cues.filter((c: { cue: string }) => c.cue === 'your-turn').length,
    );
  });

  it('matches ffmpeg ebur128 on each channel and gives null, not -Infinity, below the gate', () => {
    for (const [party, channel] of [
      ['agent', 0],
      ['caller', 1],
    ] as const) {
      const ref = ffmpegEbur128(d.file, channel);
      expect(Math.abs(doc.loudness[party].integratedLufs - ref.integrated)).toBeLessThan(0.15);
      const series = doc.series[party];
      expect(series.momentary.length).toBe(Math.floor(d.durationSec * 10 + 1e-6) + 1);
      expect(series.shortTerm.length).toBe(series.momentary.length);
      for (const v of [...series.momentary, ...series.shortTerm]) expectNumberOrNull(v);
      expect(series.momentary[0]).toBeNull();
      // Where ffmpeg reads a momentary level, so do we, within 0.1 LU (its t is our index t × 10).
      let compared = 0;
      for (const f of ref.frames) {
        const ours = series.momentary[Math.round(f.t * 10)];
        if (f.momentary > -60 && ours !== undefined) {
          expect(ours).not.toBeNull();
          expect(Math.abs(ours - f.momentary)).toBeLessThan(0.1);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(50);
    }
    // The agent is silent for the first 2 s of the call: below the absolute gate there.
    expect(doc.series.agent.momentary.slice(1, 15).every((v: number | null) => v === null)).toBe(
      true,
    );
  });

  it('leaves the series out unless asked', () => {
    const plain = analyzeJson([d.file]);
    expect(Object.keys(plain)).not.toContain('series');
    const { series, ...rest } = doc;
    expect(series).toBeDefined();
    expect(plain).toEqual(rest);
  });
});

describe('analyser inputs', () => {
  let d: Dialogue;
  let reference: ReturnType<typeof analyzeJson>;
  const dir = scratchDir('cues-analyze');
  beforeAll(() => {
    d = buildDialogue(interruptionCall(16000));
    reference = analyzeJson([d.file]);
  });

  it('reads the agent from the right channel with --agent right', () => {
    const swapped = buildDialogue({ ...interruptionCall(16000), layout: 'agent-right' });
    const doc = analyzeJson([swapped.file, '--agent', 'right']);
    expect(doc.agentChannel).toBe('right');
    expect(doc.speech).toEqual(reference.speech);
    expect(doc.cues).toEqual(reference.cues);
    // Read the wrong way round, the parties swap (each side then judged by the other's rules: the agent's
    // close-talk and leak gates, so the boundaries may move by a few frames, never the segments).
    const wrong = analyzeJson([swapped.file]);
    expect(wrong.speech.caller.length).toBe(reference.speech.agent.length);
    wrong.speech.caller.forEach(([s, e]: [number, number], i: number) => {
      expect(Math.abs(s - reference.speech.agent[i][0])).toBeLessThanOrEqual(0.05);
      expect(Math.abs(e - reference.speech.agent[i][1])).toBeLessThanOrEqual(0.1);
    });
  });

  it.each([
    ['24-bit PCM', ['-b', '24']],
    ['32-bit PCM', ['-b', '32']],
    ['32-bit float', ['-b', '32', '-e', 'floating-point']],
  ])('reads %s the same as 16-bit', (label, opts) => {
    const file = path.join(dir, `${label.replace(/\W+/g, '-')}.wav`);
    sox('-D', d.file, ...opts, file);
    const doc = analyzeJson([file]);
    expect(doc.speech.caller.length).toBe(reference.speech.caller.length);
    doc.speech.caller.forEach(([s, e]: [number, number], i: number) => {
      expect(Math.abs(s - reference.speech.caller[i][0])).toBeLessThanOrEqual(0.011);
      expect(Math.abs(e - reference.speech.caller[i][1])).toBeLessThanOrEqual(0.011);
    });
    expect(doc.metrics.cueCounts).toEqual(reference.metrics.cueCounts);
  });

  it.each([8000, 22050, 96000])('analyses a call resampled to %i Hz', (rate) => {
    const file = path.join(dir, `rate-${rate}.wav`);
    sox('-D', d.file, '-r', String(rate), file);
    const doc = analyzeJson([file]);
    expect(doc.sampleRate).toBe(rate);
    expect(doc.overtalk.map((o: { startedBy: string }) => o.startedBy)).toEqual([
      'agent',
      'caller',
    ]);
    expect(doc.speech.agent.length).toBe(reference.speech.agent.length);
  });

  it('analyses a mono file as the caller alone and says so', () => {
    const mono = buildDialogue({ ...interruptionCall(16000), layout: 'mono' });
    const doc = analyzeJson([mono.file]);
    expect(doc.agentChannel).toBeNull();
    expect(doc.note).toBe(MONO_NOTE);
    expect(Object.keys(doc)).toEqual([
      'file',
      'sampleRate',
      'durationSec',
      'agentChannel',
      'note',
      'speech',
      'overtalk',
      'cues',
      'loudness',
      'metrics',
    ]);
    expect(doc.speech.agent).toEqual([]);
    expect(doc.speech.caller).toEqual(reference.speech.caller);
    expect(doc.overtalk).toEqual([]);
    expect(doc.loudness.agent).toEqual({
      integratedLufs: null,
      maxMomentaryLufs: null,
      maxShortTermLufs: null,
      peakDbfs: null,
    });
  });

  it('uses --agent-normal-lufs as the calibration', () => {
    const loudFirst = buildDialogue(raisedVoiceCall(16000, true));
    expect(analyzeJson([loudFirst.file]).metrics.cueCounts['too-loud']).toBe(0);
    expect(
      analyzeJson([loudFirst.file, '--agent-normal-lufs', '-24']).metrics.cueCounts['too-loud'],
    ).toBe(1);
    expect(
      analyzeJson([loudFirst.file, '--agent-normal-lufs=-24']).metrics.cueCounts['too-loud'],
    ).toBe(1);
  });

  it('takes a relative path from where it was run, through npm', () => {
    const rel = path.relative(dir, d.file);
    const r = spawnSync('npm', ['run', '--silent', 'analyze', '--', rel], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).speech).toEqual(reference.speech);
  });
});

describe('analyser bad input: exit 2, one line on stderr, nothing on stdout', () => {
  const dir = scratchDir('cues-analyze-bad');
  let good: string;
  beforeAll(() => {
    good = buildDialogue(interruptionCall(16000)).file;
    writeFileSync(path.join(dir, 'text.wav'), 'hello, I am not audio\n');
    mkdirSync(path.join(dir, 'no-calls'), { recursive: true });
    writeFileSync(path.join(dir, 'empty.wav'), '');
    const bytes = readFileSync(good);
    writeFileSync(path.join(dir, 'cut-header.wav'), bytes.subarray(0, 30));
    writeFileSync(path.join(dir, 'cut-data.wav'), bytes.subarray(0, 20000));
    sox(
      '-n',
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '8',
      '-e',
      'unsigned-integer',
      path.join(dir, 'u8.wav'),
      'synth',
      '0.5',
      'sine',
      '440',
    );
    sox(
      '-n',
      '-r',
      '16000',
      '-c',
      '1',
      '-e',
      'ima-adpcm',
      path.join(dir, 'adpcm.wav'),
      'synth',
      '0.5',
      'sine',
      '440',
    );
    sox('-n', '-r', '16000', '-c', '3', path.join(dir, 'three.wav'), 'synth', '0.5', 'sine', '440');
    sox('-n', '-r', '4000', '-c', '1', path.join(dir, 'r4k.wav'), 'synth', '0.5', 'sine', '440');
    copyFileSync(good, path.join(dir, 'good.wav'));
  });

  it.each([
    ['a missing file', ['missing.wav'], /no such file/],
    ['a folder without calls', ['no-calls'], /a folder with no calls in it/],
    ['a text file', ['text.wav'], /not an audio file we read: it looks like text/],
    ['an empty file', ['empty.wav'], /empty/],
    ['a header cut short', ['cut-header.wav'], /truncated/],
    ['audio cut short', ['cut-data.wav'], /truncated/],
    ['8-bit PCM', ['u8.wav'], /unsupported encoding/i],
    ['IMA ADPCM', ['adpcm.wav'], /unsupported encoding: IMA ADPCM \(format 17\)/i],
    ['three channels', ['three.wav'], /3 channels/],
    ['4 kHz', ['r4k.wav'], /sample rate/i],
    ['no file', [], /no file/i],
    ['the same file twice', ['good.wav', 'good.wav'], /given twice/],
    ['--agent middle', ['good.wav', '--agent', 'middle'], /--agent must be left or right/],
    ['--agent without a value', ['good.wav', '--agent'], /needs a value/],
    ['an unknown flag', ['good.wav', '--loud'], /unknown option --loud/i],
    ['--agent-normal-lufs abc', ['good.wav', '--agent-normal-lufs', 'abc'], /--agent-normal-lufs/],
    ['--agent-normal-lufs 5', ['good.wav', '--agent-normal-lufs', '5'], /between -70 and 0/],
    ['--series=yes', ['good.wav', '--series=yes'], /takes no value/],
  ])('%s', (_label, args, message) => {
    const r = analyze(args, dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).toMatch(/^analyze: /);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
