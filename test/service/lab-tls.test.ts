import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect, createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, testDockerHost } from '../helpers/docker.ts';

// The compose file's lab profile in miniature: an engine that only speaks TLS with client
// certificates (here a TLS terminator in front of the test engine's socket, with a CA made in the
// test), and the bot reaching it with DOCKER_HOST=tcp://…, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH.
const dir = mkdtempSync(join(tmpdir(), 'coach-tls-'));
const certs = join(dir, 'client');
const instance = `tls-${randomBytes(4).toString('hex')}`;
let docker: Docker;
let port = 0;
const accepted: boolean[] = [];
const live = new Set<TLSSocket>();
let server: ReturnType<typeof createTlsServer> | undefined;
let harness: BotHarness | undefined;

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

function makeCertificates(): void {
  execFileSync('mkdir', ['-p', certs]);
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=coach test CA');
  const sign = (name: string, subject: string, extensions: string) => {
    writeFileSync(join(dir, `${name}.ext`), extensions);
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
  };
  sign('server', '/CN=lab-engine', 'subjectAltName=IP:127.0.0.1,DNS:lab-engine\nextendedKeyUsage=serverAuth\n');
  sign('client', '/CN=coach bot', 'extendedKeyUsage=clientAuth\n');
  // The layout the docker CLI and the dind image use: ca.pem, cert.pem, key.pem in one folder.
  writeFileSync(join(certs, 'ca.pem'), readFileSync(join(dir, 'ca.pem')));
  writeFileSync(join(certs, 'cert.pem'), readFileSync(join(dir, 'client.pem')));
  writeFileSync(join(certs, 'key.pem'), readFileSync(join(dir, 'client-key.pem')));
}

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  makeCertificates();
  const socketPath = testDockerHost.replace(/^unix:\/\//, '');
  server = createTlsServer({
    key: readFileSync(join(dir, 'server-key.pem')),
    cert: readFileSync(join(dir, 'server.pem')),
    ca: readFileSync(join(dir, 'ca.pem')),
    requestCert: true,
    rejectUnauthorized: true,
  }, (socket) => {
    accepted.push(socket.authorized);
    live.add(socket);
    const engine = netConnect(socketPath);
    socket.pipe(engine).pipe(socket);
    const end = () => { engine.destroy(); socket.destroy(); live.delete(socket); };
    socket.on('error', end).on('close', end);
    engine.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  await harness?.close();
  for (const socket of live) socket.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (docker) await cleanupInstance(docker, instance);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a lab engine that only accepts TLS with client certificates', () => {
  it('serves /lab to the bot configured with DOCKER_HOST=tcp://, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', async () => {
    harness = await startBotHarness({
      env: { DOCKER_HOST: `tcp://127.0.0.1:${port}`, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs, LAB_INSTANCE: instance, LAB_PORT_RANGE: '22200-22219' },
    });
    const { standin, guild, channel, learnerEn } = harness;
    expect(harness.logs.some((line) => line.msg === 'lab ready')).toBe(true);
    const run = async (command: string) =>
      (await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'lab', subcommand: 'run', locale: 'en-US', options: { command } })).finalMessage(20_000)).content ?? '';
    await run('docker run -d --name tlsweb httpd');
    expect(await run('docker ps')).toContain('tlsweb');
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every(Boolean)).toBe(true);
  }, 60_000);

  it('refuses a client without a certificate before it reaches the engine', async () => {
    const socket = tlsConnect({ host: '127.0.0.1', port, ca: readFileSync(join(dir, 'ca.pem')) });
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const outcome = await new Promise<string>((resolve) => {
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      socket.on('close', () => resolve('closed'));
      socket.on('secureConnect', () => socket.write('GET /_ping HTTP/1.1\r\nHost: docker\r\n\r\n'));
    });
    socket.destroy();
    expect(received).not.toContain('OK');
    expect(outcome).toMatch(/CERTIFICATE_REQUIRED|closed|ECONNRESET|handshake/i);
  });
});
