/**
 * The practice scenarios shipped with the app (assets/scenarios/), made from real recorded voices: the
 * Asterisk core sound prompts, taken from Debian's data packages (`apt-get download` + `dpkg -x`, nothing
 * installed; tests/support/debian-packages.ts). Each scenario strings prompts into caller turns, with
 * pauses between them where the agent answers; the real engine cuts the turns (make-scenario.ts) and the
 * scenario's own per-turn gain and pace make the heated waves — louder and faster, then calmer — so the
 * recording itself is played as recorded. The files are written by the scenario codec (scenario-file.ts),
 * with ATTRIBUTION.txt and the packages' copyright file beside them.
 *
 * Run: `npx tsx tests/tools/shipped-scenarios.ts [OUT_DIR]` (default assets/scenarios). The output is the
 * same on every run (the line noise is seeded).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { makeScenario } from '../../renderer/engine/practice/make-scenario';
import { encodeScenario, type Scenario } from '../../renderer/engine/practice/scenario-file';
import { loadClip, realVoicesRoot, speakerFiles, type Speaker } from '../support/real-voices';
import { PROJECT_ROOT, seededRandom } from '../support/test-audio';

const RATE = 8000;
/** Silence kept around a prompt's speech (s), so no word is clipped. */
const LEAD_SEC = 0.08;
const TRAIL_SEC = 0.12;
/** Between two prompts of one turn: well under the engine's 0.8 s pause, so they are one turn. */
const WITHIN_TURN_SEC = 0.35;
/** After a turn: where the recorded caller left room for the agent. */
const BETWEEN_TURNS_SEC = 1.8;
/** The line's own quiet (dBFS): a faint hiss, far under the voice detector's floor. */
const LINE_NOISE_DBFS = -66;
/** The loudest turn's peak after its gain (dBFS): nothing clips when the wave is played. */
const PEAK_DBFS = -1;

interface TurnRecipe {
  /** Prompt names (the file names without .wav), spoken one after another. */
  prompts: string[];
  /** What the prompts say (Asterisk's English text; a translated prompt says the same), for ATTRIBUTION.txt. */
  words: string;
  gainDb: number;
  pace: number;
}

interface ScenarioRecipe {
  file: string;
  title: string;
  speaker: Speaker;
  voice: string;
  /** Who recorded (and translated) the prompts, as the package's copyright file says. */
  rights: string;
  packageName: string;
  credit: string;
  priorities: string[];
  turns: TurnRecipe[];
}

const ALLISON =
  'Allison Smith (theivrvoice.com), Asterisk core sound prompts © 2003-2010 Allison Smith, CC BY-SA 3.0';
const JUNE =
  'June Wallack (junewallack.com), Asterisk core sound prompts in French © 2006-2008 June Wallack, CC BY-SA 3.0';

const RECIPES: readonly ScenarioRecipe[] = [
  {
    file: 'calls-never-get-through-en.calmscenario',
    title: 'My calls never get through (English, one wave)',
    speaker: 'en-allison',
    voice: 'Allison Smith, US English (en_US_f_Allison)',
    rights:
      'Copyright 2003-2010 Allison Smith; recorded by Allison Smith (http://www.theivrvoice.com)',
    packageName: 'asterisk-core-sounds-en-wav',
    credit: `Voice: ${ALLISON} (creativecommons.org/licenses/by-sa/3.0), from Debian's asterisk-core-sounds-en-wav; cut, joined and level-matched for Calm Line.`,
    priorities: ['Get calls to my number through again', 'Say when it will be fixed'],
    turns: [
      {
        prompts: ['hello', 'number-not-answering', 'please-try-call-later'],
        words:
          'Hello. The number you have dialed is not answering. Please try your call again later.',
        gainDb: 0,
        pace: 1,
      },
      {
        prompts: ['all-circuits-busy-now', 'cannot-complete-as-dialed'],
        words: 'All circuits are busy now. Your call cannot be completed as dialed.',
        gainDb: 7,
        pace: 1.1,
      },
      {
        prompts: ['something-terribly-wrong', 'tt-weasels'],
        words: 'Something is terribly wrong. Weasels have eaten our phone system.',
        gainDb: 12,
        pace: 1.2,
      },
      {
        prompts: ['im-sorry', 'please-try-again'],
        words: 'I’m sorry. Please try again.',
        gainDb: -2,
        pace: 0.95,
      },
    ],
  },
  {
    file: 'ligne-en-panne-fr.calmscenario',
    title: 'Ma ligne ne marche plus (français, deux vagues)',
    speaker: 'fr-june',
    voice: 'June Wallack, Canadian French (fr_CA_f_June)',
    rights:
      'Copyright 2006-2008 June Wallack; recorded by June Wallack (http://www.junewallack.com), translated into French by Clod Patry, Kristopher Lalletti and June Wallack',
    packageName: 'asterisk-core-sounds-fr-wav',
    credit: `Voice: ${JUNE} (creativecommons.org/licenses/by-sa/3.0), from Debian's asterisk-core-sounds-fr-wav; cut, joined and level-matched for Calm Line.`,
    priorities: ['Rétablir les appels sur ma ligne', 'Dire quand ce sera réparé'],
    turns: [
      {
        prompts: ['hello', 'all-circuits-busy-now', 'check-number-dial-again'],
        words: 'Hello. All circuits are busy now. Please check the number and dial again.',
        gainDb: 0,
        pace: 1,
      },
      {
        prompts: ['cannot-complete-as-dialed'],
        words: 'Your call cannot be completed as dialed.',
        gainDb: 8,
        pace: 1.15,
      },
      {
        prompts: ['feature-not-avail-line'],
        words: '… this feature is not available on this line.',
        gainDb: -2,
        pace: 0.95,
      },
      {
        prompts: ['something-terribly-wrong', 'tt-weasels'],
        words: 'Something is terribly wrong. Weasels have eaten our phone system.',
        gainDb: 12,
        pace: 1.2,
      },
      {
        prompts: ['im-sorry', 'goodbye'],
        words: 'I’m sorry. Goodbye.',
        gainDb: -3,
        pace: 0.92,
      },
    ],
  },
];

