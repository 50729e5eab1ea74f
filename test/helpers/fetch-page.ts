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
