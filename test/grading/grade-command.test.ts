import { describe, expect, it } from 'vitest';
import { gradeCommand, labCanonicalizer } from '../../src/domain/grading/grade-command.ts';

const verdict = (input: string, accepted: string[]) => gradeCommand(input, accepted).verdict;

describe('gradeCommand', () => {
  it('accepts every spelling of "list all containers", in both directions', () => {
    const spellings = ['docker ps -a', 'docker ps --all', 'docker container ls -a', 'docker container ps -a', 'docker container list --all'];
    for (const typed of spellings) {
      for (const answer of spellings) expect(gradeCommand(typed, [answer]), `${typed} vs ${answer}`).toEqual({ verdict: 'correct', matched: answer });
    }
  });

  it('ignores flag order, --flag=value vs --flag value, and clustered short flags', () => {
    expect(verdict('docker ps -aq', ['docker ps -a -q'])).toBe('correct');
    expect(verdict('docker ps -qa', ['docker ps -aq'])).toBe('correct');
    expect(verdict('docker ps --quiet --all', ['docker ps -aq'])).toBe('correct');
    expect(verdict('docker run --name=apa02 -d -p 8080:80 httpd', ['docker run -d -p 8080:80 --name apa02 httpd'])).toBe('correct');
  });

  it('treats the image and classic command forms and an implicit :latest as the same', () => {
    expect(verdict('docker image ls', ['docker images'])).toBe('correct');
    expect(verdict('docker images', ['docker image ls'])).toBe('correct');
    expect(verdict('docker image rm httpd', ['docker rmi httpd'])).toBe('correct');
    expect(verdict('docker rmi httpd:latest', ['docker image rm httpd'])).toBe('correct');
    expect(verdict('docker pull httpd:latest', ['docker pull httpd'])).toBe('correct');
  });

  it('rejects a different subcommand, flag or value', () => {
    expect(verdict('docker stop apa02', ['docker start apa02'])).toBe('incorrect');
    expect(verdict('docker start apa02', ['docker stop apa02'])).toBe('incorrect');
    expect(verdict('docker ps', ['docker ps -a'])).toBe('incorrect');
    expect(verdict('docker ps -a', ['docker ps'])).toBe('incorrect');
    expect(verdict('docker ps -aq', ['docker ps -a'])).toBe('incorrect');
    expect(verdict('docker run --name apa03 -d -p 8080:80 httpd', ['docker run --name apa02 -d -p 8080:80 httpd'])).toBe('incorrect');
    expect(verdict('docker run --name apa02 -p 8080:80 httpd', ['docker run --name apa02 -d -p 8080:80 httpd'])).toBe('incorrect');
    expect(verdict('docker run --name apa02 -d -p 8081:80 httpd', ['docker run --name apa02 -d -p 8080:80 httpd'])).toBe('incorrect');
    expect(verdict('docker pull nginx', ['docker pull httpd'])).toBe('incorrect');
    expect(verdict('docker rm apa02', ['docker rm -f apa02'])).toBe('incorrect');
  });

  it('never calls a near miss "close": one letter separates stop from start', () => {
    expect(verdict('docker stat apa02', ['docker start apa02'])).toBe('incorrect');
    expect(verdict('docker pss -a', ['docker ps -a'])).toBe('incorrect');
  });

  it('forgives what a keyboard adds: a copied prompt, a capital first letter, full-width letters, extra spaces', () => {
    expect(verdict('$ docker ps -a', ['docker ps -a'])).toBe('correct');
    expect(verdict('Docker ps -a', ['docker ps -a'])).toBe('correct');
    expect(verdict('ｄｏｃｋｅｒ ｐｓ -a', ['docker ps -a'])).toBe('correct');
    expect(verdict('  docker   ps  -a ', ['docker ps -a'])).toBe('correct');
  });

  it('compares commands outside the lab subset as text with spacing collapsed', () => {
    expect(verdict('docker build  -t app .', ['docker build -t app .'])).toBe('correct');
    expect(verdict('docker build -t other .', ['docker build -t app .'])).toBe('incorrect');
  });

  it('matches aliases and reports the one matched', () => {
    expect(gradeCommand('docker rm -f $(docker ps -aq)', ['docker rm apa02', 'docker rm --force $(docker ps --all --quiet)'])).toEqual({
      verdict: 'correct',
      matched: 'docker rm --force $(docker ps --all --quiet)',
    });
  });

  it('does not accept shell tricks around a right command', () => {
    expect(verdict('docker ps -a; rm -rf /', ['docker ps -a'])).toBe('incorrect');
    expect(verdict('docker ps -a && echo hi', ['docker ps -a'])).toBe('incorrect');
  });

  it('is wired to the lab parser and uses an injected canonicalizer when given one', () => {
    expect(labCanonicalizer('docker container ls --all')).toBe(labCanonicalizer('docker ps -a'));
    expect(labCanonicalizer('docker exec -it x sh')).toBeNull();
    const everythingSame = () => 'same';
    expect(gradeCommand('docker ps', ['docker images'], everythingSame).verdict).toBe('correct');
    const throwing = () => {
      throw new Error('boom');
    };
    expect(gradeCommand('docker ps', ['docker images'], throwing)).toEqual({ verdict: 'incorrect' });
  });

  it('is invalid when empty or longer than 4,000 characters', () => {
    expect(gradeCommand('  ', ['docker ps'])).toEqual({ verdict: 'invalid', reason: 'empty' });
    expect(gradeCommand(`docker ps ${'-a '.repeat(2_000)}`, ['docker ps'])).toEqual({ verdict: 'invalid', reason: 'too-long' });
  });
});