function promptFile(speaker: Speaker, prompt: string): string {
  const file = speakerFiles(speaker).find((f) => path.basename(f) === `${prompt}.wav`);
  if (!file) throw new Error(`${speaker} has no prompt ${prompt}.wav`);
  return file;
}

/** The prompt's speech with a little silence either side, at 0 dBFS active level (real-voices.ts). */
function promptSpeech(speaker: Speaker, prompt: string): Float32Array {
  const clip = loadClip(promptFile(speaker, prompt), RATE);
  if (clip.speech.length === 0) throw new Error(`${prompt}: no speech found`);
  const from = Math.max(0, Math.round((clip.speech[0][0] - LEAD_SEC) * RATE));
  const to = Math.min(
    clip.samples.length,
    Math.round((clip.speech[clip.speech.length - 1][1] + TRAIL_SEC) * RATE),
  );
  return clip.samples.slice(from, to);
}

/** The caller's channel: the turns' prompts with their pauses, scaled so the loudest turn cannot clip. */
function callerChannel(recipe: ScenarioRecipe): {
  audio: Float32Array;
  spans: [number, number][];
} {
  const parts: Float32Array[] = [new Float32Array(Math.round(0.5 * RATE))];
  const spans: [number, number][] = [];
  let at = parts[0].length;
  let peakAfterGain = 0;
  for (const turn of recipe.turns) {
    const start = at;
    turn.prompts.forEach((prompt, i) => {
      if (i > 0) {
        parts.push(new Float32Array(Math.round(WITHIN_TURN_SEC * RATE)));
        at += parts[parts.length - 1].length;
      }
      const speech = promptSpeech(recipe.speaker, prompt);
      const g = Math.pow(10, turn.gainDb / 20);
      for (const v of speech) peakAfterGain = Math.max(peakAfterGain, Math.abs(v) * g);
      parts.push(speech);
      at += speech.length;
    });
    spans.push([start / RATE, at / RATE]);
    parts.push(new Float32Array(Math.round(BETWEEN_TURNS_SEC * RATE)));
    at += parts[parts.length - 1].length;
  }
  const audio = new Float32Array(at);
  let pos = 0;
  for (const p of parts) {
    audio.set(p, pos);
    pos += p.length;
  }
  const scale = Math.pow(10, PEAK_DBFS / 20) / peakAfterGain;
  const noise = Math.pow(10, LINE_NOISE_DBFS / 20) * Math.sqrt(3);
  const random = seededRandom(31);
  for (let i = 0; i < audio.length; i++) audio[i] = audio[i] * scale + (random() * 2 - 1) * noise;
  return { audio, spans };
}

