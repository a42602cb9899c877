/**
 * TLS for the standalone emulator: official clients always dial `wss:`, so the
 * emulator can serve https with a certificate it generates for loopback, or one
 * the caller gives. Generation needs the optional peer `selfsigned`, loaded on
 * demand so that plain-http users never need it installed.
 */

/** A PEM certificate and its private key, as `node:https` takes them. */
export interface TlsCertificateAndKey {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

/** A generated certificate: both PEM strings. */
export interface GeneratedCertificate {
  readonly cert: string;
  readonly key: string;
}

/** A subjectAltName entry as selfsigned takes it: 2 is a DNS name, 7 an IP address. */
type AltName = { type: 2; value: string } | { type: 7; ip: string };

type CertificateExtension =
  | { name: 'basicConstraints'; cA: boolean; critical: boolean }
  | { name: 'keyUsage'; digitalSignature: boolean; critical: boolean }
  | { name: 'extKeyUsage'; serverAuth: boolean }
  | { name: 'subjectAltName'; altNames: AltName[] };

/** The part of `selfsigned` v5 used here; declared locally so the published types do not need the optional peer. */
export interface SelfsignedModule {
  generate(
    attributes: { name: string; value: string }[],
    options: {
      keyType: 'ec';
      curve: 'P-256';
      algorithm: 'sha256';
      notBeforeDate: Date;
      notAfterDate: Date;
      extensions: CertificateExtension[];
    },
  ): Promise<{ readonly cert: string; readonly private: string }>;
}

/** Loads `selfsigned`; tests replace it to simulate a missing package. */
export type SelfsignedLoader = () => Promise<SelfsignedModule>;

/** The names a local client dials the emulator by. */
export const LOOPBACK_CERTIFICATE_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** Long enough for a working month, short enough that a leaked dev certificate soon stops mattering. */
const VALIDITY_DAYS = 30;
/** A client whose clock runs a little behind (a VM, a container) would otherwise see a not-yet-valid certificate. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

const MISSING_SELFSIGNED =
  'Generating a TLS certificate for the Realtime emulator needs the optional package `selfsigned`: ' +
  'run `npm install -D selfsigned`, or pass your own certificate instead: ' +
  'startRealtimeEmulator({ tls: { cert, key } }) or the CLI flags --tls-cert FILE --tls-key FILE.';

const importSelfsigned: SelfsignedLoader = () => import('selfsigned');

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

/** IP literals go in as IP entries: clients match an IP URL against IP entries only, never DNS ones. */
function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/**
 * A self-signed certificate (EC P-256, SHA-256, valid 30 days) for `hosts`,
 * as subjectAltName DNS and IP entries, with its private key.
 *
 * @throws an Error saying to run `npm install -D selfsigned` (or to pass a
 * certificate) when the optional peer `selfsigned` is not installed.
 *
 * @example
 * ```ts
 * const { cert, key } = await selfSignedCertificate(['localhost', '127.0.0.1', '::1']);
 * https.createServer({ cert, key }, handler);
 * // clients trust it with `new WebSocket(url, { ca: cert })` or NODE_EXTRA_CA_CERTS
 * ```
 */
export async function selfSignedCertificate(
  hosts: readonly string[] = LOOPBACK_CERTIFICATE_HOSTS,
  loadSelfsigned: SelfsignedLoader = importSelfsigned,
): Promise<GeneratedCertificate> {
  let selfsigned: SelfsignedModule;
  try {
    selfsigned = await loadSelfsigned();
  } catch (error) {
    if (isModuleNotFound(error)) throw new Error(MISSING_SELFSIGNED, { cause: error });
    throw error;
  }
  const notBeforeDate = new Date(Date.now() - CLOCK_SKEW_MS);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALIDITY_DAYS * DAY_MS);
  const altNames = [...new Set(hosts)].map((host): AltName =>
    isIpAddress(host) ? { type: 7, ip: host } : { type: 2, value: host },
  );
  const pems = await selfsigned.generate([{ name: 'commonName', value: hosts[0] ?? 'localhost' }], {
    // EC keys generate in milliseconds where RSA 2048 takes a noticeable moment at every start.
    keyType: 'ec',
    curve: 'P-256',
    // selfsigned's default signature is SHA-1, which current TLS stacks refuse.
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** The hosts a certificate generated for a server listening on `listenHost` should name. */
export function certificateHostsFor(listenHost: string): readonly string[] {
  // A wildcard address is not a name anyone dials; a specific one (a LAN IP, a hostname) is.
  const wildcard = listenHost === '0.0.0.0' || listenHost === '::' || listenHost === '';
  return wildcard || LOOPBACK_CERTIFICATE_HOSTS.includes(listenHost)
    ? LOOPBACK_CERTIFICATE_HOSTS
    : [...LOOPBACK_CERTIFICATE_HOSTS, listenHost];
}

/**
 * The certificate and key to serve: `tls` itself when given, else a fresh
 * self-signed one for loopback and `listenHost`. `certificate` is the cert as
 * PEM text, for clients to trust.
 */
export async function resolveTlsCertificate(
  tls: true | TlsCertificateAndKey,
  listenHost: string,
  loadSelfsigned: SelfsignedLoader = importSelfsigned,
): Promise<TlsCertificateAndKey & { readonly certificate: string }> {
  if (tls !== true) return { ...tls, certificate: tls.cert.toString() };
  const generated = await selfSignedCertificate(certificateHostsFor(listenHost), loadSelfsigned);
  return { ...generated, certificate: generated.cert };
}
