import { canonicalCommand, parseDockerCommand } from '../lab/index.ts';
import type { GradeResult } from './grade-typed.ts';
import { answerMaxChars } from '../limits.ts';

/** The meaning of a command as a stable text: equal texts do the same thing. */
export type CanonicalCommand = string;

/** Turns a command line into its canonical form, or null when it cannot be understood. */
export type CommandCanonicalizer = (input: string) => CanonicalCommand | null;

/**
 * The lab's strict parser (`src/domain/lab`) with no image allowlist: any valid image may appear
 * in a quiz answer. It knows the course's subset (run/create/start/stop/restart/rm/ps/logs/
 * inspect/pull/images/rmi/version and their `container …`/`image …` forms).
 */
export const labCanonicalizer: CommandCanonicalizer = (input) => {
  const parsed = parseDockerCommand(input, {});
  return parsed.ok ? canonicalCommand(parsed.command) : null;
};

const invisible = /[\p{Cf}\uFE00-\uFE0F]/gu;

/**
 * What a learner's keyboard adds to a command and the shell would not see: full-width letters
 * (NFKC), invisible characters, a copied prompt (`$ docker ps`), and the capital a phone puts on
 * the first word ("Docker ps"). Everything else, including case, stays significant.
 */
function cleanCommand(input: string): string {
  return input
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[$#>] /, '')
    .replace(/^docker\b/i, 'docker');
}

/**
 * Grades a typed docker command by meaning: both sides go through `canonicalize`, so flag order,
 * `--name=x`/`--name x`, `-aq`/`-a -q`, `docker ps`/`docker container ls`, `docker images`/
 * `docker image ls`, `docker rmi x`/`docker image rm x`, `httpd`/`httpd:latest` do not matter, while
 * a different flag, subcommand or value does. A command the canonicalizer cannot read (outside the
 * lab's subset, e.g. `docker build -t app .`) is compared as text with spacing collapsed, so such
 * answers need their other spellings listed as aliases. There is no `close` for commands: one
 * letter turns `docker stop` into `docker start`. Never throws.
 */
export function gradeCommand(
  input: string,
  accepted: readonly string[],
  canonicalize: CommandCanonicalizer = labCanonicalizer,
): GradeResult {
  if (typeof input !== 'string') return { verdict: 'invalid', reason: 'empty' };
  if (input.length > answerMaxChars * 2 || Array.from(input).length > answerMaxChars) {
    return { verdict: 'invalid', reason: 'too-long' };
  }
  const typed = cleanCommand(input);
  if (typed === '') return { verdict: 'invalid', reason: 'empty' };

  const typedCanonical = safeCanonicalize(canonicalize, typed);
  for (const answer of accepted) {
    const clean = cleanCommand(answer);
    if (clean === '') continue;
    if (clean === typed) return { verdict: 'correct', matched: answer };
    if (typedCanonical !== null && safeCanonicalize(canonicalize, clean) === typedCanonical) {
      return { verdict: 'correct', matched: answer };
    }
  }
  return { verdict: 'incorrect' };
}

function safeCanonicalize(canonicalize: CommandCanonicalizer, text: string): CanonicalCommand | null {
  try {
    return canonicalize(text);
  } catch {
    // An injected canonicalizer must not turn a learner's odd input into a crash.
    return null;
  }
}
