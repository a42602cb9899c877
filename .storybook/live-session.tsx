import type { Decorator } from '@storybook/react-vite';
import type { within } from 'storybook/test';
import { expect, waitFor } from 'storybook/test';
import type { ReactNode } from 'react';
import { RealtimeSessionCreateRequest, responseCreateEvent } from '../src/index.js';
import { RealtimeSessionProvider, useRealtimeSession } from '../src/react/index.js';

const DEFAULT_INITIAL = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime-2',
  audio: { output: { voice: 'marin' } },
});

/** Story parameters read by {@link withLiveSession}. */
export interface LiveSessionParameters {
  /** The session's starting config. */
  readonly initial?: RealtimeSessionCreateRequest;
  /** How it connects: `'webrtc'` for stories of the microphone and speaker. @default 'websocket' */
  readonly transport?: 'websocket' | 'webrtc';
}

function LiveSession(props: {
  readonly initial: RealtimeSessionCreateRequest;
  readonly transport: 'websocket' | 'webrtc';
  readonly children: ReactNode;
}) {
  const session = useRealtimeSession({
    initial: props.initial,
    transport: props.transport,
  });
  return (
    <RealtimeSessionProvider session={session}>
      <div className="rrs-story-toolbar" aria-label="Live session" role="region">
        <output aria-label="Session status" data-status={session.status}>
          Session: {session.status}
        </output>
        <button
          type="button"
          className="rrs-button"
          disabled={session.status !== 'open'}
          onClick={() => session.send(responseCreateEvent())}
        >
          Make the assistant speak
        </button>
      </div>
      {props.children}
    </RealtimeSessionProvider>
  );
}

/**
 * Wraps a story in a live session connected to Storybook's dev-server
 * endpoint, with a small toolbar to watch its status and trigger audio output.
 */
export const withLiveSession: Decorator = (Story, context) => {
  const parameters = (context.parameters['liveSession'] ?? {}) as LiveSessionParameters;
  return (
    <LiveSession initial={parameters.initial ?? DEFAULT_INITIAL} transport={parameters.transport ?? 'websocket'}>
      <Story />
    </LiveSession>
  );
};

/**
 * What a Connected story spreads in: the live-session decorator and the
 * session's starting config (and, for voice stories, `transport: 'webrtc'`).
 */
export function connectedTo(
  initial: RealtimeSessionCreateRequest,
  transport: LiveSessionParameters['transport'] = 'websocket',
) {
  return {
    decorators: [withLiveSession],
    parameters: { liveSession: { initial, transport } satisfies LiveSessionParameters },
  };
}

/**
 * Waits until the decorator's session is open: its toolbar says so. A WebRTC call (microphone, SDP offer, ICE)
 * takes longer to come up than a socket, so it gets `timeout` to spare.
 */
export async function waitForOpenSession(canvas: ReturnType<typeof within>, timeout = 5000): Promise<void> {
  await waitFor(() => expect(canvas.getByLabelText('Session status')).toHaveTextContent('open'), { timeout });
}
