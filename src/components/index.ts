export * from './voice-picker/index.js';
export * from './reasoning-effort-picker/index.js';
export * from './parallel-tool-calls-toggle/index.js';
export * from './tool-choice-picker/index.js';
export * from './tools-editor/index.js';
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
