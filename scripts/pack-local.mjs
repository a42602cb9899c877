// Builds the kit and packs it exactly as `npm publish` would, to .pack/react-realtime-session.tgz:
// the stable path examples/vite-app installs from (`file:../../.pack/react-realtime-session.tgz`).
// Usage: node scripts/pack-local.mjs [--no-build]
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PACK_DIR = join(ROOT, '.pack');
export const TARBALL = join(PACK_DIR, 'react-realtime-session.tgz');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Builds (unless `build` is false) and packs; returns the tarball's path. */
export function packLocal({ build = true, timeoutMs = 180_000 } = {}) {
  if (build) {
    try {
      execFileSync(npm, ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: timeoutMs, encoding: 'utf8' });
    } catch (error) {
      // The build's own output says what broke; it is long, so only on failure.
      throw new Error(`npm run build failed\n${error.stdout ?? ''}${error.stderr ?? ''}`.trim());
    }
  }
  mkdirSync(PACK_DIR, { recursive: true });
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', PACK_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  const [{ filename, size, entryCount }] = JSON.parse(out);
  rmSync(TARBALL, { force: true });
  renameSync(join(PACK_DIR, filename), TARBALL);
  console.log(
    `packed ${filename} (${entryCount} files, ${(size / 1024).toFixed(0)} kB) → .pack/react-realtime-session.tgz`,
  );
  return TARBALL;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  packLocal({ build: !process.argv.includes('--no-build') });
}
