/**
 * The order the Practice screen lists scenarios in: the agent's own first (newest first, as the host
 * lists them), then those shipped with the app — the ones in the page's language before the others,
 * each group in the host's order (by file name).
 */
import type { ScenarioSummary } from '../../../preload/contract/practice-schema';

const primary = (tag: string): string => tag.split('-')[0].toLowerCase();

export function orderScenarios(
  scenarios: readonly ScenarioSummary[],
  pageLocale: string,
): ScenarioSummary[] {
  const rank = (s: ScenarioSummary): number =>
    !s.shipped
      ? 0
      : s.language !== undefined && primary(s.language) === primary(pageLocale)
        ? 1
        : 2;
  return scenarios
    .map((s, i) => ({ s, i }))
    .sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i)
    .map(({ s }) => s);
}
