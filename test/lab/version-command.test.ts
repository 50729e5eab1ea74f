import { describe, expect, it } from 'vitest';
import { acceptedCommands } from '../../src/domain/content/item-answers.ts';
import { gradeCommand } from '../../src/domain/grading/grade-command.ts';
import { canonicalCommand } from '../../src/domain/lab/canonical.ts';
import { checkStep } from '../../src/domain/lab/checks.ts';
import { versionLines } from '../../src/domain/lab/docker-messages.ts';
import { parseDockerCommand } from '../../src/domain/lab/parse-command.ts';
import { content } from '../helpers/review-driver.ts';

const canonicalOf = (input: string) => {
  const parsed = parseDockerCommand(input, {});
  if (!parsed.ok) throw new Error(input);
  return canonicalCommand(parsed.command);
};

describe('printing the version', () => {
  it('counts docker version, docker --version and docker -v alike for a lab step that asks for the version', () => {
    const check = { kind: 'ran', command: 'docker --version' } as const;
    for (const typed of ['docker version', 'docker --version', 'docker -v']) {
      expect(checkStep(check, { containers: [], images: [], visits: [], lastCommand: canonicalOf(typed) }), typed).toEqual({ passed: true });
    }
  });

  it('accepts docker version for the review card whose answer is docker --version', () => {
    const item = content.items.get('docker-commands.version')!;
    expect(item.kind).toBe('command');
    if (item.kind !== 'command') return;
    expect(gradeCommand('docker version', acceptedCommands(item)).verdict).toBe('correct');
  });

  it('prints a Client and a Server section for docker version, one line for --version', () => {
    const engine = { version: '28.2.2', apiVersion: '1.50', os: 'linux', arch: 'amd64' };
    expect(versionLines('flag', engine)).toEqual(['Docker version 28.2.2']);
    const full = versionLines('subcommand', engine);
    expect(full[0]).toBe('Client:');
    expect(full).toContain('Server:');
    expect(full).toContain('  Version:          28.2.2');
  });
});
