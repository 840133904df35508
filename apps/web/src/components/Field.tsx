import { useId } from 'preact/hooks';
import type { JSX } from 'preact';

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>;

/** A labelled text input holding `value`. */
export function Field({ label, value, onValue, ...input }: InputProps & { label: string; value: string; onValue: (value: string) => void }) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} value={value} onInput={(event) => onValue(event.currentTarget.value)} spellcheck={false} {...input} />
    </div>
  );
}
