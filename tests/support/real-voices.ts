/**
 * Real recorded voices for tests, taken from Debian data packages at test time (`apt-get download` +
 * `dpkg -x`: nothing is installed). Speakers: Asterisk's prompt voices (US English and Mexican Spanish
 * "Allison", Canadian French "June", Italian "Carlo", a Russian voice) and pocketsphinx's test
 * recordings (a male US English speaker, a LibriVox reader). Each clip is resampled by sox and cached
 * under .tmp/fixtures/, with where inside it there is speech (its truth).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { extractedDebianPackages } from './debian-packages';
import { PROJECT_ROOT, cachedFixture, readWavFile, runTool, sox } from './test-audio';

const VOICE_DIR = path.join(PROJECT_ROOT, '.tmp/voices');

const PACKAGES = [
  'asterisk-core-sounds-en-wav',
  'asterisk-core-sounds-fr-wav',
  'asterisk-core-sounds-it-wav',
  'asterisk-core-sounds-ru-wav',
  'asterisk-core-sounds-es-wav',
  'pocketsphinx-testdata',
];

export type Speaker =
  'en-allison' | 'es-allison' | 'fr-june' | 'it-carlo' | 'ru-voice' | 'en-male' | 'en-librivox';

const ASTERISK: Partial<Record<Speaker, string>> = {
  'en-allison': 'en_US_f_Allison',
  'es-allison': 'es_MX_f_Allison',
  'fr-june': 'fr_CA_f_June',
  'it-carlo': 'it_IT_m_Carlo',
  'ru-voice': 'ru_RU_f_IvrvoiceRU',
};

/** Extracts the packages once (debian-packages.ts); returns the root. */
export function realVoicesRoot(): string {
  return extractedDebianPackages('voices', PACKAGES, 'Real voices');
}

/** The speaker's recordings (absolute paths), in a fixed order. */
export function speakerFiles(speaker: Speaker): string[] {
  const root = realVoicesRoot();
  const dir = ASTERISK[speaker];
  if (dir) {
    const d = path.join(root, 'usr/share/asterisk/sounds', dir);
    return readdirSync(d)
      .filter((f) => f.endsWith('.wav'))
      .sort()
      .map((f) => path.join(d, f));
  }
  const data = path.join(root, 'usr/share/pocketsphinx/test/data');
  if (speaker === 'en-male')
    return ['goforward.raw', 'numbers.raw', 'something.raw'].map((f) => path.join(data, f));
  const libri = path.join(data, 'librivox');
  return readdirSync(libri)
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((f) => path.join(libri, f));
}

export interface Clip {
  /** Mono samples at the requested rate, scaled so the speech's active level (RMS over speech frames) is 0 dBFS. */
  samples: Float32Array;
  /** Where there is speech inside the clip (s), merged over gaps under 0.15 s. */
  speech: [number, number][];
  /** Seconds from the first speech to the end of the last. */
  speechSec: number;
  source: string;
}

/** One recording resampled to `sampleRate` (mono float) with its truth; cached. */
export function loadClip(file: string, sampleRate: number): Clip {
  const recipe = {
    kind: 'real-voice-clip',
    file: path.relative(VOICE_DIR, file),
    sampleRate,
    v: 1,
  };
  const wav = cachedFixture(recipe, (out) => {
    const input = file.endsWith('.raw')
      ? ['-t', 'raw', '-r', '16000', '-e', 'signed', '-b', '16', '-c', '1', file]
      : [file];
    // -D: no dither, so a recording's digital silence stays digital silence.
    sox(
      '-D',
      ...input,
      '-r',
      String(sampleRate),
      '-b',
      '32',
      '-e',
      'floating-point',
      '-c',
      '1',
      out,
      'highpass',
      '60',
    );
  });
  const samples = readWavFile(wav).channels[0];
  const speech = speechInClip(samples, sampleRate);
  const active = activeLevelDb(samples, sampleRate, speech);
  const g = Math.pow(10, -active / 20);
  for (let i = 0; i < samples.length; i++) samples[i] *= g;
  const speechSec = speech.length ? speech[speech.length - 1][1] - speech[0][0] : 0;
  return { samples, speech, speechSec, source: path.basename(file) };
}

/**
 * Truth inside a clean recording: 10 ms frames whose energy is within 35 dB of the clip's loudest frame
 * and 15 dB above its quietest tenth, merged over gaps under 0.15 s, islands under 40 ms dropped. These
 * studio prompts have near-silent backgrounds, so this is where the voice is.
 */
export function speechInClip(x: Float32Array, sampleRate: number): [number, number][] {
  const frame = Math.round(sampleRate / 100);
  const n = Math.floor(x.length / frame);
  const db = new Float64Array(n);
  for (let f = 0; f < n; f++) {
    let s = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) s += x[i] * x[i];
    db[f] = 10 * Math.log10(s / frame + 1e-20);
  }
  const sorted = Array.from(db).sort((a, b) => a - b);
  const floor = sorted[Math.floor(n * 0.1)] ?? -200;
  const peak = sorted[n - 1] ?? -200;
  const threshold = Math.max(peak - 35, floor + 15);
  const out: [number, number][] = [];
  for (let f = 0; f < n; f++) {
    if (db[f] <= threshold) continue;
    const start = f / 100;
    const end = (f + 1) / 100;
    const last = out[out.length - 1];
    if (last && start - last[1] < 0.15) last[1] = end;
    else out.push([start, end]);
  }
  return out.filter(([a, b]) => b - a >= 0.04);
}

function activeLevelDb(x: Float32Array, sampleRate: number, speech: [number, number][]): number {
  let s = 0;
  let n = 0;
  for (const [a, b] of speech) {
    for (
      let i = Math.round(a * sampleRate);
      i < Math.min(x.length, Math.round(b * sampleRate));
      i++
    ) {
      s += x[i] * x[i];
      n++;
    }
  }
  return n > 0 ? 10 * Math.log10(s / n) : 0;
}

/** The first `limit` clips of `speaker` whose speech lasts between minSec and maxSec, in a fixed order. */
export function speakerClips(
  speaker: Speaker,
  sampleRate: number,
  minSec: number,
  maxSec: number,
  limit = 24,
): Clip[] {
  const out: Clip[] = [];
  for (const f of speakerFiles(speaker)) {
    const c = loadClipQuick(f, sampleRate, minSec, maxSec);
    if (c) out.push(c);
    if (out.length >= limit) break;
  }
  return out;
}

const sizeCache = new Map<string, number>();

/** Skips files whose duration cannot fit before decoding them (soxi is cheap). */
function loadClipQuick(
  file: string,
  sampleRate: number,
  minSec: number,
  maxSec: number,
): Clip | null {
  let dur = sizeCache.get(file);
  if (dur === undefined) {
    dur = file.endsWith('.raw') ? 0 : Number(runTool('soxi', ['-D', file]).stdout.trim());
    sizeCache.set(file, dur);
  }
  if (dur !== 0 && (dur < minSec || dur > maxSec + 1.5)) return null;
  const c = loadClip(file, sampleRate);
  return c.speechSec >= minSec && c.speechSec <= maxSec ? c : null;
}
