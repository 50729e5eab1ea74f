import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder } from 'discord.js';
import type { ExerciseScreen, ExerciseSummary, LabRunView, ProgressUpdate } from '../../app/lab/lab-service.ts';
import type { StepFailure } from '../../domain/lab/checks.ts';
import type { LabRefusal } from '../../domain/lab/command-types.ts';
import { transcriptLines } from '../../domain/lab/docker-messages.ts';
import type { LabDenial, LabStatus } from '../../domain/lab/lab-results.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, failureColor, relativeTime, successColor } from '../format.ts';
import { labId } from './lab-ids.ts';

const noMentions = { parse: [] as [] };
const outputBudget = 1500;

/** A CLI transcript in a code block that cannot be closed early by the output itself. */
function codeBlock(lines: readonly string[]): string {
  const safe = lines.map((line) => line.replace(/```/g, '`\u200b``'));
  let text = '';
  let shown = 0;
  for (const line of safe) {
    if (text.length + line.length + 1 > outputBudget) break;
    text += `${line}\n`;
    shown++;
  }
  if (shown < safe.length) text += `… (+${safe.length - shown})\n`;
  return `\`\`\`console\n${text}\`\`\``;
}

export function refusalText(refusal: LabRefusal, locale: Locale): string {
  const detail = refusal.detail ?? '';
  const shown = refusal.code === 'missing-argument' ? (detail ? ` (${detail})` : '') : detail.replace(/`/g, 'ˋ');
  if (refusal.code === 'unknown-flag' && refusal.allowed) {
    const allowed = refusal.allowed.map((flag) => `\`${flag}\``).join(', ');
    return `🚫 ${allowed ? t(locale, 'lab.refusal.unknown-flag-here', { detail: shown, allowed }) : t(locale, 'lab.refusal.no-flags-here', { detail: shown })}`;
  }
  return `🚫 ${t(locale, `lab.refusal.${refusal.code}`, { detail: shown })}`;
}

export function denialText(denial: LabDenial, locale: Locale): string {
  const params: Record<string, number> = 'limit' in denial ? { limit: denial.limit } : 'retryAfterSecs' in denial ? { seconds: denial.retryAfterSecs } : {};
  return `⏳ ${t(locale, `lab.denial.${denial.code}`, params)}`;
}

export function failureText(failure: StepFailure, locale: Locale): string {
  const { code, ...params } = failure;
  // A container state reads in the reader's language, with the CLI's own word beside it.
  if ('state' in params) return t(locale, `lab.failure.${code}`, { ...params, state: t(locale, `lab.state.${params.state}`) });
  return t(locale, `lab.failure.${code}`, params as Record<string, string | number>);
}

/** `/lab list`. */
export function renderLabList(view: { exercises: readonly ExerciseSummary[]; activeId: string | undefined }, locale: Locale) {
  const lines = view.exercises.map(({ exercise, completedSteps, finished }) => {
    const mark = finished ? '✅' : exercise.id === view.activeId ? '▶️' : '▫️';
    const steps = t(locale, 'lab.list.steps', { done: completedSteps, total: exercise.steps.length });
    return `${mark} **${exercise.title[locale]}** · \`${exercise.id}\` — ${steps}\n${clip(exercise.summary[locale], 200)}`;
  });
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(t(locale, 'lab.list.title')).setDescription(lines.join('\n\n')).setFooter({ text: t(locale, 'lab.list.footer').replace(/`/g, '') });
  return { embeds: [embed], allowedMentions: noMentions };
}

/** The Solution button's answer while it is locked: what is still missing, either way. */
export function solutionLockedText(locked: { hintsLeft: number; checksLeft: number }, locale: Locale): string {
  return `🔒 ${t(locale, 'lab.solution.locked', { hints: locked.hintsLeft, checks: locked.checksLeft })}`;
}

/** The open step's help: every hint read so far, then when the Solution opens (or that it is open). */
function helpLines(screen: Omit<ExerciseScreen, 'type'>, locale: Locale): string[] {
  const total = screen.currentStep?.hints.length ?? 0;
  const hints = screen.hints.map((hint, index) => t(locale, 'lab.hint.numbered', { n: index + 1, total, hint: hint[locale] }));
  if (screen.solutionUnlocked) return [...hints, t(locale, 'lab.solution.open')];
  const rule = t(locale, 'lab.solution.rule', { hints: screen.solutionRule.hints, checks: screen.solutionRule.failedChecks });
  const now = t(locale, 'lab.solution.progress', { seen: screen.hints.length, failed: screen.failedChecks });
  return [...hints, `🔒 ${rule} ${now}`];
}

function buttons(screen: Pick<ExerciseScreen, 'exercise' | 'solutionUnlocked' | 'finished' | 'hints' | 'currentStep'>, locale: Locale) {
  const id = screen.exercise.id;
  const button = (action: Parameters<typeof labId>[0], label: string, style: ButtonStyle, disabled = false) =>
    new ButtonBuilder().setCustomId(labId(action, id)).setLabel(label).setStyle(style).setDisabled(disabled);
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    button('check', t(locale, 'lab.button.check'), ButtonStyle.Primary, screen.finished),
    // Disabled once every hint of the step is on the card: another press would add nothing.
    button('hint', t(locale, 'lab.button.hint'), ButtonStyle.Secondary, screen.finished || screen.hints.length >= (screen.currentStep?.hints.length ?? 0)),
    button('solution', t(locale, 'lab.button.solution'), ButtonStyle.Secondary, screen.finished || !screen.solutionUnlocked),
    button('reset', t(locale, 'lab.button.reset'), ButtonStyle.Danger),
  );
}

/** The exercise embed with its step list and Check / Hint / Solution / Start over buttons. */
export function renderExercise(screen: Omit<ExerciseScreen, 'type'>, locale: Locale, notes: readonly string[] = []) {
  const { exercise, completedSteps } = screen;
  const steps = exercise.steps.map((step, index) => {
    const mark = index < completedSteps ? '✅' : index === completedSteps ? '👉' : '▫️';
    return `${mark} ${clip(step.instruction[locale], 150)}`;
  });
  const embed = new EmbedBuilder()
    .setColor(screen.finished ? successColor : brandColor)
    .setTitle(exercise.title[locale])
    .setDescription(clip([exercise.summary[locale], '', ...notes].join('\n').trim(), 4000))
    .addFields({ name: `${t(locale, 'lab.exercise.steps')} (${completedSteps}/${exercise.steps.length})`, value: clip(steps.join('\n'), 1024) });
  if (screen.currentStep) {
    const now = [screen.currentStep.instruction[locale], '', t(locale, 'lab.exercise.how'), '', ...helpLines(screen, locale)];
    embed.addFields({ name: t(locale, 'lab.exercise.now'), value: clip(now.join('\n'), 1024) });
  }
  else embed.addFields({ name: '\u200b', value: t(locale, 'lab.exercise.finished') });
  return { embeds: [embed], components: [buttons(screen, locale)], allowedMentions: noMentions };
}

/** Lines telling what a check changed: steps done with XP, then the finish or the next step (and why it is open). */
export function progressLines(update: ProgressUpdate, locale: Locale): string[] {
  const lines = update.newlyCompleted.map((step) => t(locale, 'lab.progress.done', { step: clip(step.instruction[locale], 120) }));
  if (update.xpAwarded > 0) lines.push(t(locale, 'lab.progress.xp', { xp: update.xpAwarded }));
  if (update.finished) lines.push(t(locale, 'lab.progress.finished'));
  else if (update.currentStep && (update.newlyCompleted.length > 0 || update.explicit)) {
    if (update.explicit && update.failure) {
      // The card below lists the hints read so far; with none read yet, point at the Hint button.
      lines.push(`❌ ${failureText(update.failure, locale)}`);
      if (update.hints.length === 0) lines.push(t(locale, 'lab.hint.ask'));
    } else lines.push(t(locale, 'lab.progress.next', { instruction: clip(update.currentStep.instruction[locale], 300) }));
  } else if (update.currentStep && update.failure) {
    // After a /lab run that did not finish the open step: where the learner stands and why, never the answer
    // (a step that waits for a command is only told to keep going; the Check button has the hint).
    const why = update.failure.code === 'not-run-yet' ? t(locale, 'lab.progress.notYet') : failureText(update.failure, locale);
    lines.push(t(locale, 'lab.progress.open', { done: update.completedSteps, total: update.exercise.steps.length, why }));
  }
  return lines;
}

/** The Check button's answer: the exercise screen with what changed on top. */
export function renderProgress(update: ProgressUpdate, locale: Locale) {
  const payload = renderExercise(update, locale, progressLines(update, locale));
  if (update.explicit && update.failure && update.newlyCompleted.length === 0) payload.embeds[0]!.setColor(failureColor);
  return payload;
}

/** `/lab run`: the transcript like a terminal, the real URLs of published ports, then the check. */
export function renderRun(view: LabRunView, locale: Locale) {
  const prompt = `$ ${view.input.replace(/`/g, 'ˋ').replace(/\s+/g, ' ').slice(0, 300)}`;
  const { result } = view;
  if (result.status === 'refused') return { content: `${codeBlock([prompt])}\n${refusalText(result.refusal, locale)}`, allowedMentions: noMentions };
  if (result.status === 'denied') return { content: `${codeBlock([prompt])}\n${denialText(result.denial, locale)}`, allowedMentions: noMentions };
  const transcript = [prompt, ...transcriptLines(result.command.kind, result.stdout, result.stderr)];
  const extra = result.published.map((p) => t(locale, 'lab.run.published', { virtual: p.virtualHostPort, url: p.url }));
  if (result.exitCode !== 0) extra.push(`-# ${t(locale, 'lab.run.exit', { code: result.exitCode })}`);
  if (view.progress) extra.push(...progressLines(view.progress, locale));
  return { content: clip([codeBlock(transcript), ...extra].join('\n'), 2000), allowedMentions: noMentions };
}

/** `/lab status`. */
export function renderStatus(view: { lab: LabStatus; active: ExerciseScreen | undefined }, locale: Locale) {
  const containers = view.lab.containers.map((c) => {
    const urls = c.published.map((p) => t(locale, 'lab.run.published', { virtual: p.virtualHostPort, url: p.url }));
    return [`**${c.name}** · ${c.image} · ${c.state} · ${t(locale, 'lab.status.expires', { when: relativeTime(c.expiresAt) })}`, ...urls].join('\n');
  });
  const lines = containers.length > 0 ? containers : [t(locale, 'lab.status.none')];
  lines.push('', view.lab.images.length > 0 ? t(locale, 'lab.status.images', { images: view.lab.images.join(', ') }) : t(locale, 'lab.status.noImages'));
  if (view.active) {
    lines.push(t(locale, 'lab.status.active', { title: view.active.exercise.title[locale], done: view.active.completedSteps, total: view.active.exercise.steps.length }));
  }
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(t(locale, 'lab.status.title')).setDescription(clip(lines.join('\n'), 4000));
  return { embeds: [embed], allowedMentions: noMentions };
}

/** One-line answers for results that are not a screen (unavailable, stale, unknown…). */
export function renderLabNotice(
  result: { type: 'unavailable' } | { type: 'stale'; exerciseId: string } | { type: 'no-exercise' } | { type: 'unknown-exercise'; exerciseId: string } | { type: 'denied'; denial: LabDenial },
  locale: Locale,
) {
  const content =
    result.type === 'unavailable' ? t(locale, 'lab.unavailable')
      : result.type === 'stale' ? t(locale, 'lab.stale')
        : result.type === 'no-exercise' ? t(locale, 'lab.noExercise')
          : result.type === 'denied' ? denialText(result.denial, locale)
            : t(locale, 'lab.unknownExercise', { exercise: result.exerciseId.replace(/`/g, 'ˋ').slice(0, 60) });
  return { content, allowedMentions: noMentions };
}

/** `/lab reset` asks before removing every container and image of the learner. */
export function renderResetConfirmation(locale: Locale) {
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(labId('wipe', 'all')).setLabel(t(locale, 'lab.reset.confirm')).setStyle(ButtonStyle.Danger),
    new ButtonBuilder().setCustomId(labId('keep', 'all')).setLabel(t(locale, 'lab.reset.cancel')).setStyle(ButtonStyle.Secondary),
  );
  return { content: t(locale, 'lab.reset.ask'), components: [row], allowedMentions: noMentions };
}
