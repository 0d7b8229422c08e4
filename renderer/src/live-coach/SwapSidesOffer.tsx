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
        <strong>The sides look swapped:</strong> the caller’s voice is arriving as yours, and yours
        as the caller’s.{' '}
        {canSwap
          ? 'Swap them, or keep them if they are right.'
          : 'Check that the microphone is yours and the system sound is the call.'}
      </p>
      <div className="actions">
        {canSwap && (
          <button type="button" className="primary" onClick={onSwap} data-testid="swap-sides">
            Swap sides
          </button>
        )}
        <button type="button" onClick={onKeep} data-testid="keep-sides">
          They’re right
        </button>
      </div>
    </div>
  );
}
