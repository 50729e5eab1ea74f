/**
 * Thrown by `loadContent` with every problem of every file, one line each:
 * `questions/<file>: <path.to.field>: <problem>`.
 */
export class ContentError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
