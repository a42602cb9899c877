export * from './voice-picker/index.js';
export type { SessionRequestProps, SessionBindingMode, RequestBinding } from './field/use-request-binding.js';
