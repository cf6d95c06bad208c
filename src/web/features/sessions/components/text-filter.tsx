import { useId } from 'react';
import type { AnyFilterParam } from '../../../../contract/explorer-vocabulary.ts';
import { filterRule } from '../../../../contract/explorer-filter-rules.ts';
import { useDraft } from '../../../lib/use-draft.ts';

type Props = {
  param: Exclude<AnyFilterParam, 'status' | 'recipient'>;
  label: string;
  placeholder?: string;
  value: string;
  onCommit: (value: string) => void;
};

/** A free-text upstream filter, checked by the shared rule before any request is spent. */
export function TextFilter({ param, label, placeholder, value, onCommit }: Props) {
  const id = useId();
  const validate = (text: string) => filterRule(param).safeParse(text.trim());
  const [draft, setDraft] = useDraft(value, (text) => {
    if (text.trim() === '') return onCommit('');
    const result = validate(text);
    if (result.success) onCommit(result.data);
  });
  const result = draft.trim() ? validate(draft) : null;
  const problem = result && !result.success ? result.error.issues[0]?.message : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={draft}
        aria-invalid={problem !== undefined}
        aria-describedby={problem ? `${id}-hint` : undefined}
        onChange={(event) => setDraft(event.target.value)}
      />
      {problem ? (
        <span id={`${id}-hint`} className="hint hint-error" role="status">
          {label} {problem}
        </span>
      ) : null}
    </div>
  );
}
