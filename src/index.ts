export * from './model/index.js';
export * from './protocol/index.js';
