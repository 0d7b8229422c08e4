import { describe, expect, it } from 'vitest';
import type { FollowUpRow } from '../../../preload/contract/follow-up-ipc-schema';
import {
  byWhenText,
  channelText,
  emptySectionText,
  promisedText,
  toWhomText,
} from '../../../renderer/src/follow-ups/follow-up-words';
import { intlForLocale } from '../../support/intl-for-locale';

const row = (patch: Partial<FollowUpRow> = {}): FollowUpRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  agent: 'Ana Souza',
  startedAt: '2026-11-20T09:00:00.000Z',
  date: '2026-12-05',
  channel: 'email',
  promised: ['Refund the June invoice', 'Send the tracking number'],
  caseReference: 'CASE-4821',
  caller: null,
  resolution: 'pending',
  ...patch,
});

describe('a follow-up in words', () => {
  it('says what was promised, to whom and through which channel', () => {
    expect(promisedText(row())).toBe('Refund the June invoice; Send the tracking number');
    expect(promisedText(row({ promised: [] }))).toMatch(/^No next step written down/);
    expect(toWhomText(row())).toBe('To the customer on CASE-4821');
    expect(toWhomText(row({ caseReference: '', caller: '…1234' }))).toBe(
      'To the customer (no case reference), number …1234',
    );
    expect(channelText('call')).toBe('Through a phone call');
  });

  it('by when, with the days counted in words: "1 day", "2 days", today', () => {
    expect(byWhenText(row({ date: '2026-12-05' }), '2026-12-06')).toMatch(/ — 1 day overdue$/);
    expect(byWhenText(row({ date: '2026-12-04' }), '2026-12-06')).toMatch(/ — 2 days overdue$/);
    expect(byWhenText(row({ date: '2026-12-06' }), '2026-12-06')).toBe('By today');
    expect(byWhenText(row({ date: '2026-12-07' }), '2026-12-06')).toMatch(/ — in 1 day$/);
  });

  it('an empty section says what to do', () => {
    expect(emptySectionText('upcoming', false)).toContain('Follow-up step');
    expect(emptySectionText('overdue', true)).toContain('Clear the filters');
  });

  it('in the agent’s language: the locale’s date, its relative days and its plurals', () => {
    const es = intlForLocale('es');
    expect(byWhenText(row({ date: '2026-12-04' }), '2026-12-06', es)).toBe(
      'Para el 4 dic 2026 — 2 días de retraso',
    );
    expect(byWhenText(row({ date: '2026-12-07' }), '2026-12-06', es)).toBe(
      'Para el 7 dic 2026 — dentro de 1 día',
    );
    const de = intlForLocale('de');
    expect(byWhenText(row({ date: '2026-12-05' }), '2026-12-06', de)).toBe(
      'Bis 5. Dez. 2026 — 1 Tag überfällig',
    );
    expect(byWhenText(row({ date: '2026-12-09' }), '2026-12-06', de)).toBe(
      'Bis 9. Dez. 2026 — in 3 Tagen',
    );
    expect(channelText('letter', intlForLocale('fr'))).toBe('Par courrier');
    expect(toWhomText(row(), intlForLocale('pt-BR'))).toBe('Para o cliente do caso CASE-4821');
  });
});
