// Size budget for the browser entry: bundle what an app would import, minified, and gzip it.
// size-limit 14 needs Node 22, so this is the small esbuild + zlib equivalent.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

// Raised by ~2 kB when the store learnt to reconcile acknowledgements by content, time out, back off on rate
// limits, and the hook learnt to find the dev server's endpoint; the model's slimming is meant to win it back.
// Raised again (+4 kB all, +3 kB one component) when the components moved onto one field contract: effective
// values, notes for locks, holds and the connection, Revert, unknown keys, local parse errors, stable tool rows and
// import with confirmation. The contract is shared, so each further component costs only its own markup.
// Raised to 56 kB (measured 55.67 kB) when every session field got its component, with SessionConfigForm and
// the three live views: about 1.2 kB gzip a component. One component alone stays in its own budget below.
// Raised to 56.5 kB (measured 56.09 kB) when every client event of the API got its builder.
// The hook + model budget raised 20.5 → 21 kB and one component's 25.5 → 26 kB (measured 20.60 and 25.47 kB) when
// the model learnt more of the API's rules: description length, the transcription models' table, noise strength.
// Raised to 57 kB (measured 56.61 kB) when the parser learnt all 46 GA server events (their required fields) and
// issues what their rules accept.
// Raised to 58 kB all (measured 57.74 kB), 22 kB hook + model
// (measured 21.72 kB, was 20.92) and 27 kB one component (measured 26.64 kB, was 25.78) when the store learnt to
// keep each MCP server's tool listing (snapshot.mcpListings: +0.8 kB gzip in the reducer, which every store
// bundles) and the ToolsEditor to show it (+0.3 kB).
// Raised to 61 kB all (measured 60.60 kB, was 57.76), 24.5 kB hook + model (measured 24.29 kB, was 21.72) and
// 29.5 kB one component (measured 29.17 kB, was 26.64) when useRealtimeSession learnt transport: 'webrtc': the
// hook now imports the WebRTC transport (peer connection, SDP exchange, microphone and media controls, their
// actionable errors: 6.5 kB min), which no bundler can drop while the transport is chosen by a string at runtime.
// Raised to 62 kB all (measured 61.89 kB, was 60.63) for AudioControls: its markup, the level meters' frame loop
// and the push-to-talk button (+1.26 kB gzip, 4 kB min). The hook and one-component budgets do not bundle it
// (measured 24.32 and 29.20 kB): it tree-shakes away where it is not imported.
const budgets = [
  // Every export as an app bundles it (model, session, hooks and all form components), React left to the app.
  {
    name: 'react-realtime-session (all exports)',
    contents: "export * from './dist/index.js';",
    limitBytes: 62 * 1024,
  },
  // The common case: the hook, the model and the WebSocket transport; the rest must tree-shake away.
  {
    name: 'useRealtimeSession + RealtimeSessionCreateRequest',
    contents:
      "export { useRealtimeSession, useSessionField, RealtimeSessionProvider, RealtimeSessionCreateRequest } from './dist/index.js';",
    limitBytes: 24.5 * 1024,
  },
  // One component on top of the hook: the others (ToolsEditor and its JSON parser above all) must not come along.
  {
    name: 'VoicePicker + useRealtimeSession',
    contents: "export { VoicePicker, useRealtimeSession, RealtimeSessionProvider } from './dist/index.js';",
    limitBytes: 29.5 * 1024,
  },
];

let failed = false;
for (const { name, contents, limitBytes } of budgets) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    // What an app's production build sees: development-only branches of dependencies drop out.
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  if (process.argv.includes('--why')) {
    const inputs = Object.values(result.metafile.outputs)[0].inputs;
    const rows = Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    for (const [file, { bytesInOutput }] of rows.slice(0, 25))
      console.log(`${String(bytesInOutput).padStart(7)}  ${file}`);
  }
  const text = new TextDecoder().decode(code);
  if (/from\s*"(?:node:[^"]+|ws)"|require\("(?:node:|ws)/.test(text)) {
    console.error(`${name}: pulls in Node-only code (node: built-ins or ws); keep src/server out of the browser entry`);
    failed = true;
  }
  if (/\beval\(|new Function\(/.test(text)) {
    console.error(`${name}: uses eval or new Function, which a strict Content-Security-Policy forbids`);
    failed = true;
  }
  const gzipped = gzipSync(code, { level: 9 }).length;
  const ok = gzipped <= limitBytes;
  failed ||= !ok;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${name}: ${(gzipped / 1024).toFixed(2)} kB gzip (${(code.length / 1024).toFixed(1)} kB min), budget ${(limitBytes / 1024).toFixed(1)} kB`,
  );
}
process.exit(failed ? 1 : 0);
