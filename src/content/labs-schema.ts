import { z } from 'zod';
import { parseDockerCommand } from '../domain/lab/parse-command.ts';
import type { LabExercise, LocalizedText } from '../domain/lab/exercise.ts';
import { checkContainerName, checkImage } from '../domain/lab/values.ts';
import { localizedTextSchema } from './schema.ts';

/*
 * The zod schema of `questions/labs/<exercise-id>.yaml`. Strict objects, so a misspelt key fails;
 * every command, container name and image is checked with the lab parser's own rules, so an
 * exercise can never ask for something `/lab run` would refuse.
 */

const kebab = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (lowercase letters, digits and single dashes)');
const containerName = z.string().refine((name) => checkContainerName(name).ok, 'must be a valid container name ([a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 64)');
const image = z.string().refine((text) => checkImage(text).ok, 'must be an image reference like httpd or nginx:1.27');
const port = z.number().int('must be a whole number').min(1, 'must be 1–65535').max(65535, 'must be 1–65535');

/** A command the lab accepts; `allowedImages` is the lab's default allowlist. */
function labCommand(allowedImages: readonly string[]) {
  return z.string().superRefine((command, ctx) => {
    const parsed = parseDockerCommand(command, { allowedImages });
    if (!parsed.ok) {
      const detail = parsed.refusal.detail ? ` (${parsed.refusal.detail})` : '';
      ctx.addIssue({ code: 'custom', message: `the lab would refuse this command: ${parsed.refusal.code}${detail}` });
    }
  });
}

export function createStepCheckSchema(allowedImages: readonly string[]) {
  return z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('container-running'), name: containerName, image: image.optional(), port: port.optional() }),
    z.strictObject({ kind: z.literal('container-created'), name: containerName, image: image.optional() }),
    z.strictObject({ kind: z.literal('container-stopped'), name: containerName }),
    z.strictObject({ kind: z.literal('container-absent'), name: containerName }),
    z.strictObject({ kind: z.literal('no-containers') }),
    z.strictObject({ kind: z.literal('page-visited'), port }),
    z.strictObject({ kind: z.literal('image-present'), image }),
    z.strictObject({ kind: z.literal('image-absent'), image }),
    z.strictObject({ kind: z.literal('ran'), command: labCommand(allowedImages) }),
  ]);
}

/**
 * Hints escalate and never hand over the answer (that is the Solution button's job): no two hints
 * of a step alike, and no hint containing a solution command, with or without its leading
 * `docker ` (a one-word remainder such as `ps` is too common a word to look for).
 */
function hintProblems(hints: readonly LocalizedText[], solution: readonly string[]): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const answers = solution.flatMap((command) => {
    const rest = command.replace(/^docker\s+/, '');
    return rest.includes(' ') ? [command, rest] : [command];
  });
  hints.forEach((hint, index) => {
    for (const locale of ['ko', 'en'] as const) {
      const text = hint[locale];
      const earlier = hints.slice(0, index).findIndex((h) => h[locale].trim() === text.trim());
      if (earlier >= 0) problems.push({ path: [index, locale], message: `repeats hints[${earlier}]; each hint must add something` });
      const given = answers.find((answer) => text.includes(answer));
      if (given) problems.push({ path: [index, locale], message: `gives the answer away ("${given}"); leave the exact command to the Solution button` });
    }
  });
  return problems;
}

/** Builds the schema of one exercise file; its `id` must equal the file name. */
export function createLabExerciseSchema(fileId: string, allowedImages: readonly string[]) {
  const step = z.strictObject({
    id: kebab,
    instruction: localizedTextSchema,
    hints: z.array(localizedTextSchema).min(2, 'needs at least 2 hints, each more specific than the one before').max(4, 'at most 4 hints'),
    solution: z.array(labCommand(allowedImages)),
    check: createStepCheckSchema(allowedImages),
  });
  return z
    .strictObject({
      id: kebab.refine((id) => id === fileId, `must equal the file name ("${fileId}")`),
      order: z.number().int('must be a whole number').min(1, 'must be at least 1'),
      title: localizedTextSchema,
      summary: localizedTextSchema,
      source: z.string().min(1, 'must not be empty'),
      xpPerStep: z.number().int('must be a whole number').min(0).max(50, 'must be at most 50'),
      steps: z.array(step).min(2, 'an exercise needs at least 2 steps'),
    })
    .superRefine((exercise, ctx) => {
      const seen = new Map<string, number>();
      exercise.steps.forEach((s, index) => {
        const first = seen.get(s.id);
        if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `duplicate step id "${s.id}" (also steps[${first}])` });
        else seen.set(s.id, index);
        // A step nothing can complete by typing must be a page visit (the learner opens the address).
        if (s.solution.length === 0 && s.check.kind !== 'page-visited') {
          ctx.addIssue({ code: 'custom', path: ['steps', index, 'solution'], message: 'needs at least one command (only page-visited steps may have none)' });
        }
        for (const issue of hintProblems(s.hints, s.solution)) ctx.addIssue({ code: 'custom', path: ['steps', index, 'hints', ...issue.path], message: issue.message });
      });
    });
}

/** Compile-time check that the schema's output is the domain's `LabExercise`. */
export type LabExerciseFromSchema = z.infer<ReturnType<typeof createLabExerciseSchema>>;
const _sameShape: (value: LabExerciseFromSchema) => LabExercise = (value) => value;
void _sameShape;
