import type { RealtimeSessionFieldPath } from '../../model/index.js';

/** How the components name each field in messages ("Held back: tool choice …", "Revert voice"). */
export const FIELD_LABELS: Readonly<Record<RealtimeSessionFieldPath, string>> = {
  model: 'model',
  instructions: 'instructions',
  output_modalities: 'output modalities',
  tools: 'tools',
  tool_choice: 'tool choice',
  max_output_tokens: 'max output tokens',
  parallel_tool_calls: 'parallel tool calls',
  reasoning: 'reasoning effort',
  tracing: 'tracing',
  truncation: 'truncation',
  include: 'include',
  prompt: 'prompt',
  'audio.input.format': 'input audio format',
  'audio.input.transcription': 'transcription',
  'audio.input.noise_reduction': 'noise reduction',
  'audio.input.turn_detection': 'turn detection',
  'audio.output.format': 'output audio format',
  'audio.output.voice': 'voice',
  'audio.output.speed': 'speed',
};
