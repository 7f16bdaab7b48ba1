// TLS helpers for tests: a certificate made with openssl inside the test, a free port, an HTTPS
// request that trusts exactly one given CA (no NODE_EXTRA_CA_CERTS, no system store), and the
// fingerprint of the certificate a server presents right now.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import https from 'node:https';
import tls from 'node:tls';
import path from 'node:path';

/** A self-signed P-256 certificate for localhost / 127.0.0.1, written as `<name>.crt|.key`. */
export function makeCertificate(dir: string, name: string): { certFile: string; keyFile: string } {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

export interface HttpsAnswer {
  status: number;
  body: string;
}

/** One HTTPS request trusting only `ca`; `servername` for SNI and the certificate's name. */
export function httpsRequest(
  url: string,
  options: {
    ca: string | Buffer;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    servername?: string;
  },
): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        servername: options.servername ?? 'localhost',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** SHA-256 fingerprint of the certificate the server presents to a new connection. */
export function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false },
      () => {
        const fp = socket.getPeerCertificate().fingerprint256;
        socket.end();
        resolve(fp);
      },
    );
    socket.on('error', reject);
  });
}

/** The fingerprint of a PEM certificate, as `servedFingerprint` reports it. */
export function fileFingerprint(pem: string | Buffer): string {
  return new X509Certificate(pem).fingerprint256;
}
