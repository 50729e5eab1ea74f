/**
 * Splits the engine's multiplexed log stream (containers without a TTY): each frame is an 8-byte
 * header — stream type (1 stdout, 2 stderr), three zero bytes, big-endian payload size — then the
 * payload. A truncated last frame is kept as far as it goes.
 */
export function demuxLogs(buffer: Buffer): { stdout: string; stderr: string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length) {
    const type = buffer[offset];
    const size = buffer.readUInt32BE(offset + 4);
    const payload = buffer.subarray(offset + 8, Math.min(buffer.length, offset + 8 + size));
    (type === 2 ? err : out).push(payload);
    offset += 8 + size;
  }
  // Not multiplexed after all (a TTY container): the whole buffer is plain output.
  if (offset === 0 && buffer.length > 0 && (buffer[0]! > 2 || buffer.length < 8)) return { stdout: buffer.toString('utf8'), stderr: '' };
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
