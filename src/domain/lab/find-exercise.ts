/**
 * The exercise a learner means by what they typed in `exercise:`: its id, its number in the course
 * ("3", "실습 3", "practice 3", "#3"), or its exact title in either language — not only an id picked
 * from autocomplete.
 */
export function findExercise<E extends { readonly id: string; readonly order: number; readonly title: { readonly ko: string; readonly en: string } }>(
  exercises: readonly E[],
  typed: string,
): E | undefined {
  const text = typed.normalize('NFKC').trim().toLowerCase();
  const byId = exercises.find((exercise) => exercise.id === text);
  if (byId) return byId;
  const number = /^(?:실습|practice|lab|#)?\s*(\d{1,3})$/.exec(text)?.[1];
  if (number !== undefined) return exercises.find((exercise) => exercise.order === Number(number));
  return exercises.find((exercise) => exercise.title.ko.toLowerCase() === text || exercise.title.en.toLowerCase() === text);
}
