import { useId } from 'react';
import { THEME_CHOICES, type ThemeChoice } from '../../../../contract/explorer-vocabulary.ts';

type ThemeToggleProps = {
  value: ThemeChoice;
  onChange: (choice: ThemeChoice) => void;
};

const LABELS: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** A three-way radio group: an explicit "System" beats a two-state toggle that hides it. */
export function ThemeToggle({ value, onChange }: ThemeToggleProps) {
  const name = useId();
  return (
    <fieldset className="theme-toggle" data-report-hidden="">
      <legend>Theme</legend>
      {THEME_CHOICES.map((choice) => (
        <label key={choice}>
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {LABELS[choice]}
        </label>
      ))}
    </fieldset>
  );
}
