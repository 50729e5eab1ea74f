import { describe, expect, it } from 'vitest';
import { createChannelBudgets } from '../../src/discord/quiz/channel-budget.ts';

const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

describe('a channel\'s picture of Discord\'s buckets', () => {
  it('starts from the documented sizes, counts its own writes, and gives the window back when it ends', () => {
    let now = 1_000;
    const budgets = createChannelBudgets({ nowMs: () => now });
    expect(budgets.peek('c1', 'edit')).toEqual({ remaining: 5, resetAtMs: -Infinity });
    budgets.take('c1', 'edit');
    budgets.take('c1', 'edit');
    expect(budgets.peek('c1', 'edit')).toEqual({ remaining: 3, resetAtMs: 6_000 });
    // Another channel and another kind of write have buckets of their own.
    expect(budgets.peek('c2', 'edit').remaining).toBe(5);
    expect(budgets.peek('c1', 'create').remaining).toBe(5);
    now = 6_000;
    expect(budgets.peek('c1', 'edit')).toEqual({ remaining: 5, resetAtMs: -Infinity });
  });

  it('follows the rate-limit headers of every channel write discord.js gets back, writes made elsewhere included', () => {
    let now = 10_000;
    const budgets = createChannelBudgets({ nowMs: () => now });
    // The quiz's own edit of its question, not counted here: the headers tell.
    budgets.observe({ method: 'PATCH', path: '/channels/123/messages/456' }, { status: 200, headers: headers({ 'x-ratelimit-remaining': '1', 'x-ratelimit-reset-after': '3.500' }) });
    expect(budgets.peek('123', 'edit')).toEqual({ remaining: 1, resetAtMs: 13_500 });
    budgets.observe({ method: 'post', path: '/channels/123/messages' }, { status: 200, headers: headers({ 'x-ratelimit-remaining': '4', 'x-ratelimit-reset-after': '5' }) });
    expect(budgets.peek('123', 'create')).toEqual({ remaining: 4, resetAtMs: 15_000 });
    budgets.observe({ method: 'PUT', path: '/channels/123/messages/456/reactions/%E2%9C%85/@me' }, { status: 204, headers: headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.25' }) });
    expect(budgets.peek('123', 'reaction')).toEqual({ remaining: 0, resetAtMs: 10_250 });
    // A 429 empties the bucket until Discord says it refills.
    budgets.observe({ method: 'PATCH', path: '/channels/123/messages/456' }, { status: 429, headers: headers({ 'retry-after': '2' }) });
    expect(budgets.peek('123', 'edit')).toEqual({ remaining: 0, resetAtMs: 12_000 });
    // Other routes (interaction callbacks, reads) change nothing.
    budgets.observe({ method: 'POST', path: '/interactions/1/tok/callback' }, { status: 204, headers: headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '9' }) });
    budgets.observe({ method: 'GET', path: '/channels/123/messages' }, { status: 200, headers: headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '9' }) });
    expect(budgets.peek('123', 'create')).toEqual({ remaining: 4, resetAtMs: 15_000 });
    now = 12_000;
    expect(budgets.peek('123', 'edit').remaining).toBe(5);
  });

  it('keeps the smaller count while its own write is still on its way (headers lag it)', () => {
    const budgets = createChannelBudgets({ nowMs: () => 0 });
    budgets.take('9', 'edit');
    budgets.take('9', 'edit');
    budgets.observe({ method: 'PATCH', path: '/channels/9/messages/1' }, { status: 200, headers: headers({ 'x-ratelimit-remaining': '4', 'x-ratelimit-reset-after': '5' }) });
    expect(budgets.peek('9', 'edit').remaining).toBe(3);
  });
});
