import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateHostsFor, selfSignedCertificate, type SelfsignedLoader } from '../../src/server/tls.js';

const DAY_MS = 24 * 60 * 60_000;
/** The DER-encoded OID 1.2.840.10045.4.3.2 (ecdsa-with-SHA256); Node 20's X509Certificate does not name the algorithm. */
const ECDSA_WITH_SHA256 = Buffer.from('06082a8648ce3d040302', 'hex');

/** Node 20 prints an IPv6 SAN uncompressed (`0:0:0:0:0:0:0:1`); later versions may compress it. */
const IPV6_LOOPBACK = /IP Address:(?:::1|0:0:0:0:0:0:0:1)(?:,|$)/;

describe('selfSignedCertificate', () => {
  it('names localhost, 127.0.0.1 and ::1 as subjectAltName entries', async () => {
    const { cert } = await selfSignedCertificate();
    const x509 = new X509Certificate(cert);
    const entries = x509.subjectAltName?.split(', ') ?? [];
    expect(entries).toContain('DNS:localhost');
    expect(entries).toContain('IP Address:127.0.0.1');
    expect(x509.subjectAltName).toMatch(IPV6_LOOPBACK);
    expect(x509.ca).toBe(false);
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkIP('::1')).toBe('::1');
  });

  it('returns the private key of the certificate', async () => {
    const { cert, key } = await selfSignedCertificate();
    expect(new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))).toBe(true);
  });

  it('is valid now, for about 30 days, and signed with SHA-256 rather than SHA-1', async () => {
    const x509 = new X509Certificate((await selfSignedCertificate()).cert);
    const from = Date.parse(x509.validFrom);
    const to = Date.parse(x509.validTo);
    expect(from).toBeLessThanOrEqual(Date.now());
    expect(to - from).toBeGreaterThanOrEqual(30 * DAY_MS - 1000);
    expect(to - from).toBeLessThanOrEqual(31 * DAY_MS);
    // Self-signed: its own key verifies its signature.
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.raw.includes(ECDSA_WITH_SHA256)).toBe(true);
  });

  it('uses an EC P-256 key, quick to generate at every start', async () => {
    const { publicKey } = new X509Certificate((await selfSignedCertificate()).cert);
    expect(publicKey.asymmetricKeyType).toBe('ec');
    expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('adds a specific listening host but not a wildcard address', () => {
    expect(certificateHostsFor('127.0.0.1')).toStrictEqual(['localhost', '127.0.0.1', '::1']);
    expect(certificateHostsFor('0.0.0.0')).toStrictEqual(['localhost', '127.0.0.1', '::1']);
    expect(certificateHostsFor('::')).toStrictEqual(['localhost', '127.0.0.1', '::1']);
    expect(certificateHostsFor('192.168.1.20')).toStrictEqual(['localhost', '127.0.0.1', '::1', '192.168.1.20']);
  });

  it('puts an IP literal in an IP entry and a name in a DNS entry', async () => {
    const { cert } = await selfSignedCertificate(['dev.test', '10.0.0.7']);
    const x509 = new X509Certificate(cert);
    expect(x509.checkHost('dev.test')).toBe('dev.test');
    expect(x509.checkIP('10.0.0.7')).toBe('10.0.0.7');
    expect(x509.checkHost('localhost')).toBeUndefined();
  });

  it('says what to install, or what to pass instead, when selfsigned is missing', async () => {
    const missing: SelfsignedLoader = () =>
      Promise.reject(Object.assign(new Error("Cannot find package 'selfsigned'"), { code: 'ERR_MODULE_NOT_FOUND' }));
    const failure = selfSignedCertificate(undefined, missing);
    await expect(failure).rejects.toThrow('npm install -D selfsigned');
    await expect(failure).rejects.toThrow('{ tls: { cert, key } }');
    await expect(failure).rejects.toThrow('--tls-cert FILE --tls-key FILE');
  });

  it('lets any other loading failure through as it is', async () => {
    const broken: SelfsignedLoader = () => Promise.reject(new SyntaxError('Unexpected token in selfsigned'));
    await expect(selfSignedCertificate(undefined, broken)).rejects.toThrow('Unexpected token in selfsigned');
  });
});
