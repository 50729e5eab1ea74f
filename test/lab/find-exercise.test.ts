import { describe, expect, it } from 'vitest';
import { loadLabExercises } from '../../src/content/load-labs.ts';
import { renderLabList } from '../../src/discord/lab/render-lab.ts';
import { findExercise } from '../../src/domain/lab/find-exercise.ts';

const exercises = loadLabExercises('questions/labs');

describe('choosing an exercise by what the learner typed', () => {
  it('takes the id, the course number in either language, or the exact title', () => {
    for (const typed of ['practice-3-apache', '3', '실습 3', '실습3', 'Practice 3', '#3', ' ３ ', '실습 3: 아파치 웹 서버 띄우기']) {
      expect(findExercise(exercises, typed)?.id, typed).toBe('practice-3-apache');
    }
    expect(findExercise(exercises, '1')?.id).toBe('container-lifecycle');
    expect(findExercise(exercises, '99')).toBeUndefined();
    expect(findExercise(exercises, 'apache')).toBeUndefined();
  });

  it('shows each exercise id in /lab list, and how to start one', () => {
    const embed = renderLabList({ exercises: exercises.map((exercise) => ({ exercise, completedSteps: 0, finished: false })), activeId: undefined }, 'ko').embeds[0]!.toJSON();
    for (const exercise of exercises) expect(embed.description).toContain(`\`${exercise.id}\``);
    expect(embed.footer?.text).toContain('실습 3');
  });
});
