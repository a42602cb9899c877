export * from './voice-picker/index.js';
export * from './reasoning-effort-picker/index.js';
export * from './parallel-tool-calls-toggle/index.js';
export * from './tool-choice-picker/index.js';
export * from './tools-editor/index.js';
export type { SessionRequestProps, SessionBindingMode, RequestBinding } from './field/use-request-binding.js';
export type { FieldIds, FieldMessages } from './field/field-parts.js';
