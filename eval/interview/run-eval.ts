import { answerKinds, farFromLabel, gradeEvalSet, loadEvalSet, summarize, targets, type GradedAnswer } from './evaluate.ts';

/*
 * `npm run eval:interview [-- --split tune|holdout] [-- --summary]`: the grader against the labelled
 * answers, printed as a table. `--summary` leaves out the answers far from their label (to look at
 * the holdout's figures without reading its answers). Exits 0 either way; the thresholds are
 * enforced by test/interview/eval.test.ts.
 */

const splitArg = process.argv.indexOf('--split');
const only = splitArg >= 0 ? process.argv[splitArg + 1] : undefined;
const summaryOnly = process.argv.includes('--summary');
const graded = gradeEvalSet(loadEvalSet()).filter((answer) => !only || answer.split === only);

const fmt = (n: number) => n.toFixed(3);
const line = (name: string, set: readonly GradedAnswer[]) => {
  const s = summarize(set);
  return `${name.padEnd(40)} ${String(s.count).padStart(4)}  ${fmt(s.spearman).padStart(8)}  ${s.mae.toFixed(1).padStart(6)}`;
};

console.log(`${'set'.padEnd(40)} ${'n'.padStart(4)}  ${'spearman'.padStart(8)}  ${'MAE'.padStart(6)}`);
console.log(line('all', graded));
for (const split of ['tune', 'holdout']) console.log(line(`split ${split}`, graded.filter((a) => a.split === split)));
for (const item of [...new Set(graded.map((a) => a.item))]) console.log(line(item, graded.filter((a) => a.item === item)));

console.log('\ntargets (met / answers of that kind):');
for (const target of targets) {
  const set = graded.filter((a) => target.kinds.includes(a.kind));
  console.log(`  ${target.name.padEnd(34)} ${set.filter(target.met).length}/${set.length}`);
}

console.log('\nscore range by kind (label range):');
for (const kind of answerKinds) {
  const set = graded.filter((a) => a.kind === kind);
  if (set.length === 0) continue;
  const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
  console.log(`  ${kind.padEnd(18)} n=${String(set.length).padStart(2)}  score ${range(set.map((a) => a.score)).padEnd(7)}  label ${range(set.map((a) => a.label))}`);
}
const far = farFromLabel(graded);
console.log(`\nmore than 25 points from the label: ${far.length}`);
if (!summaryOnly) {
  for (const a of far) console.log(`  ${a.id.padEnd(22)} ${a.split.padEnd(7)} label ${String(a.label).padStart(3)}  score ${String(a.score).padStart(3)}  (${a.verdict})`);
}
