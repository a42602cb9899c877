import type {
  RealtimeSessionCreateRequest as OpenAIRealtimeSessionCreateRequest,
  SessionUpdateEvent,
} from 'openai/resources/realtime/realtime';
import type { ClientSecretCreateParams } from 'openai/resources/realtime/client-secrets';
import { describe, expectTypeOf, it } from 'vitest';
import {
  RealtimeClientSecretCreateRequest,
  RealtimeSessionCreateRequest,
  sessionUpdateFor,
  type CopyWithPatch,
  type RealtimeSessionCreateRequestInit,
} from '../../src/model/index.js';

const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2' });

describe('wire JSON types match the openai package', () => {
  it('toJson() with type added is an openai RealtimeSessionCreateRequest', () => {
    const payload = { type: 'realtime' as const, ...request.toJson() };
    expectTypeOf(payload).toExtend<OpenAIRealtimeSessionCreateRequest>();
  });

  it('sessionUpdateFor() is the session of an openai session.update event', () => {
    expectTypeOf(sessionUpdateFor(undefined, request)).toExtend<SessionUpdateEvent['session']>();
  });

  it('the client-secret request body is openai ClientSecretCreateParams', () => {
    const body = new RealtimeClientSecretCreateRequest({ session: request }).toJson();
    expectTypeOf(body).toExtend<ClientSecretCreateParams>();
  });
});

describe('copyWith patch', () => {
  it('lets optional fields be cleared with null but never the model', () => {
    type Patch = CopyWithPatch<RealtimeSessionCreateRequestInit>;
    expectTypeOf<{ instructions: null }>().toExtend<Patch>();
    expectTypeOf<{ instructions: undefined }>().toExtend<Patch>();
    expectTypeOf<{ model: 'gpt-realtime' }>().toExtend<Patch>();
    expectTypeOf<{ model: null }>().not.toExtend<Patch>();
  });

  it('keeps fields readonly', () => {
    expectTypeOf(request).toHaveProperty('instructions');
    // @ts-expect-error fields are readonly
    request.instructions = 'changed';
  });
});
