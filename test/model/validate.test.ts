import { describe, expect, it } from 'vitest';
import {
  RealtimeClientSecretCreateRequest,
  RealtimeOff,
  RealtimeSessionCreateRequest,
  validateClientSecretRequest,
  validateSessionRequest,
  type ConfigIssue,
  type RealtimeSessionCreateRequestInit,
} from '../../src/model/index.js';

function issuesOf(init: Omit<RealtimeSessionCreateRequestInit, 'model'> & { model?: string }): readonly ConfigIssue[] {
  return validateSessionRequest(new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', ...init }));
}

/** The issues as `path code` lines, which reads well in failure output. */
function summary(issues: readonly ConfigIssue[]): string[] {
  return issues.map((issue) => `${issue.path} ${issue.code}`);
}

describe('validateSessionRequest', () => {
  describe('given a valid request', () => {
    it('returns no issues for the seed example', () => {
      expect(
        issuesOf({
          audio: { output: { voice: 'alloy' } },
          instructions: 'You are a helpful assistant.',
          reasoning: { effort: 'minimal' },
        }),
      ).toStrictEqual([]);
    });

    it('returns no issues at the edges of every range', () => {
      expect(
        issuesOf({
          audio: {
            input: { turnDetection: { type: 'server_vad', threshold: 0, idleTimeoutMs: 30000, prefixPaddingMs: 0 } },
            output: { speed: 0.25 },
          },
          maxOutputTokens: 4096,
          truncation: { retentionRatio: 1 },
        }),
      ).toStrictEqual([]);
      expect(
        issuesOf({
          audio: {
            input: { turnDetection: { type: 'server_vad', threshold: 1, idleTimeoutMs: 5000 } },
            output: { speed: 1.5 },
          },
          maxOutputTokens: 1,
          truncation: { retentionRatio: 0 },
        }),
      ).toStrictEqual([]);
    });
  });

  describe('ranges', () => {
    it.each([
      [{ audio: { output: { speed: 0.2 } } }, 'audio.output.speed out_of_range'],
      [{ audio: { output: { speed: 1.51 } } }, 'audio.output.speed out_of_range'],
      [{ audio: { output: { speed: Number.NaN } } }, 'audio.output.speed invalid_type'],
      [{ maxOutputTokens: 0 }, 'max_output_tokens out_of_range'],
      [{ maxOutputTokens: 4097 }, 'max_output_tokens out_of_range'],
      [{ maxOutputTokens: 10.5 }, 'max_output_tokens not_integer'],
      [
        { audio: { input: { turnDetection: { type: 'server_vad', idleTimeoutMs: 4999 } } } },
        'audio.input.turn_detection.idle_timeout_ms out_of_range',
      ],
      [
        { audio: { input: { turnDetection: { type: 'server_vad', idleTimeoutMs: 30001 } } } },
        'audio.input.turn_detection.idle_timeout_ms out_of_range',
      ],
      [
        { audio: { input: { turnDetection: { type: 'server_vad', threshold: 1.2 } } } },
        'audio.input.turn_detection.threshold out_of_range',
      ],
      [
        { audio: { input: { turnDetection: { type: 'server_vad', silenceDurationMs: -1 } } } },
        'audio.input.turn_detection.silence_duration_ms out_of_range',
      ],
      [
        { audio: { input: { turnDetection: { type: 'server_vad', prefixPaddingMs: 1.5 } } } },
        'audio.input.turn_detection.prefix_padding_ms not_integer',
      ],
      [{ truncation: { retentionRatio: 1.1 } }, 'truncation.retention_ratio out_of_range'],
      [
        { truncation: { retentionRatio: 0.5, tokenLimits: { postInstructions: -5 } } },
        'truncation.token_limits.post_instructions out_of_range',
      ],
    ] as const)('%j gives %s', (init, expected) => {
      expect(summary(issuesOf(init as RealtimeSessionCreateRequestInit))).toStrictEqual([expected]);
    });

    it('explains the allowed range in the message', () => {
      expect(issuesOf({ audio: { output: { speed: 3 } } })[0]?.message).toBe('must be between 0.25 and 1.5');
      expect(issuesOf({ maxOutputTokens: 9999 })[0]?.message).toBe("must be between 1 and 4096, or 'inf'");
    });

    it('accepts off for the idle timeout', () => {
      expect(
        issuesOf({ audio: { input: { turnDetection: { type: 'server_vad', idleTimeoutMs: RealtimeOff } } } }),
      ).toStrictEqual([]);
    });
  });

  describe('enums', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ outputModalities: ['video'] }, 'output_modalities[0] invalid_value'],
      [{ reasoning: { effort: 'maximal' } }, 'reasoning.effort invalid_value'],
      [{ toolChoice: 'sometimes' }, 'tool_choice invalid_value'],
      [{ truncation: 'aggressive' }, 'truncation invalid_value'],
      [{ tracing: 'manual' }, 'tracing invalid_value'],
      [{ include: ['everything'] }, 'include[0] invalid_value'],
      [
        { audio: { input: { noiseReduction: { type: 'mid_field' } } } },
        'audio.input.noise_reduction.type invalid_value',
      ],
      [
        { audio: { input: { turnDetection: { type: 'semantic_vad', eagerness: 'eager' } } } },
        'audio.input.turn_detection.eagerness invalid_value',
      ],
      [{ audio: { input: { format: { type: 'audio/mp3' } } } }, 'audio.input.format.type invalid_value'],
      [{ audio: { output: { format: { type: 'audio/pcm', rate: 16000 } } } }, 'audio.output.format.rate invalid_value'],
      [{ audio: { output: { format: { type: 'audio/pcmu', rate: 24000 } } } }, 'audio.output.format.rate conflict'],
      [
        {
          audio: {
            input: { turnDetection: RealtimeOff, transcription: { model: 'gpt-realtime-whisper', delay: 'instant' } },
          },
        },
        'audio.input.transcription.delay invalid_value',
      ],
      [{ type: 'transcription' }, 'type invalid_value'],
    ];
    it.each(cases)('%j gives %s', (init, expected) => {
      expect(summary(issuesOf(init as unknown as RealtimeSessionCreateRequestInit))).toStrictEqual([expected]);
    });

    it('lists the allowed values in the message', () => {
      expect(issuesOf({ reasoning: { effort: 'maximal' as 'low' } })[0]?.message).toBe(
        "must be one of 'minimal', 'low', 'medium', 'high', 'xhigh'",
      );
    });
  });

  describe('required values and patterns', () => {
    it.each([
      [{ model: '' }, 'model required'],
      [{ audio: { output: { voice: '' } } }, 'audio.output.voice required'],
      [{ audio: { output: { voice: { id: ' ' } } } }, 'audio.output.voice.id required'],
      [{ tools: [{ type: 'function' }] }, 'tools[0].name required'],
      [{ tools: [{ type: 'function', name: 'get weather' }] }, 'tools[0].name invalid_pattern'],
      [{ tools: [{ type: 'function', name: 'x'.repeat(65) }] }, 'tools[0].name invalid_pattern'],
      [{ tools: [{ type: 'mcp', serverLabel: 's', tunnelId: 'tunnel_ABC' }] }, 'tools[0].tunnel_id invalid_pattern'],
      [{ tools: [{ type: 'mcp', serverLabel: 's', serverUrl: 'ftp://x' }] }, 'tools[0].server_url invalid_pattern'],
      [{ tools: [{ type: 'mcp', serverLabel: 's', serverUrl: 'not a url' }] }, 'tools[0].server_url invalid_pattern'],
      [{ tools: [{ type: 'mcp', serverLabel: '', serverUrl: 'https://x' }] }, 'tools[0].server_label required'],
      [{ tools: [{ type: 'mcp', serverLabel: 's' }] }, 'tools[0].server_url required'],
      [
        { tools: [{ type: 'mcp', serverLabel: 's', connectorId: 'connector_myspace' }] },
        'tools[0].connector_id invalid_value',
      ],
      [
        { tools: [{ type: 'mcp', serverLabel: 's', serverUrl: 'https://x', allowedCallers: [] }] },
        'tools[0].allowed_callers required',
      ],
      [
        { tools: [{ type: 'mcp', serverLabel: 's', serverUrl: 'https://x', requireApproval: 'sometimes' }] },
        'tools[0].require_approval invalid_value',
      ],
      [
        { tools: [{ type: 'mcp', serverLabel: 's', serverUrl: 'https://x', headers: { ' ': 'v' } }] },
        'tools[0].headers invalid_value',
      ],
      [{ prompt: { id: '' } }, 'prompt.id required'],
      [
        { audio: { input: { transcription: { model: 'gpt-transcribe', languages: [] } } } },
        'audio.input.transcription.languages required',
      ],
    ] as const)('%j gives %s', (init, expected) => {
      expect(summary(issuesOf(init as RealtimeSessionCreateRequestInit))).toStrictEqual([expected]);
    });
  });

  describe('cross-field rules', () => {
    it('gpt-realtime-whisper takes no prompt and needs turn detection off, stated explicitly', () => {
      const whisper = { model: 'gpt-realtime-whisper', prompt: 'Bikes.' } as const;
      expect(summary(issuesOf({ audio: { input: { transcription: whisper } } }))).toStrictEqual([
        'audio.input.transcription.prompt unsupported_for_model',
        'audio.input.turn_detection conflict',
      ]);
      expect(
        summary(
          issuesOf({
            audio: { input: { transcription: { model: 'gpt-realtime-whisper' }, turnDetection: RealtimeOff } },
          }),
        ),
      ).toStrictEqual([]);
      expect(
        summary(issuesOf({ audio: { input: { transcription: { model: 'gpt-4o-transcribe-diarize', prompt: 'x' } } } })),
      ).toStrictEqual(['audio.input.transcription.prompt unsupported_for_model']);
      expect(
        summary(issuesOf({ audio: { input: { transcription: { model: 'gpt-4o-transcribe', prompt: 'x' } } } })),
      ).toStrictEqual([]);
    });

    it('takes a noise reduction strength, never a negative one', () => {
      const noise = (strength: number) =>
        ({ audio: { input: { noiseReduction: { type: 'near_field', strength } } } }) as const;
      expect(summary(issuesOf(noise(0.5)))).toStrictEqual([]);
      expect(summary(issuesOf(noise(-1)))).toStrictEqual(['audio.input.noise_reduction.strength out_of_range']);
    });

    it('limits a function description to 1024 characters', () => {
      const tool = (description: string) => ({ type: 'function', name: 'lookup', description }) as const;
      expect(summary(issuesOf({ tools: [tool('d'.repeat(1024))] }))).toStrictEqual([]);
      const issues = issuesOf({ tools: [tool('d'.repeat(1025))] });
      expect(summary(issues)).toStrictEqual(['tools[0].description too_long']);
      expect(issues[0]?.message).toBe('must be at most 1024 characters, not 1025');
    });

    it('requires unique function names and MCP server labels', () => {
      const issues = issuesOf({
        tools: [
          { type: 'function', name: 'lookup' },
          { type: 'mcp', serverLabel: 'docs', serverUrl: 'https://a' },
          { type: 'function', name: 'lookup' },
          { type: 'mcp', serverLabel: 'docs', connectorId: 'connector_gmail' },
        ],
      });
      expect(summary(issues)).toStrictEqual(['tools[2].name duplicate', 'tools[3].server_label duplicate']);
      expect(issues[0]?.message).toBe('duplicates the name of tools[0]');
    });

    it('allows only one MCP target', () => {
      expect(
        summary(
          issuesOf({
            tools: [{ type: 'mcp', serverLabel: 's', serverUrl: 'https://a', connectorId: 'connector_gmail' }],
          }),
        ),
      ).toStrictEqual(['tools[0].server_url conflict']);
    });

    it('allows only one output modality', () => {
      expect(summary(issuesOf({ outputModalities: ['text', 'audio'] }))).toStrictEqual([
        'output_modalities invalid_value',
      ]);
      expect(summary(issuesOf({ outputModalities: [] }))).toStrictEqual(['output_modalities invalid_value']);
    });

    it('allows reasoning fields only on reasoning models', () => {
      expect(
        summary(issuesOf({ model: 'gpt-realtime', reasoning: { effort: 'low' }, parallelToolCalls: true })),
      ).toStrictEqual(['parallel_tool_calls unsupported_for_model', 'reasoning unsupported_for_model']);
      expect(
        issuesOf({ model: 'gpt-realtime-2.1-mini', reasoning: { effort: 'high' }, parallelToolCalls: false }),
      ).toStrictEqual([]);
    });

    it('does not guess for a model id the table does not know', () => {
      expect(issuesOf({ model: 'acme-voice-7', reasoning: { effort: 'low' }, parallelToolCalls: true })).toStrictEqual(
        [],
      );
    });

    it('requires a forced tool to be one of the listed tools', () => {
      expect(
        summary(issuesOf({ tools: [{ type: 'function', name: 'a' }], toolChoice: { type: 'function', name: 'b' } })),
      ).toStrictEqual(['tool_choice.name unknown_reference']);
      expect(
        summary(
          issuesOf({
            tools: [{ type: 'mcp', serverLabel: 'docs', serverUrl: 'https://a' }],
            toolChoice: { type: 'mcp', serverLabel: 'mail' },
          }),
        ),
      ).toStrictEqual(['tool_choice.server_label unknown_reference']);
      // Tools left unspecified are the server's: nothing to check against.
      expect(issuesOf({ toolChoice: { type: 'function', name: 'b' } })).toStrictEqual([]);
    });

    it('checks transcription options against the transcription model', () => {
      expect(
        summary(
          issuesOf({
            audio: {
              input: { transcription: { model: 'whisper-1', languages: ['en'], keywords: ['x'], delay: 'low' } },
            },
          }),
        ),
      ).toStrictEqual([
        'audio.input.transcription.languages unsupported_for_model',
        'audio.input.transcription.keywords unsupported_for_model',
        'audio.input.transcription.delay unsupported_for_model',
      ]);
    });
    it("reports each rule between fields right after the field's own issues", () => {
      expect(
        summary(
          issuesOf({
            audio: { input: { transcription: { model: 'whisper-1', languages: [], delay: 'instant' as 'low' } } },
            tools: [
              { type: 'mcp', serverLabel: 's', serverUrl: 'ftp://x', connectorId: 'connector_gmail' },
              { type: 'mcp', serverLabel: 's', connectorId: 'connector_myspace' as 'connector_gmail' },
            ],
          }),
        ),
      ).toStrictEqual([
        'audio.input.transcription.languages required',
        'audio.input.transcription.languages unsupported_for_model',
        'audio.input.transcription.delay invalid_value',
        'audio.input.transcription.delay unsupported_for_model',
        'tools[0].server_url conflict',
        'tools[0].server_url invalid_pattern',
        'tools[1].server_label duplicate',
        'tools[1].connector_id invalid_value',
      ]);
    });
  });

  describe('tool parameters', () => {
    function parameterIssues(parameters: Record<string, unknown>): string[] {
      return summary(issuesOf({ tools: [{ type: 'function', name: 'f', parameters: parameters as never }] }));
    }

    it('accepts an object schema with nested keywords', () => {
      expect(
        parameterIssues({
          type: 'object',
          properties: {
            city: { type: 'string', minLength: 1, pattern: '^[A-Z]' },
            days: { type: ['integer', 'null'], minimum: 1 },
            tags: { type: 'array', items: { enum: ['a', 'b'] } },
          },
          required: ['city'],
          additionalProperties: false,
        }),
      ).toStrictEqual([]);
    });

    it.each([
      [{ type: 'array' }, 'tools[0].parameters.type invalid_schema'],
      [{ properties: {} }, 'tools[0].parameters.type invalid_schema'],
      [{ type: 'object', properties: { a: { type: 'text' } } }, 'tools[0].parameters.properties.a.type invalid_schema'],
      [{ type: 'object', properties: { a: 5 } }, 'tools[0].parameters.properties.a invalid_schema'],
      [{ type: 'object', required: 'a' }, 'tools[0].parameters.required invalid_schema'],
      [{ type: 'object', required: ['a', 'a'] }, 'tools[0].parameters.required invalid_schema'],
      [
        { type: 'object', properties: { a: { type: 'string', pattern: '(' } } },
        'tools[0].parameters.properties.a.pattern invalid_schema',
      ],
      [
        { type: 'object', properties: { a: { type: 'string', minLength: -1 } } },
        'tools[0].parameters.properties.a.minLength invalid_schema',
      ],
      [{ type: 'object', anyOf: [] }, 'tools[0].parameters.anyOf invalid_schema'],
      [
        { type: 'object', properties: { a: { type: 'array', items: [{ type: 'bogus' }] } } },
        'tools[0].parameters.properties.a.items[0].type invalid_schema',
      ],
    ])('%j gives %s', (parameters, expected) => {
      expect(parameterIssues(parameters)).toStrictEqual([expected]);
    });
  });
});

