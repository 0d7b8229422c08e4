import { describe, expect, it } from 'vitest';
import { parseCallEventJson } from '../../preload/domain/call-event';
import {
  callEventUrl,
  findCallEventInArgv,
  parseCallArgs,
  parseCallUrl,
} from '../../preload/domain/call-event-args';
import { keptCallerNumber } from '../../preload/domain/caller-number';

describe('call event arguments', () => {
  it('reads an event with its fields, in any order, with --x=y too', () => {
    expect(
      parseCallArgs(['start', '--id', 'abc@pbx', '--ref', 'CASE-1', '--from', '+44 20 7946']),
    ).toEqual({
      ok: true,
      event: { kind: 'start', id: 'abc@pbx', ref: 'CASE-1', from: '+44 20 7946' },
    });
    expect(parseCallArgs(['--data-dir', '/d', '--ref=Fall Nr. 7', 'end'])).toEqual({
      ok: true,
      event: { kind: 'end', ref: 'Fall Nr. 7' },
      dataDir: '/d',
    });
  });

  it('takes an empty softphone variable as unknown, not as an error', () => {
    expect(parseCallArgs(['start', '--from', '', '--ref', ' '])).toEqual({
      ok: true,
      event: { kind: 'start' },
    });
  });

  it.each([
    [[], 'No call event given'],
    [['ring'], 'Unknown call event "ring"'],
    [['start', 'end'], 'Unexpected argument "end"'],
    [['start', '--id'], '--id needs a value'],
    [['start', '--ref', 'a;rm -rf /'], '--ref "a;rm -rf /" has characters other than'],
    [['start', '--id', 'x'.repeat(129)], '--id is longer than 128'],
    [['start', '--from', '$(reboot)'], '--from "$(reboot)" has characters other than'],
    [['start', '--colour', 'red'], 'Unknown option "--colour"'],
    [['start', '--ref', 'A', '--ref', 'B'], '--ref is given twice'],
    [['start', '--ref', 'line\nbreak'], 'has characters other than'],
  ])('refuses %j in one line', (argv, message) => {
    const parsed = parseCallArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(message);
      expect(parsed.message).not.toContain('\n');
    }
  });
});

describe('calm-line:// links and the desktop command line', () => {
  it('reads calm-line://call/start?id=…&ref=… and round-trips what Settings shows', () => {
    const event = { kind: 'start', id: 'c1', ref: 'CASE 9' } as const;
    expect(parseCallUrl(callEventUrl(event))).toEqual({ ok: true, event });
    expect(parseCallUrl('calm-line://call/hold')).toEqual({ ok: true, event: { kind: 'hold' } });
  });

  it.each([
    ['https://call/start', 'Not a calm-line:// link'],
    ['calm-line://settings/open', 'Unknown calm-line link'],
    ['calm-line://call/start/now', 'Unknown calm-line link'],
    ['calm-line://call/start?cmd=calc.exe', 'Unknown parameter "cmd"'],
    ['calm-line://call/start?ref=%3Cscript%3E', 'has characters other than'],
    ['calm-line://call/explode', 'Unknown call event "explode"'],
    ['not a url', 'Not a link'],
  ])('refuses %s in one line', (url, message) => {
    const parsed = parseCallUrl(url);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('finds the event in Electron argv: a link anywhere, or --call KIND …; none in a normal start', () => {
    expect(findCallEventInArgv(['/opt/Calm Line/calm-line', 'calm-line://call/end?id=7'])).toEqual({
      ok: true,
      event: { kind: 'end', id: '7' },
    });
    expect(findCallEventInArgv(['calm-line', '--call', 'start', '--ref', 'X-1'])).toEqual({
      ok: true,
      event: { kind: 'start', ref: 'X-1' },
    });
    expect(findCallEventInArgv(['calm-line', '--no-sandbox'])).toBeNull();
  });

  it('1,000 fuzzed links: none throws, each gets an event or one line', () => {
    let seed = 16;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pieces = [
      'calm-line://',
      'calm-line:',
      'call/',
      'start',
      'end',
      'hold',
      '?',
      '&',
      '=',
      'id',
      'ref',
      'from',
      '%',
      '%00',
      '%E2%80%AE',
      '\u202e',
      '../',
      '//',
      '#',
      ';',
      '$(id)',
      '`',
      '"',
      "'",
      '<',
      '>',
      '\n',
      '\u0000',
      'é',
      '🙂',
      ' ',
      '+',
      '\\',
      'A'.repeat(300),
      '%%',
      '@',
      ':',
      'javascript:',
    ];
    const seen = { ok: 0, refused: 0 };
    for (let i = 0; i < 1000; i++) {
      let url = i % 3 === 0 ? 'calm-line://call/' : '';
      const n = 1 + Math.floor(rand() * 12);
      for (let j = 0; j < n; j++) url += pieces[Math.floor(rand() * pieces.length)];
      const parsed = parseCallUrl(url);
      if (parsed.ok) {
        seen.ok++;
        expect('event' in parsed).toBe(true);
      } else {
        seen.refused++;
        expect(parsed.message.length).toBeGreaterThan(0);
        expect(parsed.message.length).toBeLessThan(300);
        expect(parsed.message).not.toMatch(/[\n\r]/);
      }
      expect(() => findCallEventInArgv(['calm-line', url])).not.toThrow();
    }
    expect(seen.ok + seen.refused).toBe(1000);
    expect(seen.refused).toBeGreaterThan(500);
  });
});

describe('the endpoint body', () => {
  it('takes {kind, id, ref, from} and nothing else', () => {
    expect(parseCallEventJson({ kind: 'mark' })).toEqual({ ok: true, event: { kind: 'mark' } });
    expect(parseCallEventJson({ kind: 'mark', token: 'x' })).toMatchObject({ ok: false });
    expect(parseCallEventJson({ kind: 'start', id: 7 })).toMatchObject({
      ok: false,
      message: '--id must be text.',
    });
    expect(parseCallEventJson([1])).toMatchObject({ ok: false });
    expect(parseCallEventJson(null)).toMatchObject({ ok: false });
  });
});

describe('caller number privacy', () => {
  it('keeps nothing by default, the last 4 digits, or all', () => {
    expect(keptCallerNumber('+44 20 7946 0321', 'none')).toBeNull();
    expect(keptCallerNumber('+44 20 7946 0321', 'last4')).toBe('…0321');
    expect(keptCallerNumber('+44 20 7946 0321', 'all')).toBe('+44 20 7946 0321');
    expect(keptCallerNumber('anonymous', 'last4')).toBeNull();
    expect(keptCallerNumber(null, 'all')).toBeNull();
  });
});
