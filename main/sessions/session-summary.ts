/** What the session log shows and searches for one session (pure). */
import type { Session } from '../../preload/contract/session-schema';
import type { SessionSummary } from '../../preload/contract/session-ipc-schema';

export function summarizeSession(session: Session): SessionSummary {
  const { wrapUp, call } = session;
  return {
    id: session.id,
    agent: session.agent,
    startedAt: session.startedAt,
    durationSec: call.durationSec,
    resolution: wrapUp.resolution,
    escalation: wrapUp.escalation.kind,
    followUpDate: wrapUp.followUp.date,
    followUpDone: wrapUp.followUp.doneAt !== null,
    caseReference: wrapUp.caseReference,
    priorityCount: wrapUp.priorities.length,
    confirmedPriorityCount: wrapUp.priorities.filter((priority) => priority.confirmed).length,
    overtalkCount: call.metrics.overtalkCount,
    tooLoudCount: call.metrics.cueCounts['too-loud'],
    heatedCount: call.metrics.cueCounts['caller-heated'],
    hasTimeline: session.hasTimeline,
  };
}

/** Lower case without accents or other combining marks, so "Resume" finds "résumé" and "RÉSUMÉ". */
export function foldForSearch(text: string): string {
  // Fast path: plain ASCII needs only lower-casing.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The searchable text of a session, folded: priorities, catalyst, next steps, root cause, reference, notes. */
export function searchTextOf(session: Session): string {
  const { wrapUp } = session;
  const parts = [
    ...wrapUp.priorities.map((priority) => priority.text),
    wrapUp.emotionalCatalyst,
    ...wrapUp.nextSteps.flatMap((step) => [step.what, step.who]),
    wrapUp.rootCause.note,
    wrapUp.caseReference,
    wrapUp.notes,
  ];
  // A line break between fields keeps a search from matching across two of them.
  return foldForSearch(parts.filter((part) => part !== '').join('\n'));
}

/** Query words, folded; a session matches when its text contains every one. */
export function searchTerms(text: string | undefined): string[] {
  if (text === undefined) return [];
  return foldForSearch(text)
    .split(/\s+/)
    .filter((term) => term !== '');
}