/** The scenario: turns cut by the engine (one per recipe turn, or the recipe is wrong), then its waves. */
function buildScenario(recipe: ScenarioRecipe): Scenario {
  const { audio, spans } = callerChannel(recipe);
  const made = makeScenario(audio, RATE, {
    title: recipe.title,
    priorities: recipe.priorities,
    source: { kind: 'shipped', credit: recipe.credit },
  });
  if (made.turns.length !== recipe.turns.length)
    throw new Error(
      `${recipe.file}: the engine cut ${made.turns.length} turns where the recipe has ${recipe.turns.length}`,
    );
  made.turns.forEach((t, i) => {
    const [from, to] = spans[i];
    if (t.start < from - 0.1 || t.end > to + 0.2)
      throw new Error(
        `${recipe.file}: turn ${i + 1} was cut at ${t.start}–${t.end} s, not in ${from}–${to} s`,
      );
  });
  return {
    ...made,
    turns: made.turns.map((t, i) => ({
      ...t,
      gainDb: recipe.turns[i].gainDb,
      pace: recipe.turns[i].pace,
    })),
  };
}

function debianVersion(root: string, packageName: string): string {
  const changelog = gunzipSync(
    readFileSync(path.join(root, 'usr/share/doc', packageName, 'changelog.Debian.gz')),
  ).toString('utf8');
  const version = /\(([^)]+)\)/.exec(changelog.split('\n')[0])?.[1];
  if (!version) throw new Error(`${packageName}: no version in its changelog`);
  return version;
}

function attribution(root: string, made: { recipe: ScenarioRecipe; scenario: Scenario }[]): string {
  const lines = [
    'Calm Line — the practice scenarios shipped with the app',
    '',
    'These .calmscenario files hold real recorded voices: the Asterisk core sound prompts, licensed under',
    'the Creative Commons Attribution-ShareAlike 3.0 Unported licence (CC BY-SA 3.0,',
    'https://creativecommons.org/licenses/by-sa/3.0/). They were taken from Debian packages with',
    '`apt-get download` and `dpkg -x`; the packages’ copyright file, with the licence’s full text, is',
    'COPYRIGHT-asterisk-core-sounds.txt beside this file.',
    '',
    'Changes made (CC BY-SA 3.0, 4.b): prompts were high-passed at 60 Hz, cut to their speech, joined',
    `into caller turns with pauses, level-matched and given a faint line hiss (${LINE_NOISE_DBFS} dBFS).`,
    'Each turn’s gain and pace (the heated waves) are stored beside the audio and applied when the',
    'rehearsal plays it: the audio keeps the recording’s own pace and pitch. These scenario files are',
    'shared under the same licence, CC BY-SA 3.0.',
    '',
    'The words given for each turn are Asterisk’s English text of its prompts; a translated prompt says',
    'the same in its own language.',
    '',
    'Made by `npx tsx tests/tools/shipped-scenarios.ts` (see the README, "Practice").',
  ];
  for (const { recipe, scenario } of made) {
    lines.push(
      '',
      `${recipe.file} — “${recipe.title}”`,
      `  Voice: ${recipe.voice}`,
      `  Package: ${recipe.packageName} ${debianVersion(root, recipe.packageName)} (Debian), usr/share/asterisk/sounds/`,
      `  ${recipe.rights}`,
      '  Licence: CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)',
      `  ${scenario.sampleRate} Hz mono 16-bit, ${(scenario.audio.length / scenario.sampleRate).toFixed(1)} s, ${scenario.turns.length} caller turns:`,
      ...recipe.turns.map(
        (t, i) =>
          `    ${i + 1}. ${t.prompts.map((p) => `${p}.wav`).join(' + ')} — “${t.words}” (${t.gainDb >= 0 ? '+' : ''}${t.gainDb} dB, pace ${t.pace})`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const out = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'assets/scenarios'));
  mkdirSync(out, { recursive: true });
  const root = realVoicesRoot();
  const made = RECIPES.map((recipe) => ({ recipe, scenario: buildScenario(recipe) }));
  for (const { recipe, scenario } of made) {
    const bytes = encodeScenario(scenario);
    writeFileSync(path.join(out, recipe.file), bytes);
    console.log(
      `${recipe.file}: ${scenario.turns.length} turns, ${(bytes.length / 1024).toFixed(0)} KiB`,
    );
  }
  writeFileSync(path.join(out, 'ATTRIBUTION.txt'), attribution(root, made));
  copyFileSync(
    path.join(root, 'usr/share/doc/asterisk-core-sounds-en-wav/copyright'),
    path.join(out, 'COPYRIGHT-asterisk-core-sounds.txt'),
  );
}

main();
