import { memo, Profiler, type ComponentType, type ProfilerOnRenderCallback } from 'react';

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
