/**
 * A button that opens the system's file picker (a hidden file input behind it) and hands over the file
 * picked, as bytes. The input is emptied each time, so the same file can be picked again.
 */
import { useRef, type ChangeEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { MessageKey } from '../i18n/catalogue';

interface FilePickButtonProps {
  labelId: MessageKey;
  /** What the hidden input is called for assistive technology. */
  fileLabelId: MessageKey;
  accept: string;
  onFile: (name: string, bytes: Uint8Array) => Promise<unknown>;
  testId: string;
  fileTestId: string;
}

export function FilePickButton(props: FilePickButtonProps) {
  const intl = useIntl();
  const input = useRef<HTMLInputElement>(null);

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await props.onFile(file.name, new Uint8Array(await file.arrayBuffer()));
  }

  return (
    <>
      <button type="button" onClick={() => input.current?.click()} data-testid={props.testId}>
        <FormattedMessage id={props.labelId} />
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        aria-label={intl.formatMessage({ id: props.fileLabelId })}
        onChange={(e) => void picked(e)}
        data-testid={props.fileTestId}
      />
    </>
  );
}
