import { judgeEnv } from './env-policy.ts';
import type { EnvVar, ImageRef, LabRefusal, PortMapping } from './command-types.ts';

type Checked<T> = { ok: true; value: T } | { ok: false; refusal: LabRefusal };
const refuse = (code: LabRefusal['code'], detail: string) => ({ ok: false as const, refusal: { code, detail: clip(detail) } });

/** Docker's own container-name rule, with our length cap. Also used for ID prefixes. */
const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
export const maxNameLength = 64;
const imagePattern = /^([a-z0-9][a-z0-9._/-]*)(?::([A-Za-z0-9._-]+))?$/;
const maxImageLength = 200;

/** Shortens echoed input so a refusal stays one line. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A container name or ID prefix as Docker accepts it (`apa02`, `3f2a9b1c`). */
export function checkContainerName(text: string): Checked<string> {
  if (text.length === 0 || text.length > maxNameLength || !namePattern.test(text)) return refuse('invalid-name', text);
  return { ok: true, value: text };
}

/** `host:container` (optionally `/tcp`), both 1–65535; the host side is required. */
export function checkPort(text: string): Checked<PortMapping> {
  const match = /^(\d{1,5}):(\d{1,5})(?:\/tcp)?$/.exec(text);
  if (!match) return refuse('invalid-port', text);
  const hostPort = Number(match[1]);
  const containerPort = Number(match[2]);
  if (!inPortRange(hostPort) || !inPortRange(containerPort)) return refuse('invalid-port', text);
  return { ok: true, value: { hostPort, containerPort } };
}

function inPortRange(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * `KEY=VALUE` only. A bare `-e KEY` would copy the variable from the bot's own environment into the
 * learner's container, so it is refused like any malformed pair.
 */
export function checkEnv(text: string): Checked<EnvVar> {
  const eq = text.indexOf('=');
  if (eq <= 0) return refuse('invalid-env', text);
  const key = text.slice(0, eq);
  const value = text.slice(eq + 1);
  const verdict = judgeEnv(key, value);
  if (verdict === 'malformed') return refuse('invalid-env', text);
  if (verdict === 'denied-key') return refuse('env-not-allowed', key);
  return { ok: true, value: { key, value } };
}

/** An image reference without registry host or digest, normalized to `name:tag`. */
export function checkImage(text: string): Checked<ImageRef> {
  const match = text.length <= maxImageLength ? imagePattern.exec(text) : null;
  if (!match || match[1]!.endsWith('/') || match[1]!.includes('//')) return refuse('invalid-image', text);
  const name = match[1]!.replace(/^docker\.io\//, '').replace(/^library\//, '');
  if (name.length === 0) return refuse('invalid-image', text);
  const tag = match[2] ?? 'latest';
  return { ok: true, value: { name, tag, ref: `${name}:${tag}`, raw: text, untagged: match[2] === undefined } };
}
