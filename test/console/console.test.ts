import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `tsx src/console/main.ts` with `input` piped to stdin; bounded so a hung console fails the test. */
function runConsole(input: string, args: string[] = [], timeoutMs = 45_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/console/main.ts', ...args], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`console did not exit within ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('npm run console through a pipe', () => {
  it('starts the real bot, prints the /help answer as readable text, explains typos and exits 0 on quit', async () => {
    const { code, stdout, stderr } = await runConsole('/help\nhello\n/review nosuchsub:\nquit\n', ['--locale', 'en-US']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const answer = stdout.slice(stdout.indexOf('> /help'), stdout.indexOf('> hello'));
    expect(answer).toMatch(/^#\d+ docker-coach \(only you can see this\):$/m);
    expect(answer).toMatch(/┃ .*\/review/);
    expect(stdout).toContain('! unknown input "hello"');
    expect(stdout).toMatch(/! \/review has no option "nosuchsub"/);
    expect(stdout).toContain('Stopping…');
  });
});
