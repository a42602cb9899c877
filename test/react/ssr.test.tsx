// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { RealtimeSessionCreateRequest } from '../../src/model/index.js';
import {
  RealtimeSessionProvider,
  useRealtimeSession,
  useSessionField,
  useSessionSelector,
} from '../../src/react/index.js';

const initial = new RealtimeSessionCreateRequest({
  model: 'gpt-realtime',
  instructions: 'Be brief.',
  audio: { output: { voice: 'marin' } },
});

function Voice() {
  const voice = useSessionField('audio.output.voice');
  return <span data-status={voice.status}>{String(voice.value)}</span>;
}

function Status() {
  return <span>{useSessionSelector((snapshot) => snapshot.status)}</span>;
}

describe('given a server render, where there is no window', () => {
  it('renders the initial draft with status idle and opens nothing', () => {
    expect(typeof window).toBe('undefined');
    const getClientSecret = vi.fn(async () => 'ek_never');
    function Agent() {
      const session = useRealtimeSession({ initial, getClientSecret });
      return (
        <RealtimeSessionProvider session={session}>
          <Status />
          <Voice />
        </RealtimeSessionProvider>
      );
    }
    const html = renderToString(<Agent />);
    expect(html).toContain('idle');
    expect(html).toContain('marin');
    expect(html).toContain('data-status="dirty"');
    expect(getClientSecret).not.toHaveBeenCalled();
  });
});
