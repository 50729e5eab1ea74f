import type { Locale } from '../../domain/locale.ts';
import { scoreBandCount, scoreBandLabel } from '../../domain/cohort/scores.ts';
import { planUpload, type UploadPlan } from '../../domain/privacy/export-parts.ts';
import { zipCsvFiles, type CsvFile } from '../csv-zip.ts';
import type { CohortReport } from './cohort-service.ts';

export type CohortExport = { fileName: string; bytes: Uint8Array; csvFiles: string[]; plan: UploadPlan };

/** Learners who hide from boards appear as `hidden-1`, `hidden-2`, … : counted, never named. */
export const anonymousLabel = (n: number) => `hidden-${n}`;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The report as CSV files (numbers unrounded where the embed rounds them; texts in `locale`).
 * Visible learners are identified by their Discord user id, hidden ones by an anonymous label.
 */
export function cohortCsvFiles(report: CohortReport, locale: Locale): CsvFile[] {
  const text = (value: { ko: string; en: string } | null) => (value ? value[locale] : null);
  const { bounds } = report;
  const idleDays = (lastDay: number) => bounds.toDay - lastDay;
  return [
    {
      name: 'summary.csv',
      columns: ['period', 'from', 'to', 'learners', 'active_learners', 'reviews', 'correct', 'retention_percent', 'inactive_learners'],
      rows: [[bounds.period, bounds.fromLabel, bounds.toLabel, report.learners, report.activeLearners, report.reviews, report.correct, report.retention, report.inactive.count]],
    },
    {
      name: 'days.csv',
      columns: ['date', 'active_learners', 'reviews', 'correct'],
      rows: report.days.map((day) => [day.label, day.learners, day.reviews, day.correct]),
    },
    {
      name: 'decks.csv',
      columns: ['deck_id', 'deck', 'reviews', 'correct', 'retention_percent'],
      rows: report.decks.map((deck) => [deck.deckId, text(deck.title), deck.reviews, deck.correct, deck.retention]),
    },
    {
      name: 'weakest.csv',
      columns: ['rank', 'item_id', 'prompt', 'reviews', 'correct', 'lapses', 'lapses_per_review', 'recall'],
      rows: report.weakest.map((item, i) => [i + 1, item.itemId, text(item.prompt), item.reviews, item.correct, item.lapses, round3(item.lapseRate), round3(item.recall)]),
    },
    {
      name: 'inactive.csv',
      columns: ['learner', 'last_study_day', 'idle_days'],
      rows: [
        ...report.inactive.named.map((learner) => [learner.userId, learner.lastLabel, idleDays(learner.lastDay)]),
        ...report.inactive.hidden.map((learner, i) => [anonymousLabel(i + 1), learner.lastLabel, idleDays(learner.lastDay)]),
      ],
    },
    {
      name: 'interviews.csv',
      columns: ['item_id', 'question', 'attempts', 'average_score', ...Array.from({ length: scoreBandCount }, (_, band) => `score_${scoreBandLabel(band).replace('–', '_')}`)],
      rows: report.interviews.map((entry) => [entry.itemId, text(entry.question), entry.attempts, entry.average, ...entry.bands]),
    },
    {
      name: 'lab_funnel.csv',
      columns: ['exercise_id', 'exercise', 'stage', 'step_id', 'learners', 'most_stop_here'],
      rows: report.labs.flatMap((lab) => [
        [lab.exerciseId, text(lab.title), 'started', null, lab.reached[0] ?? 0, 0],
        ...lab.stepIds.map((stepId, i) => [lab.exerciseId, text(lab.title), `step ${i + 1}`, stepId, lab.reached[i + 1] ?? 0, lab.stopStep === i + 1 ? 1 : 0]),
        [lab.exerciseId, text(lab.title), 'completed', null, lab.finished, 0],
      ]),
    },
  ];
}

/** The zip of `/cohort export` and how it fits under the attachment limit. */
export async function buildCohortExport(report: CohortReport, locale: Locale, attachmentLimitBytes: number): Promise<CohortExport> {
  const files = cohortCsvFiles(report, locale);
  const bytes = await zipCsvFiles(files);
  const fileName = `cohort-${report.bounds.period}-${report.bounds.toLabel}.zip`;
  return { fileName, bytes, csvFiles: files.map((file) => file.name), plan: planUpload(bytes.byteLength, attachmentLimitBytes) };
}
