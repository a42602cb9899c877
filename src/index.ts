export * from './model/index.js';
export * from './protocol/index.js';
export * from './transport/index.js';
export * from './session/index.js';
export * from './react/index.js';
export * from './components/index.js';
