/*
 * The request lines web servers write to the container's output (`docker logs`). The official
 * httpd and nginx images log every request in the common log format on stdout:
 *   172.17.0.1 - - [04/Dec/2026:21:41:00 +0000] "GET / HTTP/1.1" 200 45
 * nginx adds the referrer and the user agent after the size; both forms match here.
 */

export type AccessRequest = { readonly method: string; readonly path: string; readonly status: number };

const requestLine = /"([A-Z]+) (\S+) HTTP\/[0-9.]+" (\d{3}) /;

/** The requests in a container's log lines, oldest first; every other line is skipped. */
export function parseAccessLog(lines: readonly string[]): AccessRequest[] {
  return lines.flatMap((line) => {
    const match = requestLine.exec(`${line} `);
    return match ? [{ method: match[1]!, path: match[2]!, status: Number(match[3]) }] : [];
  });
}

/**
 * Whether a request opened the page itself: a GET of `/` (or `/index.html`, any query string) that
 * the server answered with the page (200) or a "not modified" for a page the browser still had (304).
 * A browser's favicon request or a 404 does not count.
 */
export function openedThePage(request: AccessRequest): boolean {
  const path = request.path.split('?')[0];
  return request.method === 'GET' && (path === '/' || path === '/index.html') && (request.status === 200 || request.status === 304);
}
