export * from './voice-picker/index.js';
export * from './reasoning-effort-picker/index.js';
export * from './parallel-tool-calls-toggle/index.js';
export * from './tool-choice-picker/index.js';
export * from './tools-editor/index.js';
export * from './model-picker/index.js';
export * from './output-modalities-picker/index.js';
export * from './max-output-tokens-input/index.js';
export * from './output-audio-format-picker/index.js';
export * from './turn-detection-editor/index.js';
export * from './input-audio-editor/index.js';
export * from './instructions-editor/index.js';
export * from './prompt-reference-editor/index.js';
export * from './include-picker/index.js';
export * from './tracing-editor/index.js';
export * from './truncation-editor/index.js';
export * from './session-status/index.js';
export * from './session-diff/index.js';
export * from './event-log/index.js';
export * from './audio-controls/index.js';
export * from './session-config-form/index.js';
export type { SessionRequestProps, SessionBindingMode, FieldStore } from './field/use-field-store.js';
export type {
  FieldPart,
  FieldIds,
  FieldMessages,
  FieldBadge,
  EffectiveValue,
  FieldValueSource,
} from './field/use-field.js';
export type { FieldRootAttributes } from './field/field-layout.js';
export { composeEventHandlers } from './field/compose.js';
