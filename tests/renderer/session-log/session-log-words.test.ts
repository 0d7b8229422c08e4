/**
 * The session log in words (renderer/src/session-log/): the search box and filters become the host's
 * query, the collapsed filter panel counts what is set, a row says where its follow-up stands, and a
 * correction reads as "field before → after" with the wrap-up's own labels.
 */
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTERS,
  LOG_PAGE_SIZE,
  activeFilterCount,
  sessionQueryOf,
} from '../../../renderer/src/session-log/log-query';
import { changeText } from '../../../renderer/src/session-log/edit-history';
import {
  escalationText,
  followUpText,
  formatDay,
  resolutionText,
} from '../../../renderer/src/session-log/session-format';
import { sessionQuerySchema } from '../../../preload/contract/session-ipc-schema';
import { intlForLocale } from '../../support/intl-for-locale';

describe("the log's query", () => {
  it('asks for the first page of everything when nothing is set', () => {
    expect(sessionQueryOf(EMPTY_FILTERS, 0)).toEqual({ offset: 0, limit: LOG_PAGE_SIZE });
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
  });

  it('searches the words typed without the spaces around them, with each filter set', () => {
    const filters = {
      ...EMPTY_FILTERS,
      text: '  refund  ',
      from: '2026-11-01',
      resolution: 'none' as const,
      followUp: 'overdue' as const,
    };
    const query = sessionQueryOf(filters, 40);
    expect(query).toEqual({
      offset: 40,
      limit: LOG_PAGE_SIZE,
      text: 'refund',
      from: '2026-11-01',
      resolution: 'none',
      followUp: 'overdue',
    });
    expect(sessionQuerySchema.safeParse(query).success).toBe(true);
    expect(activeFilterCount(filters)).toBe(3);
  });

  it('cuts a pasted page of text to a search the host accepts', () => {
    const query = sessionQueryOf({ ...EMPTY_FILTERS, text: 'word '.repeat(400) }, 0);
    expect(query.text).toHaveLength(500);
    expect(sessionQuerySchema.safeParse(query).success).toBe(true);
  });
});

describe("a row's words", () => {
  it('say the resolution and escalation as the wrap-up does, and nothing for no escalation', () => {
    expect(resolutionText('partly')).toBe('Partly resolved');
    expect(resolutionText(null)).toBe('No resolution');
    expect(escalationText('handed-off')).toBe('Handed to a colleague');
    expect(escalationText('none')).toBe('');
  });

  it('say where the follow-up stands on the day asked about', () => {
    const today = '2026-12-06';
    expect(followUpText({ followUpDate: null, followUpDone: false }, today)).toBe('No follow-up');
    expect(followUpText({ followUpDate: today, followUpDone: false }, today)).toBe(
      'Follow-up due today',
    );
    expect(followUpText({ followUpDate: '2026-12-01', followUpDone: false }, today)).toBe(
      `Follow-up overdue since ${formatDay('2026-12-01')}`,
    );
    expect(followUpText({ followUpDate: '2026-12-01', followUpDone: true }, today)).toBe(
      `Follow-up done (${formatDay('2026-12-01')})`,
    );
    expect(followUpText({ followUpDate: '2026-12-20', followUpDone: false }, today)).toBe(
      `Follow-up ${formatDay('2026-12-20')}`,
    );
  });
});

describe('a correction in the history', () => {
  it('reads with the wrap-up’s labels, yes/no and (none)', () => {
    expect(changeText({ field: 'resolution', before: 'partly', after: 'resolved' })).toBe(
      'resolution Partly resolved → Resolved',
    );
    expect(
      changeText({ field: 'escalation.kind', before: 'none', after: 'manager-requested' }),
    ).toBe('escalation None → Manager requested');
    expect(changeText({ field: 'apologyGiven', before: 'false', after: 'true' })).toBe(
      'apology given no → yes',
    );
    expect(changeText({ field: 'caseReference', before: '', after: 'CASE-4711' })).toBe(
      'case reference (none) → “CASE-4711”',
    );
  });

  it('shortens long notes so one correction stays one line', () => {
    const text = changeText({ field: 'notes', before: '', after: 'n'.repeat(300) });
    expect(text).toBe(`notes (none) → “${'n'.repeat(59)}…”`);
  });

  it('reads in the agent’s language, with its quotes and the wrap-up’s own words', () => {
    const fr = intlForLocale('fr');
    expect(changeText({ field: 'resolution', before: 'partly', after: 'resolved' }, fr)).toBe(
      'résolution Résolu en partie → Résolu',
    );
    expect(changeText({ field: 'caseReference', before: '', after: 'CASE-4711' }, fr)).toBe(
      'référence du dossier (vide) → « CASE-4711 »',
    );
    expect(
      followUpText({ followUpDate: '2026-12-01', followUpDone: false }, '2026-12-06', fr),
    ).toBe('Suivi en retard depuis le 1 déc. 2026');
    expect(resolutionText(null, intlForLocale('de'))).toBe('Ohne Lösung');
  });
});
