import { EmbedBuilder } from 'discord.js';
import type { InterviewHistoryView, InterviewReportView } from '../../app/interview/interview-views.ts';
import type { HabitCount } from '../../domain/interview/mock-report.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { brandColor, clip, failureColor, relativeTime, successColor } from '../format.ts';

const fieldLimit = 1024;
const questionChars = 70;
const field = (name: string, lines: readonly string[], empty: string) => ({
  name,
  value: clip(lines.length > 0 ? lines.join('\n') : empty, fieldLimit),
});

/** The end-of-interview report: score per question, overall, strongest and weakest points, what to practise. */
export function renderReport(report: InterviewReportView, locale: Locale) {
  const none = t(locale, 'interview.report.nothing');
  const questionLines = report.questions.map((question, index) => {
    const score = question.score === null ? t(locale, 'interview.report.skipped') : `**${question.score}/100**`;
    const late = question.overtime ? ` ${t(locale, 'interview.report.overtime')}` : '';
    return `${index + 1}. ${score}${late} — ${clip(question.prompt[locale], questionChars)}`;
  });
  const ratio = (count: HabitCount) => `${count.hits}/${count.of}`;
  const promptOf = (itemId: string) => report.questions.find((question) => question.itemId === itemId)?.prompt[locale] ?? itemId;
  const embed = new EmbedBuilder()
    .setColor(report.overall >= 70 ? successColor : report.overall >= 40 ? 0xf39c12 : failureColor)
    .setTitle(t(locale, 'interview.report.title', { score: report.overall }))
    .addFields(
      field(t(locale, 'interview.report.questions'), questionLines, none),
      field(t(locale, 'interview.report.strongest'), report.strongest.map((point) => `✅ ${point.label[locale]}`), none),
      field(t(locale, 'interview.report.weakest'), report.weakest.map((point) => `⬜ **${point.label[locale]}** — ${point.tip[locale]}`), none),
      field(t(locale, 'interview.report.habits'), [t(locale, 'interview.report.habitLine', {
        conclusion: ratio(report.habits.conclusionFirst), concrete: ratio(report.habits.concrete), length: ratio(report.habits.lengthOk),
      })], none),
      field(t(locale, 'interview.report.practise'), report.practise.map((itemId) => `• ${clip(promptOf(itemId), questionChars * 2)}`),
        t(locale, 'interview.report.practiseNone')),
    )
    .setFooter({ text: t(locale, 'interview.report.footer', { xp: report.xpAwarded }) });
  return { embeds: [embed], components: [], allowedMentions: { parse: [] } };
}

/** `/interview history`: latest attempts and the best score per question. */
export function renderHistory(history: InterviewHistoryView, locale: Locale) {
  const embed = new EmbedBuilder().setColor(brandColor).setTitle(t(locale, 'interview.history.title'));
  if (history.total === 0) {
    embed.setDescription(t(locale, 'interview.history.empty'));
    return { embeds: [embed], allowedMentions: { parse: [] } };
  }
  const recent = history.recent.map((row) => {
    const score = row.kind === 'skip' ? t(locale, 'interview.history.skipped')
      : row.kind === 'follow-up' ? t(locale, 'interview.history.followUp') : `**${row.score}/100**`;
    return `${relativeTime(row.at)} · ${score} — ${clip(row.text[locale], questionChars)}`;
  });
  const best = history.best.slice(0, 10).map((row) =>
    `${t(locale, 'interview.history.bestLine', { score: row.best ?? 0, attempts: row.attempts })} — ${clip(row.text[locale], questionChars)}`);
  embed
    .setDescription(t(locale, 'interview.history.total', { total: history.total }))
    .addFields(field(t(locale, 'interview.history.recent'), recent, '—'), field(t(locale, 'interview.history.best'), best, '—'));
  return { embeds: [embed], allowedMentions: { parse: [] } };
}
