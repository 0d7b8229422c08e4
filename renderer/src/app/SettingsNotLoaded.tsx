/**
 * "Settings could not be loaded: …" — the host's failure, worded here, inside the language provider (the
 * settings hook runs above it: the language is one of the settings).
 */
import { FormattedMessage } from 'react-intl';
import { useHostFailureText, type HostFailure } from '../api/host-failure-text';

export function SettingsNotLoaded({ failure }: { failure: HostFailure }) {
  const why = useHostFailureText();
  return (
    <div className="notice" role="alert">
      <FormattedMessage id="app.settings-not-loaded" values={{ error: why(failure) }} />
    </div>
  );
}
