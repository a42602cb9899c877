/**
 * One handler from the user's and the component's own: the user's runs
 * first, and the component's is skipped when the user's called
 * `preventDefault()`, so a consumer can veto the built-in behaviour.
 *
 * @example
 * ```tsx
 * <input onChange={composeEventHandlers(props.onChange, (event) => setText(event.target.value))} />
 * ```
 */
export function composeEventHandlers<E extends { readonly defaultPrevented: boolean }>(
  user: ((event: E) => void) | undefined,
  own: (event: E) => void,
): (event: E) => void {
  return (event) => {
    user?.(event);
    if (!event.defaultPrevented) own(event);
  };
}
