import { useEffect } from 'react';
import { hostApi } from '../api/host-api';
import { callPhaseOf, type CallStatusFacts } from './call-phase';

/** Tells the host where the call stands whenever that changes (its tray icon and menu follow). */
export function useReportCallStatus(facts: CallStatusFacts): void {
  const call = callPhaseOf(facts);
  const followUpsDue = Math.max(0, Math.floor(facts.followUpsDue));
  useEffect(() => {
    void hostApi.reportCallStatus({ call, followUpsDue });
  }, [call, followUpsDue]);
}
