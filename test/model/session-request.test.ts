import { describe, expect, it } from 'vitest';
import {
  RealtimeAudioConfig,
  RealtimeAudioConfigOutput,
  RealtimeConfigError,
  RealtimeCustomVoice,
  RealtimeFunctionTool,
  RealtimeMcpTool,
  RealtimeOff,
  RealtimeReasoning,
  RealtimeReasoningEffort,
  RealtimeSessionCreateRequest,
  RealtimeTracingConfig,
  RealtimeTruncation,
} from '../../src/model/index.js';

/** The example on the seed page (openai_dart), ported. */
function seedExample(): RealtimeSessionCreateRequest {
  return new RealtimeSessionCreateRequest({
    model: 'gpt-realtime-2',
    audio: new RealtimeAudioConfig({
      output: new RealtimeAudioConfigOutput({ voice: 'alloy' }),
    }),
    instructions: 'You are a helpful assistant.',
    reasoning: new RealtimeReasoning({ effort: RealtimeReasoningEffort.minimal }),
  });
}

describe('RealtimeSessionCreateRequest', () => {
  describe('given the seed example', () => {
    it('writes snake_case wire JSON with only the fields that are set', () => {
      expect(seedExample().toJson()).toStrictEqual({
        model: 'gpt-realtime-2',
        audio: { output: { voice: 'alloy' } },
        instructions: 'You are a helpful assistant.',
        reasoning: { effort: 'minimal' },
      });
    });

    it('reads its own JSON back into an equal request', () => {
      const request = seedExample();
      const copy = RealtimeSessionCreateRequest.fromJson(request.toJson());
      expect(copy.equals(request)).toBe(true);
      expect(copy.hashCode).toBe(request.hashCode);
      expect(copy.audio?.output?.voice).toBe('alloy');
      expect(copy.reasoning).toBeInstanceOf(RealtimeReasoning);
    });

    it('accepts plain init objects for nested values', () => {
      const plain = new RealtimeSessionCreateRequest({
        model: 'gpt-realtime-2',
        audio: { output: { voice: 'alloy' } },
        instructions: 'You are a helpful assistant.',
        reasoning: { effort: 'minimal' },
      });
      expect(plain.audio).toBeInstanceOf(RealtimeAudioConfig);
      expect(plain.equals(seedExample())).toBe(true);
    });
  });

  describe('immutability', () => {
    it('freezes instances, nested instances, lists and JSON values', () => {
      const parameters = { type: 'object', properties: { city: { type: 'string' } } };
      const request = new RealtimeSessionCreateRequest({
        model: 'gpt-realtime',
        tools: [{ type: 'function', name: 'weather', parameters }],
      });
      expect(Object.isFrozen(request)).toBe(true);
      expect(Object.isFrozen(request.tools)).toBe(true);
      const tool = request.tools?.[0] as RealtimeFunctionTool;
      expect(Object.isFrozen(tool)).toBe(true);
      expect(Object.isFrozen(tool.parameters)).toBe(true);
      expect(() => {
        (request as { instructions?: string }).instructions = 'changed';
      }).toThrow(TypeError);
    });

    it('copies caller-owned JSON so later mutation cannot reach the model', () => {
      const parameters: Record<string, unknown> = { type: 'object' };
      const tool = new RealtimeFunctionTool({ name: 'f', parameters: parameters as { type: string } });
      parameters['type'] = 'string';
      expect(tool.parameters).toStrictEqual({ type: 'object' });
    });

    it('returns a frozen, cached toJson()', () => {
      const request = seedExample();
      expect(request.toJson()).toBe(request.toJson());
      expect(Object.isFrozen(request.toJson())).toBe(true);
    });
  });

  describe('copyWith', () => {
    it('keeps a value when the key is absent or undefined', () => {
      const request = seedExample();
      const copy = request.copyWith({ instructions: undefined, maxOutputTokens: 200 });
      expect(copy.instructions).toBe('You are a helpful assistant.');
      expect(copy.maxOutputTokens).toBe(200);
      expect(copy.model).toBe('gpt-realtime-2');
    });

    it('clears a value with null, making the field unspecified', () => {
      const copy = seedExample().copyWith({ instructions: null, reasoning: null });
      expect(copy.instructions).toBeUndefined();
      expect('instructions' in copy).toBe(false);
      expect(copy.toJson()).toStrictEqual({ model: 'gpt-realtime-2', audio: { output: { voice: 'alloy' } } });
    });

    it('returns the same instance when nothing changes', () => {
      const request = seedExample();
      expect(request.copyWith({})).toBe(request);
      expect(request.copyWith({ instructions: request.instructions })).toBe(request);
      expect(request.copyWith({ tools: null })).toBe(request);
    });

    it('shares unchanged subtrees', () => {
      const request = seedExample().copyWith({ tools: [{ type: 'function', name: 'a' }] });
      const copy = request.copyWith({ instructions: 'Be brief.' });
      expect(copy.tools).toBe(request.tools);
      expect(copy.audio).toBe(request.audio);
      expect(copy.reasoning).toBe(request.reasoning);
    });

    it('does not accept clearing the model', () => {
      // @ts-expect-error model is required and cannot be cleared
      expect(() => seedExample().copyWith({ model: null })).toThrow(RealtimeConfigError);
    });

    it('changes the model when given a new one', () => {
      expect(seedExample().copyWith({ model: 'gpt-realtime' }).model).toBe('gpt-realtime');
    });
  });

  describe('unspecified versus off', () => {
    it('writes RealtimeOff as null and reads null back as RealtimeOff', () => {
      const request = new RealtimeSessionCreateRequest({
        model: 'gpt-realtime',
        tracing: RealtimeOff,
        prompt: RealtimeOff,
        audio: {
          input: {
            turnDetection: RealtimeOff,
            transcription: RealtimeOff,
            noiseReduction: RealtimeOff,
          },
        },
      });
      const json = request.toJson();
      expect(json).toStrictEqual({
        model: 'gpt-realtime',
        tracing: null,
        prompt: null,
        audio: { input: { turn_detection: null, transcription: null, noise_reduction: null } },
      });
      const back = RealtimeSessionCreateRequest.fromJson(json);
      expect(back.tracing).toBe(RealtimeOff);
      expect(back.audio?.input?.turnDetection).toBe(RealtimeOff);
      expect(back.equals(request)).toBe(true);
    });

    it('leaves unspecified fields out of the JSON entirely', () => {
      expect(Object.keys(new RealtimeSessionCreateRequest({ model: 'm' }).toJson())).toStrictEqual(['model']);
    });

    it('refuses null where the wire has no off value, unless reading leniently', () => {
      const json = { model: 'gpt-realtime', instructions: null, include: null };
      expect(() => RealtimeSessionCreateRequest.fromJson(json)).toThrow(
        expect.objectContaining({ path: 'instructions' }),
      );
      const lenient = RealtimeSessionCreateRequest.fromJson(json, { lenient: true });
      expect(lenient.instructions).toBeUndefined();
      expect(lenient.include).toBeUndefined();
    });
  });

  describe('fromJson with bad input', () => {
    it.each([
      [{}, 'model', 'required'],
      [{ model: 42 }, 'model', 'invalid_type'],
      [{ model: 'm', audio: { output: { speed: 'fast' } } }, 'audio.output.speed', 'invalid_type'],
      [{ model: 'm', tools: [{ type: 'function' }, { type: 'mcp' }] }, 'tools[1].server_label', 'required'],
      [{ model: 'm', tools: [{ type: 'web_search' }] }, 'tools[0].type', 'invalid_value'],
      [
        { model: 'm', audio: { input: { turn_detection: { type: 'magic' } } } },
        'audio.input.turn_detection.type',
        'invalid_value',
      ],
      [{ model: 'm', output_modalities: 'audio' }, 'output_modalities', 'invalid_type'],
      [{ model: 'm', max_output_tokens: true }, 'max_output_tokens', 'invalid_type'],
      [
        { model: 'm', tools: [{ type: 'mcp', server_label: 'x', headers: { a: 1 } }] },
        'tools[0].headers.a',
        'invalid_type',
      ],
      [[], '', 'invalid_type'],
      ['{"model":"m"}', '', 'invalid_type'],
    ])('reports %j at path %j', (json, path, code) => {
      let caught: unknown;
      try {
        RealtimeSessionCreateRequest.fromJson(json);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RealtimeConfigError);
      expect(caught).toMatchObject({ path, code });
    });

    it('turns unexpected failures (throwing getters) into RealtimeConfigError', () => {
      const hostile = {
        model: 'm',
        get instructions(): string {
          throw new Error('boom');
        },
      };
      expect(() => RealtimeSessionCreateRequest.fromJson(hostile)).toThrow(RealtimeConfigError);
    });

    it('refuses cyclic or absurdly deep JSON with RealtimeConfigError instead of overflowing the stack', () => {
      const cyclic: Record<string, unknown> = { type: 'object' };
      cyclic['properties'] = { self: cyclic };
      expect(() =>
        RealtimeSessionCreateRequest.fromJson({
          model: 'm',
          tools: [{ type: 'function', name: 'f', parameters: cyclic }],
        }),
      ).toThrow(RealtimeConfigError);
    });
  });

  describe('unknown keys', () => {
    it('keeps them at every level and writes them back', () => {
      const json = {
        model: 'gpt-realtime',
        future_flag: { a: [1, 2] },
        audio: { output: { voice: 'marin', timbre: 'warm' }, spatial: true },
        tools: [{ type: 'function', name: 'f', strict: true }],
      };
      const request = RealtimeSessionCreateRequest.fromJson(json);
      expect(request.extra).toStrictEqual({ future_flag: { a: [1, 2] } });
      expect(request.toJson()).toStrictEqual(json);
    });

    it('treats __proto__ and constructor as plain data', () => {
      const json = JSON.parse('{"model":"m","__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}');
      const request = RealtimeSessionCreateRequest.fromJson(json);
      const out = request.toJson() as unknown as Record<string, unknown>;
      expect(Object.keys(out)).toStrictEqual(['model', '__proto__', 'constructor']);
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(JSON.stringify(out)).toBe(JSON.stringify(json));
    });
  });

  describe('equals and hashCode', () => {
    it('compares content deeply and lists in order', () => {
      const a = new RealtimeSessionCreateRequest({
        model: 'm',
        tools: [
          { type: 'function', name: 'a' },
          { type: 'function', name: 'b' },
        ],
      });
      const b = RealtimeSessionCreateRequest.fromJson(a.toJson());
      const reversed = a.copyWith({ tools: [...(a.tools ?? [])].reverse() });
      expect(a.equals(b)).toBe(true);
      expect(a.equals(reversed)).toBe(false);
      expect(a.hashCode).toBe(b.hashCode);
    });

    it('does not depend on key order and differs across classes', () => {
      const a = RealtimeSessionCreateRequest.fromJson({ model: 'm', instructions: 'x' });
      const b = RealtimeSessionCreateRequest.fromJson({ instructions: 'x', model: 'm' });
      expect(a.equals(b)).toBe(true);
      expect(a.hashCode).toBe(b.hashCode);
      expect(new RealtimeReasoning({}).equals(new RealtimeTracingConfig({}))).toBe(false);
    });
  });

  describe('toString', () => {
    it('shows the content with MCP authorization and header values redacted', () => {
      const request = new RealtimeSessionCreateRequest({
        model: 'm',
        tools: [
          new RealtimeMcpTool({
            serverLabel: 'docs',
            serverUrl: 'https://mcp.example.com',
            authorization: 'oauth-token-123',
            headers: { 'X-Api-Key': 'key-456' },
          }),
        ],
      });
      const text = request.toString();
      expect(text).toContain('RealtimeSessionCreateRequest(');
      expect(text).toContain('"server_label":"docs"');
      expect(text).toContain('"X-Api-Key":"[redacted]"');
      expect(text).not.toContain('oauth-token-123');
      expect(text).not.toContain('key-456');
      expect(String(request.tools?.[0])).not.toContain('oauth-token-123');
    });
  });

  describe('every field', () => {
    it('round-trips a config that sets every field of the schema', () => {
      const json = {
        type: 'realtime',
        model: 'gpt-realtime-2',
        output_modalities: ['audio'],
        instructions: 'Hi',
        audio: {
          input: {
            format: { type: 'audio/pcm', rate: 24000 },
            transcription: {
              model: 'gpt-transcribe',
              language: 'en',
              languages: ['en', 'fr'],
              keywords: ['Realtime'],
              prompt: 'expect jargon',
              delay: 'low',
            },
            noise_reduction: { type: 'far_field' },
            turn_detection: {
              type: 'server_vad',
              threshold: 0.4,
              prefix_padding_ms: 250,
              silence_duration_ms: 450,
              create_response: false,
              interrupt_response: true,
              idle_timeout_ms: null,
            },
          },
          output: { format: { type: 'audio/pcmu' }, voice: { id: 'voice_1' }, speed: 1.25 },
        },
        include: ['item.input_audio_transcription.logprobs'],
        tracing: { workflow_name: 'w', group_id: 'g', metadata: { team: 'a' } },
        tools: [
          { type: 'function', name: 'f', description: 'd', parameters: { type: 'object', properties: {} } },
          {
            type: 'mcp',
            server_label: 's',
            connector_id: 'connector_gmail',
            authorization: 'tok',
            server_description: 'mail',
            headers: null,
            allowed_tools: { tool_names: ['read'], read_only: true },
            allowed_callers: ['direct'],
            require_approval: { never: { tool_names: ['read'] } },
            defer_loading: true,
          },
          {
            type: 'mcp',
            server_label: 't',
            tunnel_id: `tunnel_${'a'.repeat(32)}`,
            allowed_tools: ['x'],
            require_approval: 'never',
          },
        ],
        tool_choice: { type: 'mcp', server_label: 's', name: null },
        max_output_tokens: 'inf',
        parallel_tool_calls: true,
        reasoning: { effort: 'xhigh' },
        truncation: { type: 'retention_ratio', retention_ratio: 0.5, token_limits: { post_instructions: 1000 } },
        prompt: { id: 'pmpt_1', version: null, variables: { city: 'Paris', note: { type: 'input_text', text: 'x' } } },
      };
      const request = RealtimeSessionCreateRequest.fromJson(json);
      expect(request.toJson()).toStrictEqual(json);
      expect(request.audio?.output?.voice).toBeInstanceOf(RealtimeCustomVoice);
      expect(request.truncation).toBeInstanceOf(RealtimeTruncation);
      expect(request.tracing).toBeInstanceOf(RealtimeTracingConfig);
      expect((request.tools?.[1] as RealtimeMcpTool).headers).toBe(RealtimeOff);
    });
  });
});

describe('unknownKeys', () => {
  it('lists the wire path of every unmodelled key at any depth', () => {
    const request = RealtimeSessionCreateRequest.fromJson({
      model: 'm',
      future: 1,
      audio: { output: { timbre: 'warm' }, input: { turn_detection: { type: 'server_vad', eagerly: true } } },
      tools: [
        { type: 'function', name: 'a' },
        { type: 'mcp', server_label: 's', strict: true },
      ],
    });
    expect(request.unknownKeys()).toStrictEqual([
      'future',
      'audio.input.turn_detection.eagerly',
      'audio.output.timbre',
      'tools[1].strict',
    ]);
    expect(new RealtimeSessionCreateRequest({ model: 'm', instructions: 'x' }).unknownKeys()).toStrictEqual([]);
  });
});
