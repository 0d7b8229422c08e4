/**
 * `analyze` on several calls, as a quality team runs it: the shipped bundle under plain node, on files and
 * folders of generated calls. Each call's JSON line is the document `analyze FILE` prints; a bad file is
 * named and skipped with exit code 3; re-running with the same outputs analyses only what is missing; the
 * CSV summary's columns are the session export's where they mean the same.
 */
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS } from '../../../main/cli/batch/analysis-csv';
import { EXPORT_COLUMN_NAMES } from '../../../main/export/export-columns';
import { renderConversation, scratchDir, type ConversationSpec } from '../../support/test-audio';
import { ensureCliBundle, runNode } from './cli-run';

function call(seed: number): ConversationSpec {
  return {
    sampleRate: 16000,
    durationSec: 9,
    utterances: [
      { channel: 0, at: 0.5, text: 'My internet has been down since Monday.', voice: 'en-us+m3' },
      {
        channel: 1,
        at: 3.6 + seed * 0.2,
        text: 'I am sorry about that. Let me check.',
        voice: 'en-gb+f2',
      },
      { channel: 0, at: 6.5, text: 'Okay. Fine.', voice: 'en-us+m3', gainDb: -seed },
    ],
    noiseDb: [-55, -50],
  };
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as { file: string });
const byFile = <T extends { file: string }>(docs: T[]) =>
  [...docs].sort((a, b) => a.file.localeCompare(b.file));

