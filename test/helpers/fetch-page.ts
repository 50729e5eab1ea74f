import type Docker from 'dockerode';
import { demuxLogs } from '../../src/lab/demux-logs.ts';

/**
 * GET a path through a real published port on 127.0.0.1, as a learner's browser would, retrying a
 * bounded number of times while nothing answers yet (a server that just started may refuse the
 * first connections). Resolves with the status and body, or status undefined after the last try.
 */
export async function fetchPage(port: number, path = '/', attempts = 20): Promise<{ status: number | undefined; body: string }> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(1000), headers: { connection: 'close' } });
      return { status: response.status, body: await response.text() };
    } catch {
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return { status: undefined, body: '' };
}

/**
 * What a learner's visit is: GET the page through the published port, then wait (up to 3 s) until
 * the container behind that port shows the request in its access log. A server writes that line
 * after the response, so it can trail the page by a few milliseconds; a learner's Check comes later.
 */
export async function visitPage(docker: Docker, port: number, path = '/'): Promise<{ status: number | undefined; body: string }> {
  const page = await fetchPage(port, path);
  const behind = (await docker.listContainers()).find((c) => c.Ports.some((p) => p.PublicPort === port));
  if (!behind || page.status === undefined) return page;
  const line = `"GET ${path} HTTP/1.1" ${page.status}`;
  for (let attempt = 0; attempt < 30; attempt++) {
    const logs = await docker.getContainer(behind.Id).logs({ stdout: true, stderr: false, tail: 200 });
    if (demuxLogs(logs).stdout.includes(line)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return page;
}
