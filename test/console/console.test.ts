import { describe, expect, it } from 'vitest';
import { runConsole } from '../helpers/run-console.ts';

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
