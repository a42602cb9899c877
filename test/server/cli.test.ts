import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, runCli, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { selfSignedCertificate } from '../../src/server/tls.js';
import { connect, wsUrl } from './realtime-test-client.js';
import { firstWssEvent, servedCertificate } from './tls-test-client.js';

describe('react-realtime-session emulator (CLI)', () => {
  it('starts the emulator on the port given and prints where', async () => {
    const lines: string[] = [];
    const running = await runCli(['emulator', '--port', '0', '--api-key', 'sk-cli-test'], (line) => lines.push(line));
    if (running === undefined) throw new Error('expected the emulator to start');
    expect(lines[0]).toContain(running.url);
    expect(lines.join('\n')).not.toContain('sk-cli-test');
    const client = await connect(wsUrl(running.url), { apiKey: 'sk-cli-test' });
    await client.next('session.created');
    await client.close();
    await running.close();
  });

  it('prints usage for anything else', async () => {
    const lines: string[] = [];
    expect(await runCli([], (line) => lines.push(line))).toBeUndefined();
    expect(lines[0]).toContain('Usage: react-realtime-session emulator');
  });

  it('refuses a bad port', async () => {
    await expect(runCli(['emulator', '--port', '70000'], () => undefined)).rejects.toThrow('--port');
  });
});

describe('react-realtime-session emulator --tls (CLI)', () => {
  let directory: string | undefined;
  let running: RunningRealtimeEmulator | undefined;

  function temporaryDirectory(): string {
    directory = mkdtempSync(join(tmpdir(), 'realtime-emulator-cli-'));
    return directory;
  }

  afterEach(async () => {
    await running?.close();
    running = undefined;
    if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  it('serves https with a generated certificate, written where it says, and the key written nowhere', async () => {
    const certOut = join(temporaryDirectory(), 'emulator-cert.pem');
    const lines: string[] = [];
    running = await runCli(['emulator', '--port', '0', '--tls', '--tls-cert-out', certOut], (line) => lines.push(line));
    if (running === undefined) throw new Error('expected the emulator to start');
    expect(running.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/v1$/);
    const output = lines.join('\n');
    expect(lines[0]).toContain(running.url);
    expect(lines[0]).toContain(`${running.url.replace('https', 'wss')}/realtime`);
    expect(output).toContain(certOut);
    expect(output).toContain(`NODE_EXTRA_CA_CERTS=${certOut}`);
    expect(existsSync(certOut)).toBe(true);
    const written = readFileSync(certOut, 'utf8');
    expect(written).toBe(running.certificate);
    expect(written).not.toContain('PRIVATE KEY');
    expect(readdirSync(directory ?? '')).toStrictEqual(['emulator-cert.pem']);
    const served = await servedCertificate(running.port, written);
    expect(served.raw.equals(new X509Certificate(written).raw)).toBe(true);
    const first = await firstWssEvent(wsUrl(running.url), EMULATOR_API_KEY, written);
    expect('event' in first && first.event['type']).toBe('session.created');
  });

  it('serves the certificate and key files given', async () => {
    const given = await selfSignedCertificate();
    const folder = temporaryDirectory();
    const certFile = join(folder, 'cert.pem');
    const keyFile = join(folder, 'key.pem');
    writeFileSync(certFile, given.cert);
    writeFileSync(keyFile, given.key);
    const lines: string[] = [];
    running = await runCli(['emulator', '--port', '0', '--tls-cert', certFile, '--tls-key', keyFile], (line) =>
      lines.push(line),
    );
    if (running === undefined) throw new Error('expected the emulator to start');
    expect(running.certificate).toBe(given.cert);
    expect(lines.join('\n')).toContain(certFile);
    const served = await servedCertificate(running.port, given.cert);
    expect(served.raw.equals(new X509Certificate(given.cert).raw)).toBe(true);
  });

  it('refuses --tls-cert without --tls-key, and the reverse, before starting', async () => {
    await expect(runCli(['emulator', '--port', '0', '--tls-cert', 'cert.pem'], () => undefined)).rejects.toThrow(
      '--tls-cert and --tls-key go together',
    );
    await expect(runCli(['emulator', '--port', '0', '--tls-key', 'key.pem'], () => undefined)).rejects.toThrow(
      '--tls-cert and --tls-key go together',
    );
  });

  it('refuses --tls-cert-out without a certificate to write', async () => {
    await expect(runCli(['emulator', '--port', '0', '--tls-cert-out', 'x.pem'], () => undefined)).rejects.toThrow(
      '--tls-cert-out needs --tls',
    );
  });

  it('names the file it cannot read', async () => {
    const missing = join(temporaryDirectory(), 'missing.pem');
    await expect(
      runCli(['emulator', '--port', '0', '--tls-cert', missing, '--tls-key', missing], () => undefined),
    ).rejects.toThrow(`--tls-cert ${missing}`);
  });

  it('lists the TLS flags in its usage', async () => {
    const lines: string[] = [];
    await runCli(['--help'], (line) => lines.push(line));
    for (const flag of [
      '--tls ',
      '--tls-cert FILE',
      '--tls-key FILE',
      '--tls-cert-out FILE',
      'npm install -D selfsigned',
    ])
      expect(lines[0]).toContain(flag);
  });
});