describe('what a broken rule accepts', () => {
  it('a range issue carries its bounds and whether it wants whole numbers', () => {
    expect(issuesOf({ audio: { output: { speed: 2 } } })[0]?.accepts).toStrictEqual({
      min: 0.25,
      max: 1.5,
      integer: false,
    });
    expect(issuesOf({ maxOutputTokens: 0 })[0]?.accepts).toStrictEqual({ min: 1, max: 4096, integer: true });
  });

  it('a length issue carries the longest allowed, and a value issue the allowed values', () => {
    const [tooLong] = issuesOf({ tools: [{ type: 'function', name: 'f', description: 'x'.repeat(1025) }] });
    expect(tooLong?.accepts).toStrictEqual({ maxLength: 1024 });
    const [badEffort] = issuesOf({ reasoning: { effort: 'extreme' as 'low' } });
    expect(badEffort?.code).toBe('invalid_value');
    expect(badEffort?.accepts?.values).toContain('minimal');
  });

  it('other issues carry nothing of the kind', () => {
    expect(issuesOf({ tools: [{ type: 'function', name: 'has space' }] })[0]).not.toHaveProperty('accepts');
  });
});

describe('validateClientSecretRequest', () => {
  const session = new RealtimeSessionCreateRequest({ model: 'gpt-realtime' });

  it.each([
    [10, []],
    [7200, []],
    [9, ['expires_after.seconds out_of_range']],
    [7201, ['expires_after.seconds out_of_range']],
    [60.5, ['expires_after.seconds not_integer']],
  ] as const)('expires after %s seconds gives %j', (seconds, expected) => {
    const request = new RealtimeClientSecretCreateRequest({ session, expiresAfter: { seconds } });
    expect(summary(validateClientSecretRequest(request))).toStrictEqual(expected);
  });

  it('prefixes the session issues with session.', () => {
    const request = new RealtimeClientSecretCreateRequest({ session: session.copyWith({ maxOutputTokens: 0 }) });
    expect(summary(validateClientSecretRequest(request))).toStrictEqual(['session.max_output_tokens out_of_range']);
  });
});

