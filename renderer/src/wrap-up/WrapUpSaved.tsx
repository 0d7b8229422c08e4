import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { formatClock } from '../live-coach/cue-copy';

/**
 * "Wrap-up saved": the form the agent was typing in is gone, so focus would fall to the page's body; it
 * moves to this message instead, which a screen reader then reads, and the next Tab goes on from here.
 * Opened later from the menu (focus on the menu button), it leaves focus where it is.
 */
export function WrapUpSaved({ afterCallWorkSec }: { afterCallWorkSec: number }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, []);
  return (
    <p ref={ref} tabIndex={-1} className="notice info" role="status" data-testid="wrap-up-saved">
      <FormattedMessage id="wrap-up.saved" values={{ clock: formatClock(afterCallWorkSec) }} />
    </p>
  );
}
