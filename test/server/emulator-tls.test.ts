import { X509Certificate } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startRealtimeEmulator, type RunningRealtimeEmulator } from '../../src/server/index.js';
import { selfSignedCertificate } from '../../src/server/tls.js';
import { wsUrl } from './realtime-test-client.js';
import { firstWssEvent, httpsPostJson, servedCertificate } from './tls-test-client.js';

const running: RunningRealtimeEmulator[] = [];

async function start(tls: Parameters<typeof startRealtimeEmulator>[0]): Promise<RunningRealtimeEmulator> {
  const emulator = await startRealtimeEmulator({ host: '127.0.0.1', port: 0, ...tls });
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

describe('the Realtime emulator over TLS', () => {
  it('serves https and wss with a generated certificate that a client trusting it accepts', async () => {
    const emulator = await start({ tls: true });
    expect(emulator.url).toBe(`https://127.0.0.1:${emulator.port}/v1`);
    expect(emulator.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const url = wsUrl(emulator.url, 'gpt-realtime-2');
    expect(url).toBe(`wss://127.0.0.1:${emulator.port}/v1/realtime?model=gpt-realtime-2`);
    const first = await firstWssEvent(url, EMULATOR_API_KEY, emulator.certificate);
    expect('event' in first && first.event['type']).toBe('session.created');
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const emulator = await start({ tls: true });
    const first = await firstWssEvent(wsUrl(emulator.url), EMULATOR_API_KEY);
    expect('error' in first && first.error.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(emulator.emulator.sessionCount).toBe(0);
  });

  it('mints client secrets over https', async () => {
    const emulator = await start({ tls: true });
    const { status, json } = await httpsPostJson(
      `${emulator.url}/realtime/client_secrets`,
      EMULATOR_API_KEY,
      emulator.certificate ?? '',
      { session: { type: 'realtime', model: 'gpt-realtime-2' } },
    );
    expect(status).toBe(200);
    expect(json['value']).toMatch(/^ek_/);
  });

  it('presents a certificate valid for localhost as well as 127.0.0.1', async () => {
    const emulator = await start({ tls: true });
    const served = await servedCertificate(emulator.port, emulator.certificate ?? '', 'localhost');
    expect(served.subjectaltname).toContain('DNS:localhost');
  });

  it('serves exactly the certificate it is given, string or Buffer', async () => {
    const given = await selfSignedCertificate();
    const emulator = await start({ tls: { cert: Buffer.from(given.cert), key: given.key } });
    expect(emulator.certificate).toBe(given.cert);
    const served = await servedCertificate(emulator.port, given.cert);
    expect(served.raw.equals(new X509Certificate(given.cert).raw)).toBe(true);
    const first = await firstWssEvent(wsUrl(emulator.url), EMULATOR_API_KEY, given.cert);
    expect('event' in first && first.event['type']).toBe('session.created');
  });

  it('refuses a key that does not belong to the certificate, saying it is the tls option', async () => {
    const [one, other] = await Promise.all([selfSignedCertificate(), selfSignedCertificate()]);
    await expect(start({ tls: { cert: one.cert, key: other.key } })).rejects.toThrow(/tls cert and key are unusable/);
  });

  it('stays on plain http without tls, with no certificate', async () => {
    const emulator = await start({});
    expect(emulator.url).toMatch(/^http:\/\//);
    expect(emulator.certificate).toBeUndefined();
  });
});
