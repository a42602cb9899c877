import { expectTypeOf, test } from 'vitest';
import type { VoicePickerProps } from '../../src/components/index.js';
import type {
  RealtimeCustomVoice,
  RealtimeSessionCreateRequest,
  RealtimeTool,
  RealtimeVoice,
} from '../../src/model/index.js';
import type { RealtimeClientEvent } from '../../src/protocol/index.js';
import type {
  UseRealtimeMediaReturn,
  UseRealtimeSessionOptions,
  useSessionField,
  UseSessionFieldReturn,
} from '../../src/react/index.js';
import type { RealtimeSessionStore } from '../../src/session/index.js';
import type { createPushToTalk, RealtimeTransport } from '../../src/transport/index.js';

test('useSessionField types its value by path', () => {
  expectTypeOf<ReturnType<typeof useSessionField<'audio.output.voice'>>['value']>().toEqualTypeOf<
    RealtimeVoice | RealtimeCustomVoice | undefined
  >();
  expectTypeOf<UseSessionFieldReturn<'tools'>['value']>().toEqualTypeOf<readonly RealtimeTool[] | undefined>();
  expectTypeOf<UseSessionFieldReturn<'audio.output.speed'>['setValue']>()
    .parameter(0)
    .toEqualTypeOf<number | undefined>();
  // @ts-expect-error: not a session field path
  expectTypeOf<UseSessionFieldReturn<'audio.output.pitch'>>();
});

test('every component takes the same request contract', () => {
  expectTypeOf<VoicePickerProps['value']>().toEqualTypeOf<RealtimeSessionCreateRequest | undefined>();
  expectTypeOf<NonNullable<VoicePickerProps['onValueChange']>>()
    .parameter(0)
    .toEqualTypeOf<RealtimeSessionCreateRequest>();
  expectTypeOf<VoicePickerProps['session']>().toEqualTypeOf<RealtimeSessionStore | undefined>();
});

test('store.update accepts a patch, a request or a function, and resolves with the applied request', () => {
  type Update = RealtimeSessionStore['update'];
  expectTypeOf<Update>().toBeCallableWith({ instructions: 'Hi' });
  expectTypeOf<Update>().toBeCallableWith((draft: RealtimeSessionCreateRequest) => draft);
  expectTypeOf<ReturnType<Update>>().toEqualTypeOf<Promise<RealtimeSessionCreateRequest | undefined>>();
});

test('the hook takes a transport kind or a transport, and push-to-talk takes the media hook’s result', () => {
  expectTypeOf<UseRealtimeSessionOptions['transport']>().toEqualTypeOf<
    RealtimeTransport | 'websocket' | 'webrtc' | undefined
  >();
  expectTypeOf<typeof createPushToTalk>().toBeCallableWith(
    (_event: RealtimeClientEvent) => {},
    {} as UseRealtimeMediaReturn,
  );
});
