'use client';
import { forwardRef, memo, useId, useRef, type ComponentPropsWithoutRef } from 'react';
import { isOff, readSessionField } from '../../model/index.js';
import { useRealtimeMedia, useRealtimeSessionContext, useSessionSelector } from '../../react/index.js';
import type { RealtimeSessionSnapshot, RealtimeSessionStore } from '../../session/index.js';
import { PushToTalkButton } from './push-to-talk-button.js';
import { useLevelMeter } from './use-level-meter.js';

/**
 * Props of {@link AudioControls}: the session to control, the heading, and any prop of the root `section`.
 *
 * @example
 * ```tsx
 * const props: AudioControlsProps = { session: store, label: 'Call', className: 'call-bar' };
 * <AudioControls {...props} />
 * ```
 */
export interface AudioControlsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The session whose audio to control instead of the provider's. */
  readonly session?: RealtimeSessionStore | undefined;
  /** The heading of the bar. @default 'Audio' */
  readonly label?: string;
}

const TURN_DETECTION = 'audio.input.turn_detection';

const selectStatus = (snapshot: RealtimeSessionSnapshot) => snapshot.status;

/**
 * Whether the server waits to be asked for each answer: the draft's turn detection, or the applied one while the
 * draft leaves it unspecified, is off. It is the draft's that counts first, so the button is there as soon as
 * the user switches turn detection off, not a round trip later. Unspecified everywhere means the API default,
 * server VAD.
 */
const selectPushToTalk = (snapshot: RealtimeSessionSnapshot) =>
  isOff(
    readSessionField(snapshot.draft, TURN_DETECTION) ??
      (snapshot.applied === undefined ? undefined : readSessionField(snapshot.applied, TURN_DETECTION)),
  );

const percent = (volume: number) => `${Math.round(volume * 100)}%`;

/**
 * The microphone and speaker of a voice session (`transport: 'webrtc'`) in one bar: **Mute** (a toggle, its
 * state in `aria-pressed`), the microphone's level, and **Hold to talk** when turn detection is off (pointer,
 * or Space/Enter held; let go to get the answer); the speaker's level and its **Volume**. Without media (a
 * WebSocket session) it says that audio needs `transport: 'webrtc'` instead of showing dead controls; until
 * the session is open the controls are disabled.
 *
 * Reads the provider's store, or `session`, as the other live views do. It has no `value`: what it shows (mute,
 * volume, levels) lives in the session's transport and stays there across reconnects, so there is nothing
 * for a parent to control. The levels are polled per animation frame and written straight into the
 * `<meter>`s (a few times a second under `prefers-reduced-motion`), so the bar re-renders only when the mute,
 * the volume, the status or the turn detection changes. Any other prop goes on the root `section`.
 *
 * Styling hooks: `data-status` (the session's status), `data-available`, `data-muted` and
 * `data-push-to-talk` on the root; `aria-pressed` on Mute and Hold to talk.
 *
 * @example
 * ```tsx
 * function Call() {
 *   const session = useRealtimeSession({ initial, transport: 'webrtc' });
 *   return (
 *     <RealtimeSessionProvider session={session}>
 *       <AudioControls />
 *       <TurnDetectionEditor />
 *     </RealtimeSessionProvider>
 *   );
 * }
 *
 * <AudioControls session={store} label="Call" />
 * ```
 */
export const AudioControls = memo(
  forwardRef<HTMLElement, AudioControlsProps>(function AudioControls(props, ref) {
    const { session, label = 'Audio', className, ...rootProps } = props;
    const store = useRealtimeSessionContext(session);
    const media = useRealtimeMedia(store);
    const status = useSessionSelector(selectStatus, undefined, store);
    const pushToTalk = useSessionSelector(selectPushToTalk, undefined, store);
    const inputMeter = useRef<HTMLMeterElement>(null);
    const outputMeter = useRef<HTMLMeterElement>(null);
    const id = useId();
    const titleId = `${id}-title`;
    const open = status === 'open';
    const live = media.available && open;
    useLevelMeter(inputMeter, media.inputLevel, live);
    useLevelMeter(outputMeter, media.outputLevel, live);

    return (
      <section
        ref={ref}
        // The heading names the region unless the user names it.
        aria-labelledby={rootProps['aria-label'] === undefined ? titleId : undefined}
        {...rootProps}
        className={['rrs-group rrs-view rrs-audio-controls', className].filter(Boolean).join(' ')}
        data-status={status}
        data-available={media.available}
        data-muted={(media.available && media.muted) || undefined}
        data-push-to-talk={(media.available && pushToTalk) || undefined}
      >
        <span className="rrs-label" id={titleId}>
          {label}
        </span>
        {!media.available ? (
          <p className="rrs-description">
            Audio needs a session with <code className="rrs-code">transport: 'webrtc'</code>: this one has no microphone
            or speaker.
          </p>
        ) : (
          <>
            <div className="rrs-audio-bar">
              <div className="rrs-audio-side" role="group" aria-labelledby={`${id}-microphone`}>
                <span className="rrs-sublabel" id={`${id}-microphone`}>
                  Microphone
                </span>
                <div className="rrs-row">
                  {/* The name stays "Mute" whatever the state: aria-pressed says whether it is on (a toggle whose
                      name flipped to "Unmute" as well would read as "Unmute, pressed"). */}
                  <button
                    type="button"
                    className="rrs-button rrs-button-quiet rrs-mute"
                    aria-pressed={media.muted}
                    disabled={!open}
                    onClick={() => media.setMuted(!media.muted)}
                  >
                    Mute
                  </button>
                  <meter ref={inputMeter} className="rrs-level" min={0} max={1} aria-label="Microphone level" />
                  {pushToTalk ? (
                    <PushToTalkButton
                      store={store}
                      setMuted={media.setMuted}
                      disabled={!open}
                      descriptionId={`${id}-push-to-talk`}
                    />
                  ) : null}
                </div>
              </div>
              <div className="rrs-audio-side" role="group" aria-labelledby={`${id}-speaker`}>
                <span className="rrs-sublabel" id={`${id}-speaker`}>
                  Speaker
                </span>
                <div className="rrs-row">
                  <meter ref={outputMeter} className="rrs-level" min={0} max={1} aria-label="Speaker level" />
                  <label className="rrs-volume">
                    <span>Volume</span>
                    <input
                      type="range"
                      className="rrs-slider"
                      min={0}
                      max={1}
                      step={0.05}
                      value={media.volume}
                      aria-valuetext={percent(media.volume)}
                      disabled={!open}
                      onChange={(event) => media.setVolume(Number(event.target.value))}
                    />
                  </label>
                </div>
              </div>
            </div>
            {pushToTalk ? (
              <p className="rrs-description" id={`${id}-push-to-talk`}>
                Turn detection is off: hold the button (or Space) while you speak; the answer comes when you let go.
              </p>
            ) : null}
            {open ? null : <p className="rrs-description">The controls work once the session is connected.</p>}
          </>
        )}
      </section>
    );
  }),
);
AudioControls.displayName = 'AudioControls';
