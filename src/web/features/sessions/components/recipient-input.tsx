import { useId, useMemo, type Ref } from 'react';
import { usePhone } from '../../../lib/phone-lazy.ts';
import { useDraft } from '../../../lib/use-draft.ts';

type Props = { value: string; onCommit: (e164: string) => void; ref?: Ref<HTMLInputElement> };

/** Accepts any common way of typing a number; queries only with a possible E.164 number. */
export function RecipientInput({ value, onCommit, ref }: Props) {
  const id = useId();
  const phone = usePhone();
  const [draft, setDraft] = useDraft(value, (text) => {
    if (text.trim() === '') onCommit('');
    else if (phone) {
      const check = phone.checkRecipient(text);
      if (check.ok && check.e164 !== value) onCommit(check.e164);
    }
  });
  const check = useMemo(
    () => (draft.trim() && phone ? phone.checkRecipient(draft) : null),
    [draft, phone],
  );
  return (
    <div className="field field-recipient">
      <label htmlFor={id}>Recipient</label>
      <input
        ref={ref}
        id={id}
        type="text"
        inputMode="tel"
        autoComplete="off"
        placeholder="+1 (415) 555-0100"
        value={draft}
        aria-invalid={check !== null && !check.ok}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setDraft(event.target.value)}
      />
      <span
        id={`${id}-hint`}
        className={check && !check.ok ? 'hint hint-error' : 'hint'}
        role="status"
      >
        {check === null
          ? draft.trim()
            ? 'Checking the number…'
            : 'Any format; country code needed'
          : check.ok
            ? `${check.e164}${check.country ? ` · ${check.country}` : ''}`
            : check.message}
      </span>
    </div>
  );
}
