import { useEffect, useId, useMemo, useRef, useState, type Ref } from 'react';
import { usePhone } from '../../../lib/phone-lazy.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { useHealth } from '../../../lib/use-health.ts';

type Props = {
  value: string;
  onCommit: (e164: string) => void;
  /** The reason the typed number is not searched (null once it is, or the box is empty). */
  onProblem?: (message: string | null) => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * Accepts any common way of typing a number; queries only with a possible E.164 number.
 * A number typed without its country code is read in the picked country, by default the
 * server's DEFAULT_COUNTRY.
 */
export function RecipientInput({ value, onCommit, onProblem, ref }: Props) {
  const id = useId();
  const phone = usePhone();
  const serverCountry = useHealth().data?.defaultCountry ?? null;
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const country = picked === undefined ? serverCountry : picked;
  const problemRef = useRef(onProblem);
  useEffect(() => {
    problemRef.current = onProblem;
  });
  const settle = (text: string, readIn: string | null) => {
    if (text.trim() === '') {
      problemRef.current?.(null);
      onCommit('');
    } else if (phone) {
      const check = phone.checkRecipient(text, readIn);
      // A number that cannot be searched clears the results (with the reason), so the
      // previous number's rows are not left on screen as if they were this one's.
      problemRef.current?.(check.ok ? null : check.message);
      if (check.ok && check.e164 !== value) onCommit(check.e164);
    }
  };
  const [draft, setDraft] = useDraft(value, (text) => settle(text, country));
  // Back/forward or a cleared filter puts a searchable value (or none) in the box.
  useEffect(() => {
    if (draft === value) problemRef.current?.(null);
  }, [draft, value]);
  const check = useMemo(
    () => (draft.trim() && phone ? phone.checkRecipient(draft, country) : null),
    [draft, phone, country],
  );
  return (
    <div className="field field-recipient">
      <label htmlFor={id}>Recipient</label>
      <span className="recipient-box">
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
        {phone ? (
          <select
            aria-label="Country of numbers typed without a country code"
            value={country ?? ''}
            onChange={(event) => {
              const next = event.target.value || null;
              setPicked(next);
              if (draft !== value) settle(draft, next);
            }}
          >
            <option value="">+ code</option>
            {phone.PHONE_COUNTRIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        ) : null}
      </span>
      <span
        id={`${id}-hint`}
        className={check && !check.ok ? 'hint hint-error' : 'hint'}
        role="status"
      >
        {check === null
          ? draft.trim()
            ? 'Checking the number…'
            : country
              ? `Any format; without a country code, read in ${country}`
              : 'Any format; country code needed'
          : check.ok
            ? `${check.e164}${check.country ? ` · ${check.country}` : ''}`
            : check.message}
      </span>
    </div>
  );
}
