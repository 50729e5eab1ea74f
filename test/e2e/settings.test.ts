import { afterEach, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const embedText = (message: { embeds: readonly { title?: string; description?: string }[] }) =>
  message.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`).join('\n');

describe('/settings language end to end', () => {
  it('answers "auto" in the Discord client language at once, even after English was chosen before', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo } = harness;
    const english = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'settings', locale: 'ko', options: { language: 'en' } })).finalMessage();
    expect(embedText(english)).toMatch(/Language/);
    const auto = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'settings', locale: 'ko', options: { language: 'auto' } })).finalMessage();
    expect(embedText(auto)).toMatch(/언어/);
    expect(embedText(auto)).not.toMatch(/Language/);
    const help = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'help', locale: 'ko' })).finalMessage();
    expect(embedText(help)).toMatch(/[가-힣]/);
  });
});
