import type { InterviewItem } from '../../src/domain/content/items.ts';
import type { InteractionHandle, StandinMessage, StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { manualClock } from '../helpers/temp-db.ts';

/** The shared bot harness with the interview tests' names: a Korean learner, an English one and a third member. */
export type InterviewBot = Omit<BotHarness, 'learnerKo' | 'learnerEn'> & {
  learner: StandinUser;
  english: StandinUser;
  other: StandinUser;
  clock: ReturnType<typeof manualClock>;
};

export const start = new Date('2025-03-10T01:00:00Z');

export async function startInterviewBot(llm?: { url: string; timeoutMs: number }): Promise<InterviewBot> {
  const clock = manualClock(start);
  const env: Record<string, string> = llm ? { INTERVIEW_LLM_URL: llm.url, INTERVIEW_LLM_MODEL: 'coach-small', INTERVIEW_LLM_TIMEOUT_MS: String(llm.timeoutMs) } : {};
  const harness = await startBotHarness({ clock, env });
  const other = harness.standin.createUser({ username: 'jisoo', locale: 'ko' });
  harness.standin.addMember(harness.guild, other);
  return Object.assign(harness, { learner: harness.learnerKo, english: harness.learnerEn, other, clock });
}

/** The custom id of the button whose id starts with `iv:v1:<action>:`. */
export function buttonId(message: StandinMessage, action: string): string {
  const ids = message.components.flatMap((row) => ((row as { components?: { custom_id?: string }[] }).components ?? []).map((c) => c.custom_id ?? ''));
  const id = ids.find((candidate) => candidate.startsWith(`iv:v1:${action}:`));
  if (!id) throw new Error(`no ${action} button on message ${message.id} (has ${ids.join(', ')})`);
  return id;
}

export function hasButton(message: StandinMessage, action: string): boolean {
  try {
    buttonId(message, action);
    return true;
  } catch {
    return false;
  }
}

/** Clicks "Answer" on a question message, fills the modal, and returns the submit handle. */
export async function answer(h: InterviewBot, message: StandinMessage, text: string, user?: StandinUser): Promise<InteractionHandle> {
  const click = await h.standin.clickButton({ message, customId: buttonId(message, 'ans'), ...(user ? { user } : {}) });
  const modal = await click.modal();
  const field = modal.components.flatMap((row) => (row as { components?: { custom_id: string }[] }).components ?? [])[0]!;
  return h.standin.submitModal({ from: click, fields: { [field.custom_id]: text } });
}

export async function ask(h: InterviewBot, user: StandinUser, options: Record<string, string | boolean> = {}): Promise<StandinMessage> {
  const handle = await h.standin.sendChatInput({ user, channel: h.channel, name: 'interview', subcommand: 'ask', options });
  return handle.finalMessage();
}

export function scoreOf(message: StandinMessage): number {
  const match = /(\d{1,3})\/100/.exec(message.embeds[0]?.title ?? '');
  if (!match) throw new Error(`no NN/100 in the title "${message.embeds[0]?.title}"`);
  return Number(match[1]);
}

/** Labels shown ✅ and ⬜ in a feedback message, in rubric order. */
export function checklist(message: StandinMessage): { covered: string[]; missing: string[] } {
  const all = (message.embeds[0]?.description ?? '').split('\n');
  // The key points are the block after the first bold header that is not the question itself.
  const header = all.findIndex((line) => /^\*\*[^Q]/.test(line));
  const end = all.indexOf('', header);
  const lines = all.slice(header + 1, end < 0 ? undefined : end);
  return {
    covered: lines.filter((line) => line.startsWith('✅ ')).map((line) => line.slice(2)),
    missing: lines.filter((line) => line.startsWith('⬜ **')).map((line) => line.slice(4, line.indexOf('**', 4))),
  };
}

export function itemByPrompt(items: Iterable<InterviewItem>, message: StandinMessage, lang: 'ko' | 'en'): InterviewItem {
  const text = message.embeds[0]?.description ?? '';
  const item = [...items].find((candidate) => text.includes(candidate.prompt[lang]));
  if (!item) throw new Error(`no interview item whose prompt appears in: ${text.slice(0, 200)}`);
  return item;
}
