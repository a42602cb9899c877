import { useSessionField } from '../../src/react/index.js';

/** The README's custom-field pattern: an instructions textarea on `useSessionField`, for render counts. */
export function InstructionsField() {
  const instructions = useSessionField('instructions');
  return (
    <label>
      Instructions
      <textarea
        value={instructions.value ?? ''}
        onChange={(event) => void instructions.setValue(event.target.value).catch(() => undefined)}
      />
    </label>
  );
}
