import { useId, type Ref } from 'react';

type Props = {
  value: string;
  /** Null while the masking code loads: the box then shows nothing of the number. */
  maskPhone: ((phone: string) => string) | null;
  ref?: Ref<HTMLInputElement> | undefined;
};

/**
 * The recipient box with `mask=1`: it shows the masked number and is read-only, so the
 * full number is not in the page (not even as the input's value). Changing it means
 * unmasking first, an explicit act (the toolbar's mask toggle asks to confirm).
 */
export function MaskedRecipient({ value, maskPhone, ref }: Props) {
  const id = useId();
  const shown = value && maskPhone ? maskPhone(value) : '';
  return (
    <div className="field field-recipient">
      <label htmlFor={id}>Recipient</label>
      <input
        ref={ref}
        id={id}
        type="text"
        readOnly
        value={shown}
        placeholder={value ? '' : 'masked view'}
        aria-describedby={`${id}-hint`}
      />
      <span id={`${id}-hint`} className="hint">
        Masked, read-only: show full numbers to change it
      </span>
    </div>
  );
}
