import {
  inputAudioBufferClearEvent,
  inputAudioBufferCommitEvent,
  responseCreateEvent,
  type RealtimeClientEvent,
} from '../protocol/index.js';
import type { RealtimeMediaControls } from './types.js';

/**
 * What {@link createPushToTalk} returns. `release()` and `cancel()` act only after a `press()`, so a pointer
 * released somewhere else, or twice, never commits an empty buffer (which the server answers with an error).
 */
export interface PushToTalk {
  /** The user holds the button: what the buffer holds so far is dropped and the microphone unmuted. */
  press(): void;
  /** The user lets go: the microphone is muted, the turn committed and a response asked for. */
  release(): void;
  /** The user lets go without wanting an answer: the microphone is muted and the buffer dropped. */
  cancel(): void;
  /** Whether the button is held. */
  readonly pressed: boolean;
}

/**
 * Push-to-talk for a session whose turn detection is off (`turn_detection: RealtimeOff`): the server then
 * answers only when asked. `send` is the store's or the transport's; `media` (a WebRTC transport's, or
 * `{ setMuted }` from `useRealtimeMedia()`, whose actions keep their identity where its result does not) is muted
 * between turns. Without `media`, only the events are sent: the app appends its own audio
 * (`input_audio_buffer.append`) while pressed.
 *
 * `send` throws while the session is not open; `press()` then leaves the microphone muted.
 *
 * @example
 * ```tsx
 * const talk = createPushToTalk((event) => store.send(event), transport.media);
 * <button onPointerDown={talk.press} onPointerUp={talk.release} onPointerCancel={talk.cancel}>Hold to talk</button>
 * ```
 */
export function createPushToTalk(
  send: (event: RealtimeClientEvent) => void,
  media?: Pick<RealtimeMediaControls, 'setMuted'>,
): PushToTalk {
  let pressed = false;
  return {
    press() {
      // Whatever reached the buffer before (noise while unmuted) is not part of this turn.
      send(inputAudioBufferClearEvent());
      media?.setMuted(false);
      pressed = true;
    },
    release() {
      if (!pressed) return;
      pressed = false;
      media?.setMuted(true);
      send(inputAudioBufferCommitEvent());
      send(responseCreateEvent());
    },
    cancel() {
      if (!pressed) return;
      pressed = false;
      media?.setMuted(true);
      send(inputAudioBufferClearEvent());
    },
    get pressed() {
      return pressed;
    },
  };
}
