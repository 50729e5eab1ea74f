import { afterEach, describe, expect, it } from 'vitest';
import { parseLabId } from '../../src/discord/lab/lab-ids.ts';
import { buttonsOf } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('/lab reset end to end', () => {
  it('asks before removing anything: "keep" removes nothing, "remove everything" goes to the lab', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo } = harness;
    const ask = async () => (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'lab', subcommand: 'reset', locale: 'ko' })).finalMessage();
    const question = await ask();
    expect(question.ephemeral).toBe(true);
    expect(question.content).toContain('모두 지울까요?');
    const buttons = buttonsOf(question);
    expect(buttons.map((b) => [b.label, parseLabId(b.customId!)?.action])).toEqual([['모두 지우기', 'wipe'], ['그대로 두기', 'keep']]);

    const kept = await (await standin.clickButton({ message: question, customId: buttons[1]!.customId!, user: learnerKo })).finalMessage();
    expect(kept.content).toBe('아무것도 지우지 않았어요.');
    expect(buttonsOf(kept)).toEqual([]);

    const again = await ask();
    const wiped = await (await standin.clickButton({ message: again, customId: buttonsOf(again)[0]!.customId!, user: learnerKo })).finalMessage();
    expect(buttonsOf(wiped)).toEqual([]);
    // No engine in this harness: the lab says so instead of removing anything.
    expect(wiped.content).not.toContain('모두 지울까요?');
    expect(wiped.content?.length ?? 0).toBeGreaterThan(0);
  });
});
