/*
 * A minimal client for an OpenAI-compatible chat-completions endpoint (OpenAI, a local llama.cpp,
 * Ollama or vLLM server…). It never throws into the caller: every failure (timeout, refused
 * connection, HTTP error, malformed or oversized body) comes back as a result the caller can log.
 */

export type ChatCompletionsConfig = {
  /** The endpoint, or its API base: `http://host/v1` becomes `http://host/v1/chat/completions`. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string | undefined;
  /** Whole-request budget, body included. */
  readonly timeoutMs: number;
};

export type ChatMessage = { readonly role: 'system' | 'user' | 'assistant'; readonly content: string };

export type ChatFailureReason = 'timeout' | 'aborted' | 'network' | 'http' | 'bad-response' | 'empty';

export type ChatResult =
  | { readonly ok: true; readonly text: string; readonly elapsedMs: number }
  | { readonly ok: false; readonly reason: ChatFailureReason; readonly detail: string; readonly status?: number; readonly elapsedMs: number };

export type ChatCompletionsClient = {
  complete(messages: readonly ChatMessage[], options?: { maxTokens?: number; temperature?: number; signal?: AbortSignal }): Promise<ChatResult>;
};

/** Largest response body read; a chat completion of one paragraph is a few kilobytes. */
const maxBodyBytes = 256 * 1024;

/** The full chat-completions URL for a configured endpoint or API base. */
export function chatCompletionsUrl(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/chat\/completions$/.test(trimmed) ? trimmed : `${trimmed}/chat/completions`;
}

export function createChatCompletionsClient(
  config: ChatCompletionsConfig,
  deps: { fetch?: typeof fetch; now?: () => number } = {},
): ChatCompletionsClient {
  const doFetch = deps.fetch ?? fetch;
  const now = deps.now ?? (() => performance.now());
  const endpoint = chatCompletionsUrl(config.url);

  return {
    async complete(messages, options = {}) {
      const started = now();
      const timeout = AbortSignal.timeout(config.timeoutMs);
      const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
      const fail = (reason: ChatFailureReason, detail: string, status?: number): ChatResult => ({
        ok: false, reason, detail: detail.slice(0, 300), elapsedMs: Math.round(now() - started), ...(status === undefined ? {} : { status }),
      });
      try {
        const response = await doFetch(endpoint, {
          method: 'POST',
          signal,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: config.model,
            messages,
            max_tokens: options.maxTokens ?? 400,
            temperature: options.temperature ?? 0.4,
            stream: false,
          }),
        });
        const body = await readLimited(response);
        if (!response.ok) return fail('http', `HTTP ${response.status}: ${body ?? '(body too large)'}`, response.status);
        if (body === undefined) return fail('bad-response', `body larger than ${maxBodyBytes} bytes`);
        const text = contentOf(body);
        if (text === undefined) return fail('bad-response', `no choices[0].message.content in: ${body}`);
        if (text.trim() === '') return fail('empty', 'the model returned an empty message');
        return { ok: true, text, elapsedMs: Math.round(now() - started) };
      } catch (error) {
        if (timeout.aborted) return fail('timeout', `no complete answer within ${config.timeoutMs} ms`);
        if (signal.aborted) return fail('aborted', 'cancelled by the caller');
        return fail('network', describe(error));
      }
    },
  };
}

/** The body as text, or undefined when it is larger than the limit (the rest is not downloaded). */
async function readLimited(response: Response): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBodyBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function contentOf(body: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const message = (json as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message;
  const content = message?.content;
  if (typeof content === 'string') return content;
  // Some servers send content as parts: [{ type: 'text', text }].
  if (Array.isArray(content)) {
    const texts = content.map((part: { text?: unknown }) => (typeof part?.text === 'string' ? part.text : '')).join('');
    return texts;
  }
  return undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? `: ${(cause as Error & { code?: string }).code ?? cause.message}` : '';
  return `${error.message}${causeText}`;
}