describe('analyze on several calls', () => {
  const dir = scratchDir('analyze-batch');
  let cli: string;
  const single = new Map<string, unknown>();

  beforeAll(async () => {
    cli = await ensureCliBundle('analyze');
    rmSync(path.join(dir, 'calls'), { recursive: true, force: true });
    mkdirSync(path.join(dir, 'calls/monday'), { recursive: true });
    copyFileSync(renderConversation(call(1)), path.join(dir, 'calls/a.wav'));
    copyFileSync(renderConversation(call(2)), path.join(dir, 'calls/b.wav'));
    copyFileSync(renderConversation(call(3)), path.join(dir, 'calls/monday/c.wav'));
    writeFileSync(path.join(dir, 'calls/notes.txt'), 'not a call, not read\n');
    for (const f of ['calls/a.wav', 'calls/b.wav', 'calls/monday/c.wav']) {
      const r = runNode(cli, [f], dir);
      expect(r.status).toBe(0);
      single.set(f, JSON.parse(r.stdout));
    }
  });

  it('several files: one JSON line each, the same document as analyze FILE', () => {
    const r = runNode(cli, ['calls/a.wav', 'calls/b.wav'], dir);
    expect(r.status).toBe(0);
    const docs = byFile(jsonLines(r.stdout));
    expect(docs).toEqual([single.get('calls/a.wav'), single.get('calls/b.wav')]);
    expect(r.stderr).toMatch(/2 calls: 2 analysed/);
  });

  it('a folder: every call under it, in subfolders too; other files are left alone', () => {
    const r = runNode(cli, ['calls', '--jobs', '2'], dir);
    expect(r.status).toBe(0);
    const docs = byFile(jsonLines(r.stdout));
    expect(docs.map((d) => d.file)).toEqual(['calls/a.wav', 'calls/b.wav', 'calls/monday/c.wav']);
    for (const d of docs) expect(d).toEqual(single.get(d.file));
  });

  it('a bad file is named and skipped; exit code 3; the other calls are analysed', () => {
    const bad = path.join(dir, 'bad');
    rmSync(bad, { recursive: true, force: true });
    mkdirSync(bad);
    copyFileSync(path.join(dir, 'calls/a.wav'), path.join(bad, 'good.wav'));
    writeFileSync(path.join(bad, 'broken.wav'), 'RIFF....WAVEfmt this is not audio');
    const r = runNode(cli, ['bad', 'missing.wav'], dir);
    expect(r.status).toBe(3);
    expect(jsonLines(r.stdout).map((d) => d.file)).toEqual(['bad/good.wav']);
    const lines = r.stderr.split('\n').filter((l) => /^analyze: (bad|missing)/.test(l));
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('bad/broken.wav'))).toBeDefined();
    expect(lines.find((l) => l.includes('missing.wav: no such file'))).toBeDefined();
    expect(r.stderr).toMatch(/3 calls: 1 analysed, 2 could not be read/);
  });

  it('re-running with the same outputs skips the calls already done', () => {
    const out = path.join(dir, 'resume');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const args = ['calls', '--out', 'resume/calls.jsonl', '--csv', 'resume/summary.csv'];
    const first = runNode(cli, ['calls/a.wav', ...args.slice(1)], dir);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('');
    // A write cut short by a crash: the partial record is dropped, not read as a call.
    appendFileSync(path.join(out, 'calls.jsonl'), '{"file":"calls/b.wav","sampleRa');
    const second = runNode(cli, args, dir);
    expect(second.status).toBe(0);
    expect(second.stderr).toMatch(/3 calls: 2 analysed, 1 already done/);
    const third = runNode(cli, args, dir);
    expect(third.status).toBe(0);
    expect(third.stderr).toMatch(/3 calls: 0 analysed, 3 already done/);
    const docs = byFile(jsonLines(readFileSync(path.join(out, 'calls.jsonl'), 'utf8')));
    expect(docs.map((d) => d.file)).toEqual(['calls/a.wav', 'calls/b.wav', 'calls/monday/c.wav']);
    for (const d of docs) expect(d).toEqual(single.get(d.file));
    const csv = readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\r\n');
    expect(csv.filter((l) => l.length > 0)).toHaveLength(4);
  });

  it('the CSV summary: the session export’s column names where they mean the same', () => {
    const r = runNode(cli, ['calls', '--csv', 'summary.csv'], dir);
    rmSync(path.join(dir, 'summary.csv'), { force: true });
    const again = runNode(cli, ['calls', '--csv', 'summary.csv'], dir);
    expect(r.status).toBe(0);
    expect(again.status).toBe(0);
    const text = readFileSync(path.join(dir, 'summary.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l.length > 0);
    const names = header.split(',');
    expect(names).toEqual(SUMMARY_COLUMNS.map((c) => c.name));
    for (const shared of [
      'duration_sec',
      'sample_rate',
      'caller_talk_sec',
      'agent_talk_sec',
      'talk_ratio',
      'overtalk_count',
      'cue_wait_for_pause',
      'caller_integrated_lufs',
      'agent_peak_dbfs',
    ])
      expect(names).toContain(shared);
    expect(names.filter((n) => !EXPORT_COLUMN_NAMES.includes(n))).toEqual([
      'file',
      'agent_channel',
      'note',
      'warnings',
    ]);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const cells = row.split(',');
      const cell = (name: string) => cells[names.indexOf(name)];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const doc = single.get(cell('file')) as any;
      expect(Number(cell('duration_sec'))).toBe(doc.durationSec);
      expect(Number(cell('caller_talk_sec'))).toBe(doc.metrics.callerTalkSec);
      expect(cell('talk_ratio')).toBe(
        doc.metrics.talkRatio === null ? '' : String(doc.metrics.talkRatio),
      );
      expect(Number(cell('cue_your_turn'))).toBe(doc.metrics.cueCounts['your-turn']);
      expect(Number(cell('agent_integrated_lufs'))).toBe(doc.loudness.agent.integratedLufs);
    }
  });

  it('bad flags are refused before anything runs: exit 2, one line', () => {
    for (const args of [
      ['calls', '--jobs', '0'],
      ['calls', '--csv'],
      ['calls', '--csv', 'x.csv', '--out', 'x.csv'],
    ]) {
      const r = runNode(cli, args, dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
