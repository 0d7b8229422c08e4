import { describe, expect, it } from 'vitest';
import { parseCallEventJson } from '../../../preload/domain/call-event';
import {
  callEventUrl,
  findCallEventInArgv,
  parseCallArgs,
  parseCallUrl,
} from '../../../preload/domain/call-event-args';
import { keptCallerNumber } from '../../../preload/domain/caller-number';

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
    [['start', '--colour', 'red'], 'Unknown option "--colour"'],
    [['start', '--ref', 'A', '--ref', 'B'], '--ref is given twice'],
    [["'/home/me/Calm", "Line'", 'start'], 'Unexpected argument'],
  ])('refuses %j in one line (the event word and the options only)', (argv, message) => {
    const parsed = parseCallArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(message);
      expect(parsed.message).not.toContain('\n');
    }
  });

  it.each([
    [['start', '--ref', 'a;rm -rf /'], 'ref', '--ref "a;rm -rf /" has characters other than'],
    [['start', '--id', 'x'.repeat(129)], 'id', '--id is longer than 128'],
    [['start', '--from', 'x'.repeat(41)], 'from', '--from is longer than 40'],
    [['start', '--ref', 'line\nbreak'], 'ref', 'has characters other than'],
    [['start', '--from', 'bell\u0007'], 'from', 'has characters other than'],
    [['start', '--id', 'two words@pbx'], 'id', 'has characters other than'],
  ])('drops the odd field of %j with a note, never the event', (argv, field, note) => {
    const parsed = parseCallArgs(argv);
    expect(parsed).toMatchObject({ ok: true, event: { kind: 'start' } });
    if (!parsed.ok || !('event' in parsed)) return;
    expect(parsed.event).not.toHaveProperty(field);
    expect(parsed.dropped).toHaveLength(1);
    expect(parsed.dropped?.[0]).toContain(note);
    expect(parsed.dropped?.[0]).toMatch(/dropped\.$/);
    expect(parsed.dropped?.[0]).not.toMatch(/[\n\r]/);
    expect(parsed.dropped?.[0]).not.toContain(String.fromCharCode(7));
  });

  it('keeps the good fields beside a dropped one', () => {
    expect(parseCallArgs(['start', '--id', 'c1@pbx', '--ref', '<b>', '--from', '+44 1'])).toEqual({
      ok: true,
      event: { kind: 'start', id: 'c1@pbx', from: '+44 1' },
      dropped: [
        '--ref "<b>" has characters other than letters, digits, spaces and . _ : / # + -: dropped.',
      ],
    });
  });

  it.each([
    'abc@[2001:db8::1]',
    'a84f2c@pbx.example',
    '3c2a8e1b-77f0-4d5e@10.0.0.1',
    'odd!%*_+`\'~()<>:\\"/[]?{}@host',
    'cewpwshdpaoyure@vm',
  ])('takes the RFC 3261 Call-ID %s', (id) => {
    expect(parseCallArgs(['end', '--id', id])).toEqual({ ok: true, event: { kind: 'end', id } });
  });

  it.each(['john_doe', 'anonymous', 'sip:alice@example.com', 'Müller, Anna', '+44 20 7946 0321'])(
    'keeps the caller %s as text (numbers or not)',
    (from) => {
      expect(parseCallArgs(['start', '--from', from])).toEqual({
        ok: true,
        event: { kind: 'start', from },
      });
    },
  );
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
    ['calm-line://call/explode', 'Unknown call event "explode"'],
    ['not a url', 'Not a link'],
  ])('refuses %s in one line', (url, message) => {
    const parsed = parseCallUrl(url);
    expect(parsed).toMatchObject({ ok: false });
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });

  it('drops an odd value in a link with a note, and starts the call', () => {
    expect(parseCallUrl('calm-line://call/start?id=7&ref=%3Cscript%3E')).toMatchObject({
      ok: true,
      event: { kind: 'start', id: '7' },
      dropped: [expect.stringContaining('--ref "<script>" has characters other than')],
    });
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
    expect(parseCallEventJson({ kind: 'start', id: 7 })).toEqual({
      ok: true,
      event: { kind: 'start' },
      dropped: ['--id dropped: it must be text.'],
    });
    expect(parseCallEventJson({ kind: 'reboot', id: 'x' })).toMatchObject({ ok: false });
    expect(parseCallEventJson([1])).toMatchObject({ ok: false });
    expect(parseCallEventJson(null)).toMatchObject({ ok: false });
  });

  it("lists the sender's own notes (cut, no control characters) before its own", () => {
    expect(
      parseCallEventJson({
        kind: 'end',
        ref: '<b>',
        dropped: ['--from "x\u0007" has characters other than …: dropped.', 7, 'n'.repeat(500)],
      }),
    ).toEqual({
      ok: true,
      event: { kind: 'end' },
      dropped: [
        '--from "x " has characters other than …: dropped.',
        'n'.repeat(200),
        expect.stringContaining('--ref "<b>"'),
      ],
    });
  });
});

describe('caller number privacy', () => {
  it('keeps nothing by default, the last 4 digits, or all', () => {
    expect(keptCallerNumber('+44 20 7946 0321', 'none')).toBeNull();
    expect(keptCallerNumber('+44 20 7946 0321', 'last4')).toBe('…0321');
    expect(keptCallerNumber('+44 20 7946 0321', 'all')).toBe('+44 20 7946 0321');
    expect(keptCallerNumber('anonymous', 'last4')).toBeNull();
    expect(keptCallerNumber(null, 'all')).toBeNull();
    // A SIP user part kept as text: whole only when the user keeps all of it.
    expect(keptCallerNumber('john_doe', 'none')).toBeNull();
    expect(keptCallerNumber('john_doe', 'last4')).toBeNull();
    expect(keptCallerNumber('john_doe', 'all')).toBe('john_doe');
  });
});
