import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { HealthReport } from './health.ts';

export type OpsServer = { port: number; close(): Promise<void> };

/** The optional HTTP listener: `GET /healthz` (200 or 503, JSON) and `GET /metrics` (Prometheus text). */
export async function startOpsServer(deps: {
  host: string;
  port: number;
  health: () => Promise<HealthReport>;
  registry: Registry;
  logger: Logger;
}): Promise<OpsServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain', 'method not allowed\n');
    if (path === '/healthz') {
      deps.health().then(
        (report) => send(response, report.healthy ? 200 : 503, 'application/json', `${JSON.stringify(report)}\n`),
        (error: unknown) => fail(response, error, deps.logger),
      );
    } else if (path === '/metrics') {
      deps.registry.metrics().then(
        (text) => send(response, 200, deps.registry.contentType, text),
        (error: unknown) => fail(response, error, deps.logger),
      );
    } else {
      send(response, 404, 'text/plain', 'not found\n');
    }
  });
  server.listen(deps.port, deps.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  deps.logger.info({ host: deps.host, port }, 'health and metrics listening');
  return {
    port,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  response.end(body);
}

function fail(response: ServerResponse, error: unknown, logger: Logger): void {
  logger.error({ err: error }, 'ops endpoint failed');
  send(response, 500, 'text/plain', 'internal error\n');
}
