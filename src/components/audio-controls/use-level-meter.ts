'use client';
import { useEffect, type RefObject } from 'react';
import { loudness } from '../../model/index.js';

/** Under `prefers-reduced-motion: reduce`, a meter moves at most this often: 4 times a second. */
export const REDUCED_MOTION_INTERVAL_MS = 250;

const reducedMotion = (): MediaQueryList | undefined =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)')
    : undefined;

/**
 * Moves the `<meter>` in `ref` while `active`: an animation-frame loop writes `level()` (an RMS), on the
 * ear's {@link loudness} scale, straight into the element, so React does not render 60 times a second for a value only the meter shows. Under
 * `prefers-reduced-motion: reduce` the loop writes only every {@link REDUCED_MOTION_INTERVAL_MS}; the query is
 * read each frame, so changing the setting applies at once. Inactive, the meter rests at 0. The loop stops on
 * unmount, and browsers pause it in a background tab. `level` should keep its identity (`useRealtimeMedia`'s
 * getters do): a new one restarts the loop.
 *
 * @example
 * ```tsx
 * const media = useRealtimeMedia();
 * const meter = useRef<HTMLMeterElement>(null);
 * useLevelMeter(meter, media.inputLevel, media.available);
 * return <meter ref={meter} min={0} max={1} aria-label="Microphone level" />;
 * ```
 */
export function useLevelMeter(ref: RefObject<HTMLMeterElement | null>, level: () => number, active: boolean): void {
  useEffect(() => {
    if (!active) {
      if (ref.current !== null) ref.current.value = 0;
      return undefined;
    }
    const reduced = reducedMotion();
    let last = Number.NEGATIVE_INFINITY;
    let frame = requestAnimationFrame(function draw(now: number) {
      if (reduced?.matches !== true || now - last >= REDUCED_MOTION_INTERVAL_MS) {
        last = now;
        if (ref.current !== null) ref.current.value = loudness(level());
      }
      frame = requestAnimationFrame(draw);
    });
    return () => cancelAnimationFrame(frame);
  }, [ref, level, active]);
}
