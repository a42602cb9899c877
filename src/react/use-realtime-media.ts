'use client';
import { useCallback, useDebugValue, useMemo, useSyncExternalStore } from 'react';
import type { RealtimeSessionStore } from '../session/index.js';
import type { RealtimeMediaSnapshot } from '../transport/index.js';
import { useRealtimeSessionContext } from './context.js';

/** What {@link useRealtimeMedia} returns: the media snapshot and stable actions. */
export interface UseRealtimeMediaReturn extends RealtimeMediaSnapshot {
  /**
   * Whether the session's transport carries audio (`transport: 'webrtc'`). Without it the snapshot is the
   * defaults (unmuted, volume 1, no streams), the setters do nothing and the levels are 0.
   */
  readonly available: boolean;
  /** Mutes or unmutes the microphone; it stays so across reconnects. */
  setMuted(muted: boolean): void;
  /** Sets the played audio's volume, clamped to 0–1; `NaN` throws a `RangeError`. */
  setVolume(volume: number): void;
  /** The microphone's level now, 0 to 1: poll it (per animation frame), it does not re-render. */
  inputLevel(): number;
  /** The played audio's level now, 0 to 1. */
  outputLevel(): number;
}

const NO_MEDIA: RealtimeMediaSnapshot = Object.freeze({
  muted: false,
  volume: 1,
  hasMicrophone: false,
  hasRemoteAudio: false,
});
const noMedia = () => NO_MEDIA;
const noTransport = () => undefined;

/**
 * The microphone and the played audio of the session from the nearest `RealtimeSessionProvider` (or `store`):
 * mute, volume, whether the streams are there, and the levels. Re-renders when the mute, the volume or a
 * stream changes, and follows the store to a new transport; the levels are read on demand instead, so a meter
 * polls them without re-rendering the component.
 *
 * @example
 * ```tsx
 * function MicButton() {
 *   const media = useRealtimeMedia();
 *   const meter = useRef<HTMLMeterElement>(null);
 *   useEffect(() => {
 *     let frame = requestAnimationFrame(function draw() {
 *       if (meter.current) meter.current.value = media.inputLevel();
 *       frame = requestAnimationFrame(draw);
 *     });
 *     return () => cancelAnimationFrame(frame);
 *   }, [media.inputLevel]);
 *   if (!media.available) return null;
 *   return (
 *     <>
 *       <button aria-pressed={media.muted} onClick={() => media.setMuted(!media.muted)}>Mute</button>
 *       <meter ref={meter} min={0} max={1} />
 *     </>
 *   );
 * }
 * ```
 */
export function useRealtimeMedia(store?: RealtimeSessionStore): UseRealtimeMediaReturn {
  const session = useRealtimeSessionContext(store);
  const getTransport = useCallback(() => session.transport, [session]);
  // The server render has no connection, so it has no media either: hydration then finds the same defaults.
  const media = useSyncExternalStore(session.subscribe, getTransport, noTransport)?.media;
  const subscribe = useCallback((listener: () => void) => media?.subscribe(listener) ?? (() => {}), [media]);
  const getSnapshot = useCallback(() => media?.getSnapshot() ?? NO_MEDIA, [media]);
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, noMedia);
  // Read the store's transport when called, so they keep their identity when the session moves to a new one.
  const actions = useMemo(
    () => ({
      setMuted: (muted: boolean) => session.transport?.media?.setMuted(muted),
      setVolume: (volume: number) => session.transport?.media?.setVolume(volume),
      inputLevel: () => session.transport?.media?.inputLevel() ?? 0,
      outputLevel: () => session.transport?.media?.outputLevel() ?? 0,
    }),
    [session],
  );
  useDebugValue(snapshot);
  return useMemo(() => ({ ...snapshot, available: media !== undefined, ...actions }), [snapshot, media, actions]);
}
