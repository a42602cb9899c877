'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** True in development builds; bundlers replace `process.env.NODE_ENV`, and unbundled code has no `process`. */
function isDevelopment(): boolean {
  try {
    return process.env['NODE_ENV'] !== 'production';
  } catch {
    return false;
  }
}

export interface UseControllableStateOptions<T> {
  /** The controlled value; `undefined` means uncontrolled. */
  readonly value: T | undefined;
  /** The starting value when uncontrolled. */
  readonly defaultValue: T;
  /** Called with every new value, controlled or not. */
  readonly onChange?: ((next: T) => void) | undefined;
  /** Names the component in the controlled/uncontrolled warning. */
  readonly name?: string;
}

/**
 * State that is controlled when `value` is given and uncontrolled otherwise,
 * with one setter for both. Warns in development when a component switches
 * between the two, which is almost always a bug (a `value` that became `undefined`).
 *
 * @example
 * ```tsx
 * function Toggle(props: { checked?: boolean; defaultChecked?: boolean; onCheckedChange?: (on: boolean) => void }) {
 *   const [checked, setChecked] = useControllableState({
 *     value: props.checked,
 *     defaultValue: props.defaultChecked ?? false,
 *     onChange: props.onCheckedChange,
 *     name: 'Toggle',
 *   });
 *   return <button aria-pressed={checked} onClick={() => setChecked(!checked)} />;
 * }
 * ```
 */
export function useControllableState<T>(options: UseControllableStateOptions<T>): readonly [T, (next: T) => void] {
  const { value, defaultValue, onChange, name = 'A component' } = options;
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const controlled = value !== undefined;
  useControlSwitchWarning(controlled, name);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const setValue = useCallback(
    (next: T) => {
      if (!controlled) setUncontrolled(next);
      onChangeRef.current?.(next);
    },
    [controlled],
  );
  return [controlled ? value : uncontrolled, setValue] as const;
}

/**
 * Warns in development when a component switches between controlled and
 * uncontrolled, which is almost always a bug (a `value` that became `undefined`).
 * Shared with the form components, whose binding is not a `useState`.
 */
export function useControlSwitchWarning(controlled: boolean, name: string): void {
  const wasControlled = useRef(controlled);
  useEffect(() => {
    if (wasControlled.current !== controlled && isDevelopment()) {
      const [from, to] = controlled ? ['uncontrolled', 'controlled'] : ['controlled', 'uncontrolled'];
      console.warn(
        `${name} is changing from ${from} to ${to}. Decide between using a controlled or uncontrolled value for the lifetime of the component.`,
      );
    }
    wasControlled.current = controlled;
  }, [controlled, name]);
}
