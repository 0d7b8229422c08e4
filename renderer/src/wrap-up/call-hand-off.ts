/** The live coach's finished call → what the wrap-up opens with. */
import type { FinishedCall } from '../live-coach/finished-call';
import { callRecordFromAnalysis } from './call-record';
import type { CallForWrapUp } from './wrap-up-draft';

export function callForWrapUp(call: FinishedCall): CallForWrapUp {
  return {
    id: call.id,
    startedAt: call.startedAt,
    endedAt: call.endedAt,
    call: {
      ...callRecordFromAnalysis(call.analysis, call.marks),
      ...(call.phone ? { phone: call.phone } : {}),
    },
    priorities: call.priorities,
  };
}
