import { request } from 'node:https';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import WebSocket from 'ws';

type Json = Record<string, unknown>;

/** What a wss: client got: the first server event, or the error that stopped the handshake. */
export type FirstEvent = { readonly event: Json } | { readonly error: Error & { code?: string } };

/** Opens a wss: session trusting `ca` (or only the system CAs) and resolves with its first event, then closes it. */
export function firstWssEvent(url: string, apiKey: string, ca?: string): Promise<FirstEvent> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${apiKey}` }, ...(ca ? { ca } : {}) });
    socket.once('message', (data) => {
      resolve({ event: JSON.parse(data.toString()) as Json });
      socket.close();
    });
    socket.once('error', (error) => resolve({ error }));
  });
}

/** POSTs JSON over https trusting `ca`; resolves with the status and parsed body. */
export function httpsPostJson(
  url: string,
  apiKey: string,
  ca: string,
  body: Json,
): Promise<{ status: number; json: Json }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        ca,
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) as Json }),
        );
      },
    );
    outgoing.once('error', reject);
    outgoing.end(JSON.stringify(body));
  });
}

/**
 * The certificate a TLS server on 127.0.0.1 presents, verified against `ca` for
 * `servername` or else for the IP (an IP as SNI is deprecated, so none is sent then).
 */
export function servedCertificate(port: number, ca: string, servername?: string): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect(
      { host: '127.0.0.1', port, ca, ...(servername === undefined ? {} : { servername }) },
      () => {
        resolve(socket.getPeerCertificate());
        socket.end();
      },
    );
    socket.once('error', reject);
  });
}
