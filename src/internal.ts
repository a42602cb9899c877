/*
 * `react-realtime-session/internal`: UNSTABLE. Every export of every browser
 * layer, the public ones and the helpers the layers share with each other (the
 * session reducer and planner, JSON and field-path helpers, dev-endpoint
 * parsing, the controllable-state hook…), for tools and experiments that need
 * to reach below the public API. Nothing here is covered by semver: names and
 * signatures change in any release. Applications import `react-realtime-session`.
 */
export * from './model/index.js';
export * from './protocol/index.js';
export * from './transport/index.js';
export * from './session/index.js';
export * from './react/index.js';
export * from './components/index.js';
