'use client';
import {
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { RealtimeSessionStore } from '../../session/index.js';
import { createPushToTalk, RealtimeTransportError, type PushToTalk } from '../../transport/index.js';

export interface PushToTalkButtonProps {
  readonly store: RealtimeSessionStore;
  /** `useRealtimeMedia`'s `setMuted`, whose identity is stable (its result's is not). */
  readonly setMuted: (muted: boolean) => void;
  readonly disabled: boolean;
  /** The id of the text that says how push-to-talk works. */
  readonly descriptionId: string;
}

/** The keys that hold the button down, as Space and Enter press any button. */
const isHoldKey = (key: string) => key === ' ' || key === 'Enter';

/**
 * Runs one step of push-to-talk, unless the session closed under it: `send` then throws `not_open`, and a
 * closed session has no buffer left to clear or commit (the microphone is muted before the send, so it is off
 * either way). Any other error is a bug and is rethrown.
 */
function step(talk: PushToTalk, action: 'press' | 'release' | 'cancel'): boolean {
  try {
    talk[action]();
    return true;
  } catch (error) {
    if (error instanceof RealtimeTransportError && error.code === 'not_open') return false;
    throw error;
  }
}

/**
 * "Hold to talk" for a session without turn detection: held with the pointer or with Space/Enter, it clears
 * the buffer and unmutes; let go, it mutes, commits the turn and asks for a response. A hold that ends without
 * a clean release (pointer cancelled, focus lost, session closed, button removed) cancels: muted, buffer
 * dropped, no response.
 */
export function PushToTalkButton(props: PushToTalkButtonProps) {
  const { store, setMuted, disabled, descriptionId } = props;
  // One push-to-talk per store: it remembers whether it is pressed, so a re-render must not replace it.
  const talk = useMemo(() => createPushToTalk((event) => store.send(event), { setMuted }), [store, setMuted]);
  const [held, setHeld] = useState(false);
  // A disabled button gets no pointerup or keyup: the hold ends here (the effect below sends the cancel).
  if (held && disabled) setHeld(false);

  useEffect(() => {
    if (disabled && talk.pressed) step(talk, 'cancel');
  }, [disabled, talk]);
  // Turn detection switched back on (the button goes) or a new store: the old hold must not keep the microphone open.
  useEffect(
    () => () => {
      if (talk.pressed) step(talk, 'cancel');
    },
    [talk],
  );

  const press = () => {
    if (disabled || talk.pressed) return;
    if (step(talk, 'press')) setHeld(true);
  };
  const end = (action: 'release' | 'cancel') => {
    if (!talk.pressed) return;
    setHeld(false);
    step(talk, action);
  };

  return (
    <button
      type="button"
      className="rrs-button rrs-push-to-talk"
      aria-pressed={held}
      aria-describedby={descriptionId}
      disabled={disabled}
      onPointerDown={(event: ReactPointerEvent<HTMLButtonElement>) => {
        if (event.button !== 0) return;
        // Captured, the release reaches this button even when the pointer slid off it while talking.
        if (typeof event.currentTarget.setPointerCapture === 'function') {
          event.currentTarget.setPointerCapture(event.pointerId);
        }
        press();
      }}
      onPointerUp={() => end('release')}
      onPointerCancel={() => end('cancel')}
      onKeyDown={(event: ReactKeyboardEvent<HTMLButtonElement>) => {
        if (!isHoldKey(event.key)) return;
        // Space would scroll the page; a held key repeats keydown, which is still the same turn.
        event.preventDefault();
        if (!event.repeat) press();
      }}
      onKeyUp={(event: ReactKeyboardEvent<HTMLButtonElement>) => {
        if (!isHoldKey(event.key)) return;
        event.preventDefault();
        end('release');
      }}
      onBlur={() => end('cancel')}
      // A long touch would open the context menu (and cancel the pointer) in the middle of a turn.
      onContextMenu={(event) => event.preventDefault()}
    >
      Hold to talk
    </button>
  );
}
