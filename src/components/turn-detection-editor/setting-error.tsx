import type { SubfieldError } from '../field/subfield-errors.js';

/**
 * The error under one setting of a field, with the id its control is described by; nothing without an error.
 *
 * @example
 * ```tsx
 * <SettingError error={state.errors.threshold} />
 * ```
 */
export function SettingError(props: { readonly error: SubfieldError | undefined }) {
  const { error } = props;
  return error === undefined ? null : (
    <p className="rrs-error" id={error.id}>
      {error.message}
    </p>
  );
}
