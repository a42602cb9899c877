import { describe, expect, it } from 'vitest';
import {
  RealtimeOff,
  RealtimePrompt,
  RealtimeReasoning,
  RealtimeTracingConfig,
  RealtimeTruncation,
  RealtimeTruncationTokenLimits,
} from '../../src/model/index.js';
import { describeModelContract } from './model-contract.js';

describeModelContract(RealtimeReasoning, {
  full: { effort: 'high' },
  change: ['effort', 'minimal', 'effort', 'minimal'],
  clear: ['effort', 'effort'],
  wrongType: [{ effort: 1 }, 'effort'],
});

describeModelContract(RealtimeTracingConfig, {
  full: { workflow_name: 'support', group_id: 'g1', metadata: { region: 'eu', tags: ['a'] } },
  change: ['groupId', 'g2', 'group_id', 'g2'],
  clear: ['metadata', 'metadata'],
  wrongType: [{ metadata: 'eu' }, 'metadata'],
});

describeModelContract(RealtimeTruncationTokenLimits, {
  full: { post_instructions: 5000 },
  change: ['postInstructions', 100, 'post_instructions', 100],
  clear: ['postInstructions', 'post_instructions'],
  wrongType: [{ post_instructions: '5k' }, 'post_instructions'],
});

describeModelContract(RealtimeTruncation, {
  full: { type: 'retention_ratio', retention_ratio: 0.8, token_limits: { post_instructions: 5000 } },
  change: ['retentionRatio', 0.5, 'retention_ratio', 0.5],
  clear: ['tokenLimits', 'token_limits'],
  wrongType: [{ type: 'retention_ratio', retention_ratio: 0.5, token_limits: 5 }, 'token_limits'],
});

describeModelContract(RealtimePrompt, {
  full: { id: 'pmpt_1', version: '2', variables: { city: 'Paris', doc: { type: 'input_file', file_id: 'file_1' } } },
  change: ['version', RealtimeOff, 'version', null],
  clear: ['variables', 'variables'],
  wrongType: [{ id: 'pmpt_1', variables: { city: 5 } }, 'variables.city'],
});

describe('options', () => {
  it('requires retention_ratio for retention-ratio truncation', () => {
    expect(() => RealtimeTruncation.fromJson({ type: 'retention_ratio' })).toThrow(
      expect.objectContaining({ path: 'retention_ratio', code: 'required' }),
    );
  });

  it('offers off for tracing and prompt', () => {
    expect(RealtimeTracingConfig.off).toBe(RealtimeOff);
    expect(RealtimePrompt.off).toBe(RealtimeOff);
  });
});
