/**
 * The command-line programs in the language of the person running them (LC_ALL, LC_MESSAGES, LANG), as
 * a French or German agent sees them: usage, errors and summaries in their language, the same exit codes,
 * and what scripts read — the analysis documents, the export files — byte for byte the English run's.
 * French writes a no-break space (\u00a0) before its colons and inside « ».
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { environmentLanguages, cliText } from '../../../main/i18n/main-locale';
import { runAudio } from '../../../main/cli/audio';
import { runCall } from '../../../main/cli/call';
import { openSessionRepository } from '../../../main/sessions/session-repository';
import { makeSessions } from '../../support/session-factory';
import { renderConversation } from '../../support/test-audio';
import { tempDirs } from '../support/temp-dirs';
import { ensureCliBundle, languageEnv, runNode } from './cli-run';

const FRENCH = languageEnv('fr_FR.UTF-8');
const ENGLISH = languageEnv('C.UTF-8');
const dirs = tempDirs('cli-language');

describe('which language a program speaks', () => {
  it('takes LC_ALL, then LC_MESSAGES, then LANG; C and POSIX are English', () => {
    expect(environmentLanguages({ LANG: 'fr_FR.UTF-8' })).toEqual(['fr_FR']);
    expect(environmentLanguages({ LC_ALL: 'de_AT.UTF-8@euro', LANG: 'fr_FR.UTF-8' })).toEqual([
      'de_AT',
    ]);
    expect(environmentLanguages({ LC_ALL: '', LC_MESSAGES: 'pt_BR', LANG: 'C' })).toEqual([
      'pt_BR',
    ]);
    expect(environmentLanguages({ LANG: 'C.UTF-8' })).toEqual([]);
    expect(cliText({ LANG: 'pt_PT.UTF-8' }).locale).toBe('pt-BR');
    expect(cliText({ LANG: 'ja_JP.UTF-8' }).locale).toBe('en');
    expect(cliText({ LC_ALL: 'POSIX', LANG: 'de_DE.UTF-8' }).locale).toBe('en');
  });
});

describe('analyze in French', () => {
  let analyze: string;
  let callFile: string;
  beforeAll(async () => {
    analyze = await ensureCliBundle('analyze');
    callFile = renderConversation({
      sampleRate: 16000,
      durationSec: 4,
      utterances: [{ channel: 0, at: 0.5, text: 'Where is my parcel?', voice: 'en-us+m3' }],
      noiseDb: [-55, -50],
    });
  });

  it('says what is wrong in French, with the same exit code', () => {
    const fr = runNode(analyze, [callFile, '--agent', 'middle'], dirs.make(), FRENCH);
    const en = runNode(analyze, [callFile, '--agent', 'middle'], dirs.make(), ENGLISH);
    expect(fr.status).toBe(2);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe('analyze: --agent must be left or right, not "middle".\n');
    expect(fr.stderr).toBe(
      'analyze: --agent doit valoir left ou right, pas «\u00a0middle\u00a0».\n',
    );
    const missing = runNode(analyze, [], dirs.make(), FRENCH);
    expect(missing.stderr).toMatch(/^analyze: Aucun fichier indiqué\. utilisation\u00a0: npm run/);
  });

  it('says why a call file cannot be read in French, with the same exit code and nothing on stdout', () => {
    const cwd = dirs.make();
    fs.writeFileSync(path.join(cwd, 'cut.wav'), fs.readFileSync(callFile).subarray(0, 30));
    const fr = runNode(analyze, ['cut.wav'], cwd, FRENCH);
    const en = runNode(analyze, ['cut.wav'], cwd, ENGLISH);
    expect([fr.status, en.status]).toEqual([2, 2]);
    expect([fr.stdout, en.stdout]).toEqual(['', '']);
    expect(en.stderr).toBe(
      'analyze: cut.wav: the WAV header is truncated: the file ends inside its fmt chunk.\n',
    );
    expect(fr.stderr).toBe(
      'analyze: cut.wav\u00a0: l’en-tête WAV est tronqué\u00a0: le fichier s’arrête dans son bloc fmt.\n',
    );
    // In a batch (a worker thread per call) too; the CSV and the JSON lines are the English run's.
    const batch = (env: NodeJS.ProcessEnv, csv: string) =>
      runNode(analyze, [callFile, 'cut.wav', '--csv', csv, '--jobs', '1'], cwd, env);
    const frBatch = batch(FRENCH, 'fr.csv');
    const enBatch = batch(ENGLISH, 'en.csv');
    expect([frBatch.status, enBatch.status]).toEqual([3, 3]);
    expect(frBatch.stdout).toBe(enBatch.stdout);
    expect(fs.readFileSync(path.join(cwd, 'fr.csv'))).toEqual(
      fs.readFileSync(path.join(cwd, 'en.csv')),
    );
    expect(frBatch.stderr).toContain(
      'analyze: cut.wav\u00a0: l’en-tête WAV est tronqué\u00a0: le fichier s’arrête dans son bloc fmt.\n',
    );
  });

  it('prints the same analysis document, byte for byte, and a French summary of a batch', () => {
    const cwd = dirs.make();
    const fr = runNode(analyze, [callFile], cwd, FRENCH);
    const en = runNode(analyze, [callFile], cwd, ENGLISH);
    expect(fr.status).toBe(0);
    expect(fr.stdout).toBe(en.stdout);
    expect(JSON.parse(fr.stdout)).toHaveProperty('file');

    const batch = (env: NodeJS.ProcessEnv, csv: string) =>
      runNode(analyze, [callFile, 'nowhere.wav', '--csv', csv, '--jobs', '1'], cwd, env);
    const frBatch = batch(FRENCH, 'fr.csv');
    const enBatch = batch(ENGLISH, 'en.csv');
    expect(frBatch.status).toBe(3);
    expect(enBatch.status).toBe(3);
    expect(frBatch.stdout).toBe(enBatch.stdout);
    expect(fs.readFileSync(path.join(cwd, 'fr.csv'))).toEqual(
      fs.readFileSync(path.join(cwd, 'en.csv')),
    );
    expect(frBatch.stderr).toContain('analyze: nowhere.wav\u00a0: fichier introuvable.\n');
    expect(frBatch.stderr).toMatch(
      /analyze: 2 appels\u00a0: 1 analysé, 1 illisible \(\d+,\d s\)\n$/,
    );
    expect(enBatch.stderr).toMatch(
      /analyze: 2 calls: 1 analysed, 1 could not be read \(\d+\.\d s\)\n$/,
    );
  });
});

describe('export in French', () => {
  let exportCli: string;
  let dataDir: string;
  beforeAll(async () => {
    exportCli = await ensureCliBundle('export');
    dataDir = dirs.make();
    openSessionRepository({ dataDir }).saveMany(
      makeSessions(40, { seed: 7, fromDay: '2026-02-01', days: 10 }),
    );
  });
  const range = ['--from', '2026-02-01', '--to', '2026-02-28'];

  it('writes the same files and says what it did in French', () => {
    const outDir = dirs.make();
    const run = (env: NodeJS.ProcessEnv, format: string, name: string) =>
      runNode(
        exportCli,
        [...range, '--format', format, '--out', path.join(outDir, name), '--data-dir', dataDir],
        outDir,
        env,
      );
    const fr = run(FRENCH, 'csv', 'fr.csv');
    const en = run(ENGLISH, 'csv', 'en.csv');
    expect([fr.status, en.status]).toEqual([0, 0]);
    const bytes = (name: string) => fs.readFileSync(path.join(outDir, name));
    expect(bytes('fr.csv')).toEqual(bytes('en.csv'));
    expect(fr.stdout).toMatch(
      /^40 sessions exportées \(du 2026-02-01 au 2026-02-28\) en CSV vers .*fr\.csv \(\d+ octets\)\.\n$/,
    );
    expect(en.stdout).toMatch(/^Exported 40 sessions \(2026-02-01 to 2026-02-28\) as CSV/);

    // JSON: the same document but for the moment it was exported.
    expect(run(FRENCH, 'json', 'fr.json').status).toBe(0);
    expect(run(ENGLISH, 'json', 'en.json').status).toBe(0);
    const json = (name: string) =>
      bytes(name)
        .toString('utf8')
        .replace(/"exportedAt":\s*"[^"]*"/, '"exportedAt":"…"');
    expect(json('fr.json')).toBe(json('en.json'));
  });

  it('refuses bad flags in French, with exit code 2 and one line', () => {
    const r = runNode(
      exportCli,
      [...range, '--format', 'pdf', '--out', 'x.pdf'],
      dirs.make(),
      FRENCH,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('--format doit valoir csv, json, xlsx, pas «\u00a0pdf\u00a0».\n');
  });
});

describe('audio and call in German and French', () => {
  it('audio --help in German', async () => {
    let said = '';
    const code = await runAudio(
      ['--help'],
      undefined,
      (t) => (said += t),
      () => undefined,
      cliText({ LANG: 'de_DE.UTF-8' }),
    );
    expect(code).toBe(0);
    expect(said).toMatch(/^Aufruf: npm run --silent audio -- setup \[--sink NAME\]/);
    expect(said).toContain('Exit-Codes: 0 erledigt');
  });

  it('call: the same exit codes, the lines in French', async () => {
    const empty = dirs.make();
    const fr = await runCall(['start', '--data-dir', empty], { LANG: 'fr_FR.UTF-8' });
    const en = await runCall(['start', '--data-dir', empty], { LANG: 'C' });
    expect(fr.code).toBe(en.code);
    expect(fr.line).toBe(`Calm Line n’est pas lancé (pas de call-events.json dans ${empty}).`);
    expect(en.line).toBe(`Calm Line is not running (no call-events.json in ${empty}).`);
    const badFr = await runCall(['start', '--colour', 'red'], { LANG: 'fr_FR.UTF-8' });
    const badEn = await runCall(['start', '--colour', 'red'], { LANG: 'C' });
    expect([badFr.code, badEn.code]).toEqual([2, 2]);
    expect(badEn.line).toMatch(/^Unknown option "--colour"\. Usage: call /);
    expect(badFr.line).toMatch(/^Option inconnue\u00a0: "--colour"\. Utilisation\u00a0: call /);
    expect((await runCall(['--help'], { LANG: 'fr_CA.UTF-8' })).line).toMatch(
      /^Utilisation\u00a0: call /,
    );
  });
});
