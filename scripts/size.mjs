// Size budget for the browser entry: bundle what an app would import, minified, and gzip it.
// size-limit 14 needs Node 22, so this is the small esbuild + zlib equivalent.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

const budgets = [
  // The model entry as an app bundles it: every export, React left to the app.
  { name: 'react-realtime-session (all exports)', entry: 'dist/index.js', limitBytes: 12 * 1024 },
];

let failed = false;
for (const { name, entry, limitBytes } of budgets) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
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
    `${ok ? 'ok  ' : 'OVER'} ${name}: ${(gzipped / 1024).toFixed(2)} kB gzip (${(code.length / 1024).toFixed(1)} kB min), budget ${(limitBytes / 1024).toFixed(0)} kB`,
  );
}
process.exit(failed ? 1 : 0);
