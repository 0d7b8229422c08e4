/**
 * Correcting a saved session's wrap-up (pure): which fields changed, in words short enough to keep, and
 * the corrected session — the new wrap-up, `savedAt` now (the team store keeps the newer copy: its upsert
 * takes a row whose saved_at is not older), and one more entry in `edits` saying who changed what, when.
 */
import type { Session, WrapUp, WrapUpEdit } from '../../preload/contract/session-schema';

const MAX_WORDS = 2000;
const cut = (text: string): string =>
  text.length > MAX_WORDS ? `${text.slice(0, MAX_WORDS - 1)}…` : text;

/** A wrap-up as field → words: nested fields as "escalation.kind", lists as their texts. */
function fieldsOf(w: WrapUp): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(w)) {
    if (key === 'priorities')
      out.set(key, w.priorities.map((p) => `${p.text}${p.confirmed ? ' ✓' : ''}`).join(' · '));
    else if (key === 'nextSteps')
      out.set(
        key,
        w.nextSteps
          .map((s) => [s.what, s.who, s.byWhen ?? ''].filter((part) => part !== '').join(' — '))
          .join(' · '),
      );
    else if (value !== null && typeof value === 'object')
      for (const [inner, innerValue] of Object.entries(value))
        out.set(`${key}.${inner}`, innerValue === null ? '' : String(innerValue));
    else out.set(key, value === null ? '' : String(value));
  }
  return out;
}

export function wrapUpChanges(before: WrapUp, after: WrapUp): WrapUpEdit['changes'] {
  const was = fieldsOf(before);
  const changes: WrapUpEdit['changes'] = [];
  for (const [field, now] of fieldsOf(after)) {
    const then = was.get(field) ?? '';
    if (then !== now) changes.push({ field, before: cut(then), after: cut(now) });
  }
  return changes;
}

/** The session with the corrected wrap-up; the same session when nothing changed. */
export function editedSession(session: Session, wrapUp: WrapUp, by: string, at: Date): Session {
  const changes = wrapUpChanges(session.wrapUp, wrapUp);
  if (changes.length === 0) return session;
  const iso = at.toISOString();
  // Never older than the copy it replaces, even with a clock set back.
  const savedAt = iso > session.savedAt ? iso : session.savedAt;
  return {
    ...session,
    wrapUp,
    savedAt,
    edits: [...(session.edits ?? []), { at: savedAt, by: by.trim(), changes }].slice(-1000),
  };
}
