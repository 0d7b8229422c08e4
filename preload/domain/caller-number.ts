/**
 * What a session keeps of the caller's number (privacy): by default nothing; `last4` keeps only its last
 * four digits (enough to tell two callers apart in a follow-up, not to call them); `all` keeps it whole.
 */
export const CALLER_NUMBER_POLICIES = ['none', 'last4', 'all'] as const;
export type CallerNumberPolicy = (typeof CALLER_NUMBER_POLICIES)[number];

export const DEFAULT_CALLER_NUMBER_POLICY: CallerNumberPolicy = 'none';

export function keptCallerNumber(
  from: string | null | undefined,
  policy: CallerNumberPolicy,
): string | null {
  if (!from || policy === 'none') return null;
  if (policy === 'all') return from;
  const digits = from.replace(/\D/g, '');
  return digits.length === 0 ? null : `…${digits.slice(-4)}`;
}
