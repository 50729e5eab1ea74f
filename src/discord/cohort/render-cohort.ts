import { AttachmentBuilder, EmbedBuilder } from 'discord.js';
import type { CohortExport } from '../../app/cohort/cohort-export.ts';
import type { CohortReport } from '../../app/cohort/cohort-service.ts';
import { scoreBandLabel } from '../../domain/cohort/scores.ts';
import { discordLimits } from '../../domain/limits.ts';
import { t, type Locale, type MessageKey, type MessageParams } from '../../i18n/index.ts';
import { brandColor, clip, localized } from '../format.ts';

export const cohortChartFileName = 'cohort-activity.png';
const activityDays = 7;
const promptChars = 50;

/** Whole lines, in order, as long as they fit in one field value; the rest are dropped (the CSV has them all). */
function linesWithin(lines: readonly string[], max: number = discordLimits.embedFieldValue): string {
  let value = '';
  for (const line of lines) {
    const next = value === '' ? line : `${value}\n${line}`;
    if (next.length > max) break;
    value = next;
  }
  return value === '' ? clip(lines[0] ?? '', max) : value;
}

/** The cohort report as one embed. Mentions name visible idle learners only; the reply must not ping them. */
export function renderCohortEmbed(report: CohortReport, locale: Locale): EmbedBuilder {
  const tr = (key: MessageKey, params?: MessageParams) => t(locale, key, params);
  const none = tr('cohort.none');
  const percent = (value: number | null) => (value === null ? '-' : tr('cohort.percent', { value }));
  const { bounds } = report;
  const embed = new EmbedBuilder().setColor(brandColor)
    .setTitle(tr('cohort.title', { period: tr(`cohort.period.${bounds.period}`) }))
    .setDescription(tr('cohort.summary', {
      from: bounds.fromLabel, to: bounds.toLabel, learners: report.learners, active: report.activeLearners, reviews: report.reviews, retention: percent(report.retention),
    }))
    .setFooter({ text: tr('cohort.footer') });

  const active = report.days.filter((day) => day.reviews > 0);
  const peak = active.reduce<(typeof active)[number] | undefined>((best, day) => (!best || day.learners > best.learners ? day : best), undefined);
  const average = (pick: (day: (typeof report.days)[number]) => number) =>
    Math.round((report.days.reduce((sum, day) => sum + pick(day), 0) / report.days.length) * 10) / 10;
  const activity = [
    ...report.days.slice(-activityDays).map((day) => tr('cohort.activity.day', { date: day.label, learners: day.learners, reviews: day.reviews })),
    ...(peak ? [tr('cohort.activity.average', { learners: average((d) => d.learners), reviews: average((d) => d.reviews), peakDate: peak.label, peakLearners: peak.learners })] : []),
  ];
  const decks = report.decks.map((deck) =>
    tr('cohort.deck.line', { deck: deck.title ? localized(deck.title, locale) : deck.deckId, retention: percent(deck.retention), reviews: deck.reviews }));
  const weakest = report.weakest.map((item, i) => tr('cohort.weakest.line', {
    rank: i + 1, prompt: clip(item.prompt ? localized(item.prompt, locale) : item.itemId, promptChars),
    lapses: item.lapses, reviews: item.reviews, recall: Math.round(item.recall * 100),
  }));
  const interviews = report.interviews.map((entry) => tr('cohort.interview.line', {
    question: clip(entry.question ? localized(entry.question, locale) : entry.itemId, promptChars),
    attempts: entry.attempts, average: entry.average, bands: entry.bands.map((count, band) => `${scoreBandLabel(band)}:${count}`).join(' '),
  }));

  embed.addFields(
    { name: tr('cohort.activity'), value: linesWithin(activity) },
    { name: tr('cohort.decks'), value: decks.length > 0 ? linesWithin(decks) : none },
    { name: tr('cohort.weakest'), value: weakest.length > 0 ? linesWithin(weakest) : none },
    { name: tr('cohort.inactive'), value: inactiveText(report, tr) },
    { name: tr('cohort.interviews'), value: interviews.length > 0 ? linesWithin(interviews) : none },
  );
  // One field per exercise; a report stays within Discord's 25 fields.
  for (const lab of report.labs.slice(0, discordLimits.embedFields - 5)) {
    const steps = lab.stepIds.map((_, i) => tr('cohort.lab.step', { step: i + 1, learners: lab.reached[i + 1] ?? 0 })).join(' → ');
    const stop = lab.stopStep === null ? tr('cohort.lab.noStop') : tr('cohort.lab.stop', { step: lab.stopStep, learners: lab.stoppedThere });
    embed.addFields({
      name: clip(tr('cohort.lab', { title: lab.title ? localized(lab.title, locale) : lab.exerciseId }), discordLimits.embedFieldName),
      value: linesWithin([tr('cohort.lab.funnel', { started: lab.reached[0] ?? 0, steps, finished: lab.finished }), stop]),
    });
  }
  return embed;
}

/** The count, then mentions of the visible idle learners while they fit, then how many are hidden. */
function inactiveText(report: CohortReport, tr: (key: MessageKey, params?: MessageParams) => string): string {
  const { count, named, hidden } = report.inactive;
  const head = tr('cohort.inactive.count', { count });
  const tail = hidden.length > 0 ? `\n${tr('cohort.inactive.hidden', { count: hidden.length })}` : '';
  const room = discordLimits.embedFieldValue - head.length - tail.length - 40;
  const mentions: string[] = [];
  let length = 0;
  for (const learner of named) {
    const mention = `<@${learner.userId}>`;
    if (length + mention.length + 1 > room) break;
    mentions.push(mention);
    length += mention.length + 1;
  }
  const more = named.length - mentions.length;
  const list = mentions.length > 0 ? `\n${mentions.join(' ')}${more > 0 ? ` ${tr('cohort.inactive.more', { count: more })}` : ''}` : '';
  return `${head}${list}${tail}`;
}

/** The activity chart as a PNG attachment (chart.js loads on the first report, not at bot start). */
export async function renderCohortChartFile(report: CohortReport, locale: Locale): Promise<AttachmentBuilder> {
  const { renderCohortChart } = await import('./render-cohort-chart.ts');
  const png = await renderCohortChart(report.days, {
    title: t(locale, 'cohort.chart.title'), learners: t(locale, 'cohort.chart.learners'), reviews: t(locale, 'cohort.chart.reviews'),
  });
  return new AttachmentBuilder(png, { name: cohortChartFileName });
}

/** The reply of `/cohort export`: the zip, or why it cannot be attached. */
export function renderCohortExport(result: CohortExport, period: CohortReport['bounds']['period'], locale: Locale) {
  if (result.plan.type !== 'whole') return { content: t(locale, 'cohort.export.tooLarge', { size: (result.bytes.byteLength / 1024 / 1024).toFixed(1) }), files: [] };
  return {
    content: t(locale, 'cohort.export.ready', { period: t(locale, `cohort.period.${period}`), files: result.csvFiles.length }),
    files: [new AttachmentBuilder(Buffer.from(result.bytes), { name: result.fileName })],
  };
}
