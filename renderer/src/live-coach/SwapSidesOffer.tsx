import { FormattedMessage } from 'react-intl';
import type { AudioSettings } from '../../../preload/contract/settings-schema';
import { swappedSides } from './coach-controller';

/**
 * The channel-order check found the caller on the agent's side (telephone-band speech there, a wideband
 * voice on the caller's): offered at once, one key to swap — until then no normal voice is learned.
 */
export function SwapSidesOffer({
  audio,
  onSwap,
  onKeep,
}: {
  audio: AudioSettings;
  onSwap(): void;
  onKeep(): void;
}) {
  const canSwap = swappedSides(audio) !== null;
  return (
    <div className="notice swap-offer" role="alert" data-testid="swap-offer">
      <p>
        <FormattedMessage
          id="coach.swap.found"
          values={{ b: (chunks) => <strong>{chunks}</strong> }}
        />{' '}
        <FormattedMessage id={canSwap ? 'coach.swap.offer' : 'coach.swap.check'} />
      </p>
      <div className="actions">
        {canSwap && (
          <button type="button" className="primary" onClick={onSwap} data-testid="swap-sides">
            <FormattedMessage id="coach.swap.swap" />
          </button>
        )}
        <button type="button" onClick={onKeep} data-testid="keep-sides">
          <FormattedMessage id="coach.swap.keep" />
        </button>
      </div>
    </div>
  );
}
