import { forwardRef, memo, Profiler, type ComponentType, type ProfilerOnRenderCallback, type Ref } from 'react';

/** Commits counted by component name, for tests that check which components re-rendered. */
export const renderCounts = new Map<string, number>();

const count: ProfilerOnRenderCallback = (id) => renderCounts.set(id, (renderCounts.get(id) ?? 0) + 1);

/**
 * `Component` inside a Profiler named `name`, behind a memo: the wrapper itself re-renders only when
 * its props change, so every count is a render of `Component` caused by its own subscription.
 */
export function countingRenders<P extends object>(
  name: string,
  Component: ComponentType<P> | undefined,
): ComponentType<P> {
  if (Component === undefined) throw new Error(`${name} is not exported where the mock looked for it`);
  const Counted = memo(function Counted(props: P) {
    return (
      <Profiler id={name} onRender={count}>
        <Component {...props} />
      </Profiler>
    );
  });
  Counted.displayName = `Counted(${name})`;
  return Counted as unknown as ComponentType<P>;
}

/** `rrs-voice-picker` → `VoicePicker`: the component a field root's `kind` class belongs to. */
function componentOfKind(kind: string): string {
  return kind
    .replace(/^rrs-/, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The field layout module with its `FieldRoot` counted: every field component renders exactly one
 * root, so the commits of each root, by component name, are the renders of that component. For
 * `vi.mock('…/field/field-layout.js', async (importOriginal) => countingFieldRoots(await importOriginal()))`.
 */
export function countingFieldRoots<M extends { readonly FieldRoot: ComponentType<never> }>(original: M): M {
  const Root = original.FieldRoot as unknown as ComponentType<{ readonly kind: string; readonly ref: Ref<unknown> }>;
  const Counted = forwardRef<unknown, { readonly kind: string }>(function CountedFieldRoot(props, ref) {
    return (
      <Profiler id={componentOfKind(props.kind)} onRender={count}>
        <Root ref={ref} {...props} />
      </Profiler>
    );
  });
  return { ...original, FieldRoot: Counted };
}
