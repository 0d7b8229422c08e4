/**
 * The Practice screen's scenario order: the agent's own first as the host lists them, then the shipped
 * ones in the page's language, then the other shipped ones.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioSummary } from '../../../preload/contract/practice-schema';
import { orderScenarios } from '../../../renderer/src/practice/scenario-order';

const scenario = (title: string, shipped: boolean, language?: string): ScenarioSummary => ({
  id: title,
  title,
  turns: 3,
  durationSec: 30,
  sampleRate: 16_000,
  priorities: [],
  source: { kind: shipped ? 'shipped' : 'call-file', credit: '' },
  addedAt: '2026-12-01T10:00:00Z',
  shipped,
  ...(language ? { language } : {}),
});

const LISTED = [
  scenario('mine, newest', false),
  scenario('mine, older', false, 'fr'),
  scenario('calls never get through', true, 'en'),
  scenario('ligne en panne', true, 'fr'),
  scenario('no language', true),
];
const titles = (locale: string) => orderScenarios(LISTED, locale).map((s) => s.title);

describe('the order of the scenarios', () => {
  it('puts the shipped scenarios in the page’s language first, after the agent’s own', () => {
    expect(titles('fr')).toEqual([
      'mine, newest',
      'mine, older',
      'ligne en panne',
      'calls never get through',
      'no language',
    ]);
    expect(titles('pt-BR')).toEqual(LISTED.map((s) => s.title));
  });

  it('matches on the language, not the region', () => {
    expect(titles('en-XA')).toEqual(titles('en'));
    expect(titles('en')[2]).toBe('calls never get through');
    expect(orderScenarios(LISTED, 'fr-CA')[2].title).toBe('ligne en panne');
  });
});
