import type { MutableRefObject } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CoachSession } from '../live-coach/audio/coach-session';
import { useCallClockText } from '../live-coach/CallClock';

/** The key that brings the coach back from any screen while a call is live. */
export const BACK_TO_COACH_KEY = 'F2';

/**
 * A live call, on every screen: a red-dot badge in the header. On the coach it only says so (a status,
 * announced once: the tile has the clock); from another screen it is the way back to the coach, with
 * the call's clock (a click, or BACK_TO_COACH_KEY anywhere).
 */
export function LiveCallBadge({
  sessionRef,
  onCoach,
  onBack,
}: {
  sessionRef: MutableRefObject<CoachSession | null>;
  /** The coach is on screen already. */
  onCoach: boolean;
  onBack(): void;
}) {
  return onCoach ? (
    <p className="live-badge" data-testid="live-indicator" role="status">
      <span className="live-dot" aria-hidden="true" />
      <FormattedMessage id="call.live" />
    </p>
  ) : (
    <BackToCoach sessionRef={sessionRef} onBack={onBack} />
  );
}

function BackToCoach({
  sessionRef,
  onBack,
}: {
  sessionRef: MutableRefObject<CoachSession | null>;
  onBack(): void;
}) {
  const clock = useCallClockText(sessionRef, '');
  const intl = useIntl();
  return (
    <button
      type="button"
      className="live-badge"
      data-testid="live-indicator"
      onClick={onBack}
      title={intl.formatMessage({ id: 'call.back-to-coach.title' }, { key: BACK_TO_COACH_KEY })}
    >
      <span className="live-dot" aria-hidden="true" />
      <FormattedMessage
        id="call.back-to-coach"
        values={{
          clock: <span ref={clock} className="live-clock" />,
          key: <kbd>{BACK_TO_COACH_KEY}</kbd>,
        }}
      />
    </button>
  );
}