describe('validating copies', () => {
  // Issues are cached per immutable instance and list, with paths relative to them; a copy must still get
  // every issue, at the place its subtree now has, and fresh issues for whatever it changed.
  const tools = [
    { type: 'function', name: 'a', parameters: { type: 'object' } },
    { type: 'function', name: 'b', parameters: { type: 'array' } },
  ] as const;
  const request = new RealtimeSessionCreateRequest({ model: 'gpt-realtime-2', tools });
  const [first, second] = request.tools ?? [];

  it('reports the issues of unchanged subtrees again', () => {
    expect(summary(validateSessionRequest(request))).toStrictEqual(['tools[1].parameters.type invalid_schema']);
    expect(validateSessionRequest(request.copyWith({ instructions: 'Be brief.' }))).toStrictEqual(
      validateSessionRequest(request),
    );
  });

  it('names the place a shared tool has in the copy', () => {
    const moved = request.copyWith({ tools: [second, first, second].filter((tool) => tool !== undefined) });
    expect(summary(validateSessionRequest(moved))).toStrictEqual([
      'tools[0].parameters.type invalid_schema',
      'tools[2].name duplicate',
      'tools[2].parameters.type invalid_schema',
    ]);
    const secret = new RealtimeClientSecretCreateRequest({ session: moved });
    expect(summary(validateClientSecretRequest(secret))).toStrictEqual([
      'session.tools[0].parameters.type invalid_schema',
      'session.tools[2].name duplicate',
      'session.tools[2].parameters.type invalid_schema',
    ]);
  });

  it('re-checks what the copy changed', () => {
    const fixed = request.copyWith({
      tools: [first, second?.copyWith({ parameters: { type: 'object' } })].filter((tool) => tool !== undefined),
    });
    expect(validateSessionRequest(fixed)).toStrictEqual([]);
    expect(summary(validateSessionRequest(fixed.copyWith({ model: 'gpt-realtime', reasoning: {} })))).toStrictEqual([
      'reasoning unsupported_for_model',
    ]);
  });
});
