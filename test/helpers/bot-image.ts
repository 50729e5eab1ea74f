import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testDockerHost } from './docker.ts';

const exec = promisify(execFile);

/** Runs the docker CLI against the test engine; resolves with trimmed stdout. */
export async function docker(args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const env = { ...process.env, DOCKER_HOST: testDockerHost, DOCKER_BUILDKIT: '0' };
  const { stdout } = await exec('docker', [...args], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/**
 * The bot's image: `COACH_TEST_IMAGE` when a workflow built it already (release), otherwise built
 * here from the Dockerfile on the base that `.ci/node-base-image.sh` names (the official Node image,
 * or a stand-in made from Debian packages once per machine). Layers are cached, so a rebuild with
 * unchanged dependencies takes seconds. Resolves with the image id.
 */
export async function bakeBotImage(): Promise<string> {
  const given = process.env.COACH_TEST_IMAGE;
  if (given) return docker(['image', 'inspect', '--format', '{{.Id}}', given]);
  const env = { ...process.env, DOCKER_HOST: testDockerHost };
  const base = (await exec('bash', ['.ci/node-base-image.sh'], { env, timeout: 15 * 60_000 })).stdout.trim();
  const dir = mkdtempSync(join(tmpdir(), 'coach-image-'));
  try {
    const idFile = join(dir, 'id');
    await docker(['build', '--build-arg', `NODE_IMAGE=${base}`, '--iidfile', idFile, '-t', 'docker-coach:ci', '.'], 20 * 60_000);
    return readFileSync(idFile, 'utf8').trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
