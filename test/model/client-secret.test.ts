import { describe, expect, it } from 'vitest';
import {
  RealtimeClientSecretCreateRequest,
  RealtimeClientSecretExpiresAfter,
  RealtimeReasoningEffort,
  RealtimeSessionCreateRequest,
} from '../../src/model/index.js';
import { describeModelContract } from './model-contract.js';

describeModelContract(RealtimeClientSecretCreateRequest, {
  full: { expires_after: { anchor: 'created_at', seconds: 600 }, session: { type: 'realtime', model: 'gpt-realtime' } },
  change: ['expiresAfter', { seconds: 60 }, 'expires_after', { anchor: 'created_at', seconds: 60 }],
  clear: ['expiresAfter', 'expires_after'],
  wrongType: [{ session: { model: 'm', instructions: 1 } }, 'session.instructions'],
});

describe('RealtimeClientSecretCreateRequest', () => {
  it('writes the seed example as the client_secrets body, with session.type and the expiry anchor', () => {
    const body = new RealtimeClientSecretCreateRequest({
      session: new RealtimeSessionCreateRequest({
        model: 'gpt-realtime-2',
        audio: { output: { voice: 'alloy' } },
        instructions: 'You are a helpful assistant.',
        reasoning: { effort: RealtimeReasoningEffort.minimal },
      }),
      expiresAfter: { seconds: 600 },
    }).toJson();
    expect(body).toStrictEqual({
      expires_after: { anchor: 'created_at', seconds: 600 },
      session: {
        type: 'realtime',
        model: 'gpt-realtime-2',
        audio: { output: { voice: 'alloy' } },
        instructions: 'You are a helpful assistant.',
        reasoning: { effort: 'minimal' },
      },
    });
    expect(Object.isFrozen(body.session)).toBe(true);
  });

  it('requires a session', () => {
    expect(() => RealtimeClientSecretCreateRequest.fromJson({ expires_after: { seconds: 10 } })).toThrow(
      expect.objectContaining({ path: 'session', code: 'required' }),
    );
  });

  it('defaults the expiry anchor to created_at', () => {
    expect(new RealtimeClientSecretExpiresAfter({ seconds: 30 }).anchor).toBe('created_at');
  });
});
