export {
  createRealtimeEmulator,
  startRealtimeEmulator,
  EMULATOR_API_KEY,
  type RealtimeEmulator,
  type RealtimeEmulatorOptions,
  type RunningRealtimeEmulator,
  type StartRealtimeEmulatorOptions,
} from './emulator.js';
export { EMULATOR_DEFAULT_INSTRUCTIONS } from './session.js';
export type { TlsCertificateAndKey } from './tls.js';
export { createClientSecretHandler, type ClientSecretHandlerOptions } from './client-secret-handler.js';
export {
  realtimeDevServer,
  DEV_CLIENT_SECRET_PATH,
  DEV_REALTIME_PATH,
  type RealtimeDevServerOptions,
} from './vite-plugin.js';
export { runCli } from './cli.js';
export {
  listMcpTools,
  MCP_SDK_INSTALL_COMMAND,
  type ListMcpToolsOptions,
  type McpClientSdk,
  type McpListedTool,
  type McpListing,
  type McpListingFailureReason,
  type McpServerTarget,
  type McpToolAnnotations,
  type McpToolFilter,
} from './mcp-listing.js';
