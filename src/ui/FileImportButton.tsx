import { useRef } from 'react';

/** Props of {@link FileImportButton}. */
export interface FileImportButtonProps {
  readonly label: string;
  readonly title: string;
  readonly className: string;
  readonly disabled: boolean;
  /** The hidden file input's accessible name and test id (tests set files on it). */
  readonly inputLabel: string;
  readonly inputTestId: string;
  /** The file types the picker offers; JSON when omitted. */
  readonly accept?: string;
  readonly onFile: (file: File) => void;
}

/** A button that opens the file picker for one file (JSON unless `accept` says) and hands it on. */
export function FileImportButton(props: FileImportButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={props.disabled}
        title={props.title}
        onClick={() => input.current?.click()}
      >
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept ?? '.json,application/json'}
        hidden
        aria-label={props.inputLabel}
        data-testid={props.inputTestId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again is a new import
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
