import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load-content.ts';
import { isTypedItem } from '../../src/domain/content/item-answers.ts';
import { answerCollisions, ownAnswerFailures } from './answer-collisions.ts';

// Loaded inside each test so a broken bank fails these tests with the loader's problem list.
const load = (dir: string) => loadContent(dir).decks;
const questions = resolve(import.meta.dirname, '../../questions');
const colliding = resolve(import.meta.dirname, '../fixtures/content/colliding');

describe('the graders over the real questions/ folder', () => {
  it('accept every answer and alias of every term/short/command item, in both languages', () => {
    expect(ownAnswerFailures(load(questions))).toEqual([]);
  });

  it('never grade another item’s canonical answer in the same deck as correct or close', () => {
    expect(answerCollisions(load(questions))).toEqual([]);
  });

  it('have typed and command items to check', () => {
    const kinds = new Set(load(questions).flatMap((d) => d.items.filter(isTypedItem).map((i) => i.kind)));
    expect(kinds.size).toBeGreaterThan(0);
  });
});

describe('the cross-item checks themselves', () => {
  it('catch items that accept each other’s answers, naming both ids', () => {
    expect(answerCollisions(load(colliding))).toEqual([
      'colliding.image-term grades "images" (the answer of colliding.images-short) as close via "image"',
      'colliding.images-short grades "image" (the answer of colliding.image-term) as close via "images"',
      'colliding.ps-all grades "docker container ls --all" (the answer of colliding.ps-all-again) as correct via "docker ps -a"',
      'colliding.ps-all-again grades "docker ps -a" (the answer of colliding.ps-all) as correct via "docker container ls --all"',
    ]);
  });

  it('pass an item whose answers are all accepted', () => {
    expect(ownAnswerFailures(load(colliding))).toEqual([]);
  });
});
