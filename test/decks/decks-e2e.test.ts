import { afterEach, describe, expect, it } from 'vitest';
import { deckLimits } from '../../src/domain/limits.ts';
import { buttonsOf, Permission, type StandinMessage, type StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { buttonFor } from '../helpers/review-driver.ts';
import { aliasBomb, deepBlock, deepFlow, hugeStringDeck, invalidDeck, templateSource, trueFalseDeck } from './deck-fixtures.ts';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const upload = (filename: string, text: string | Uint8Array, contentType = 'application/yaml') =>
  ({ kind: 'upload' as const, filename, data: typeof text === 'string' ? Buffer.from(text, 'utf8') : text, contentType });
const text = (message: StandinMessage) => [message.content, ...message.embeds.map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)].join('\n');
const templatePromptsKo = ['여러 컨테이너로 이루어진 애플리케이션', '도커 컴포즈가 기본으로 찾는', '한 컴포즈 파일의 서비스들은', 'docker compose up에 붙여', '컴포즈로 띄운 서비스의', '컴포즈로 앱을 띄우고'];

/** A second server with its own admin and learner, where the first server's decks must never show. */
function otherServer(h: BotHarness) {
  const guild = h.standin.createGuild({ name: '다른 서버', locale: 'ko' });
  const channel = h.standin.createTextChannel(guild, 'study');
  const admin = h.standin.createUser({ username: 'other-admin', locale: 'ko' });
  const learner = h.standin.createUser({ username: 'other-learner', locale: 'ko' });
  h.standin.addMember(guild, admin, { permissions: Permission.ManageGuild });
  h.standin.addMember(guild, learner);
  return { guild, channel, admin, learner };
}

async function importDeck(h: BotHarness, user: StandinUser, file: ReturnType<typeof upload>, where: { guild: BotHarness['guild']; channel: BotHarness['channel'] } = h) {
  const started = performance.now();
  const handle = await h.standin.sendChatInput({ user, guild: where.guild, channel: where.channel, name: 'deck', subcommand: 'import', options: { file }, locale: user.locale });
  const message = await handle.finalMessage();
  return { message, ms: performance.now() - started };
}

const deckRows = (h: BotHarness) => h.rows<{ guild_id: string; name: string }>('select guild_id, name from guild_decks order by id');

describe('/deck: an instructor\'s own decks, end to end', () => {
  it('imports the template, which is then reviewable, quizzable and asked by /interview in that server only', async () => {
    harness = await startBotHarness();
    const h = harness;
    const { standin, guild, channel, admin, learnerKo } = h;

    const template = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'template', locale: 'ko' })).finalMessage();
    expect(template.attachments.map((file) => file.filename)).toEqual(['my-deck.yaml']);
    const downloaded = await (await fetch(template.attachments[0]!.url)).text();
    expect(downloaded).toBe(templateSource);

    const { message } = await importDeck(h, admin, upload('my-deck.yaml', downloaded));
    expect(message.flags & 64).toBe(64);
    expect(message.content).toContain('도커 컴포즈 맛보기');
    expect(message.content).toContain('문제 7개');
    expect(deckRows(h)).toEqual([{ guild_id: guild.id, name: 'my-deck' }]);

    // Autocomplete of /review and /quiz start offers it here.
    const reviewChoices = await standin.autocomplete({ user: learnerKo, guild, channel, name: 'review', focused: 'deck', options: { deck: '컴포즈' } });
    expect(reviewChoices).toEqual([{ name: '도커 컴포즈 맛보기 (7)', value: `my-deck@${guild.id}` }]);
    const quizChoices = await standin.autocomplete({ user: learnerKo, guild, channel, name: 'quiz', subcommand: 'start', focused: 'deck', options: { deck: 'my-deck' } });
    expect(quizChoices.map((choice) => choice.value)).toEqual([`my-deck@${guild.id}`]);

    // /review by the name an instructor gave it.
    const review = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', options: { deck: 'my-deck' }, locale: 'ko' })).finalMessage();
    expect(templatePromptsKo.some((prompt) => text(review).includes(prompt))).toBe(true);
    const skipped = await (await standin.clickButton({ user: learnerKo, message: review, customId: buttonFor(review, 'skip').customId })).finalMessage();
    expect(skipped.embeds.length).toBeGreaterThan(0);
    expect(h.rows<{ item_id: string }>('select item_id from cards where user_id = ?', learnerKo.id)[0]?.item_id).toMatch(new RegExp(`^my-deck@${guild.id}\\.`));

    // A quiz on the deck posts one of its questions in the channel.
    const quiz = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'quiz', subcommand: 'start', options: { deck: `my-deck@${guild.id}`, rounds: 3, seconds: 30 }, locale: 'ko' })).finalMessage();
    expect(text(quiz)).toContain('도커 컴포즈 맛보기');
    const round = await standin.waitForMessage((m) => m.channelId === channel.id && templatePromptsKo.some((prompt) => text(m).includes(prompt)));
    expect(round).toBeDefined();
    await (await standin.sendChatInput({ user: admin, guild, channel, name: 'quiz', subcommand: 'stop', locale: 'ko' })).finalMessage();

    // Its interview question is asked by topic.
    const topics = await standin.autocomplete({ user: learnerKo, guild, channel, name: 'interview', subcommand: 'ask', focused: 'topic', options: { topic: 'compose' } });
    expect(topics.map((choice) => choice.value)).toEqual(['why-compose']);
    const asked = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'interview', subcommand: 'ask', options: { topic: 'why-compose' }, locale: 'ko' })).finalMessage();
    expect(text(asked)).toContain('도커 컴포즈를 쓴 이유');

    // Another server sees none of it, and may import its own deck of the same name.
    const other = otherServer(h);
    const elsewhere = await standin.autocomplete({ user: other.learner, guild: other.guild, channel: other.channel, name: 'review', focused: 'deck', options: { deck: '' } });
    expect(elsewhere.some((choice) => String(choice.value).startsWith('my-deck'))).toBe(false);
    const refused = await (await standin.sendChatInput({ user: other.learner, guild: other.guild, channel: other.channel, name: 'review', options: { deck: 'my-deck' }, locale: 'ko' })).finalMessage();
    expect(refused.content).toContain('`my-deck` 덱을 찾지 못했어요');
    const noTopic = await (await standin.sendChatInput({ user: other.learner, guild: other.guild, channel: other.channel, name: 'interview', subcommand: 'ask', options: { topic: 'why-compose' }, locale: 'ko' })).finalMessage();
    expect(noTopic.content).toContain('"why-compose" 주제의 질문을 찾지 못했어요');
    const own = await importDeck(h, other.admin, upload('my-deck.yaml', trueFalseDeck('my-deck', 3, { ko: '다른 서버 덱', en: 'Other deck' })), other);
    expect(own.message.content).toContain('다른 서버 덱');
    const listHere = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'list', locale: 'ko' })).finalMessage();
    expect(text(listHere)).toContain('도커 컴포즈 맛보기');
    expect(text(listHere)).not.toContain('다른 서버 덱');
    expect(text(listHere)).toContain(`<@${admin.id}>`);
  });

  it('lists every problem of an invalid file, clips a long list with "… and N more" plus the full list attached, and stores nothing', async () => {
    harness = await startBotHarness();
    const h = harness;
    const { message } = await importDeck(h, h.admin, upload('broken.yaml', invalidDeck));
    expect(message.content).toContain('`broken.yaml` 파일을 가져오지 않았어요');
    for (const expected of ['broken.yaml: description.en: missing English translation', 'broken.yaml: items[0].promt: unknown key', 'broken.yaml: items[1].kind: must be one of', 'broken.yaml: items[2].options: needs 3–5 options']) {
      expect(message.content).toContain(expected);
    }
    expect(message.attachments).toEqual([]);

    // 120 items with a misspelt key each: more than one message holds.
    const many = trueFalseDeck('many', 120).replaceAll('    answer: true', '    answr: true');
    const long = await importDeck(h, h.admin, upload('many.yaml', many));
    expect(long.message.content.length).toBeLessThanOrEqual(2000);
    expect(long.message.content).toMatch(/… 그리고 \d+개 더/);
    const file = await (await fetch(long.message.attachments[0]!.url)).text();
    expect(file.trim().split('\n').filter((line) => line.includes('answr: unknown key'))).toHaveLength(120);

    // A file name that is not valid UTF-16 (a lone surrogate) arrives as U+FFFD, like any UTF-8 upload: a problem, not a crash.
    const odd = await importDeck(h, h.admin, upload('de\uD800ck.yaml', trueFalseDeck('deck', 1)));
    expect(odd.message.content).toContain('de\uFFFDck.yaml');
    expect(deckRows(h)).toEqual([]);
  });

  it('refuses an alias bomb, a huge string and deeply nested YAML within 1 s each, with a localized reason', async () => {
    harness = await startBotHarness();
    const h = harness;
    // Warm the import path once so the bound measures the refusal, not module loading.
    await importDeck(h, h.admin, upload('warm.yaml', 'id: warm\n'));
    const cases = [
      { file: upload('bomb.yaml', aliasBomb()), ko: '별칭(*)이 너무 많이', en: 'expands its aliases' },
      { file: upload('huge.yaml', hugeStringDeck()), ko: '엄청나게 긴 글', en: 'enormous text' },
      { file: upload('deep.yaml', deepFlow), ko: '너무 깊게 중첩', en: 'nests too deeply' },
      { file: upload('deep.yaml', deepBlock), ko: '너무 깊게 중첩', en: 'nests too deeply' },
    ];
    for (const hostile of cases) {
      const ko = await importDeck(h, h.admin, hostile.file);
      expect(ko.message.content).toContain(hostile.ko);
      // The refusal itself takes 2–50 ms; 1 s is the bound and leaves a wide margin for a busy machine.
      expect(ko.ms).toBeLessThan(1000);
      h.standin.addMember(h.guild, h.learnerEn, { permissions: Permission.ManageGuild });
      const en = await importDeck(h, h.learnerEn, hostile.file);
      expect(en.message.content).toContain(hostile.en);
    }
    expect(deckRows(h)).toEqual([]);
    expect(h.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('removes a deck only after confirmation and keeps the learners\' history of it', async () => {
    harness = await startBotHarness();
    const h = harness;
    const { standin, guild, channel, admin, learnerKo } = h;
    await importDeck(h, admin, upload('practice.yaml', trueFalseDeck('practice', 3)));
    const review = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', options: { deck: 'practice' }, locale: 'ko' })).finalMessage();
    await (await standin.clickButton({ user: learnerKo, message: review, customId: buttonFor(review, 'skip').customId })).finalMessage();
    const history = () => ({
      cards: h.rows<{ n: number }>("select count(*) as n from cards where item_id like 'practice@%'")[0]!.n,
      logs: h.rows<{ n: number }>("select count(*) as n from review_logs where item_id like 'practice@%'")[0]!.n,
    });
    expect(history()).toEqual({ cards: 1, logs: 1 });

    const choices = await standin.autocomplete({ user: admin, guild, channel, name: 'deck', subcommand: 'remove', focused: 'deck', options: { deck: 'prac' } });
    expect(choices.map((choice) => choice.value)).toEqual(['practice']);
    const ask = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'remove', options: { deck: 'practice' }, locale: 'ko' })).finalMessage();
    expect(ask.content).toContain('**연습 덱** 덱을 지울까요?');
    const [remove, cancel] = buttonsOf(ask);
    const cancelled = await (await standin.clickButton({ user: admin, message: ask, customId: cancel!.customId! })).finalMessage();
    expect(cancelled.content).toBe('지우지 않았어요.');
    expect(deckRows(h)).toHaveLength(1);

    const again = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'remove', options: { deck: 'practice' }, locale: 'ko' })).finalMessage();
    // A second confirmation left open, pressed after the deck is gone.
    const second = await (await standin.sendChatInput({ user: admin, guild, channel, name: 'deck', subcommand: 'remove', options: { deck: 'practice' }, locale: 'ko' })).finalMessage();
    const done = await (await standin.clickButton({ user: admin, message: again, customId: buttonsOf(again)[0]!.customId! })).finalMessage();
    expect(done.content).toContain('`practice` 덱을 지웠어요');
    expect(remove?.customId).toBe(buttonsOf(again)[0]!.customId);
    expect(deckRows(h)).toEqual([]);
    expect(history()).toEqual({ cards: 1, logs: 1 });

    // The removed items are no longer served, even as due cards.
    const gone = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'review', options: { deck: 'practice' }, locale: 'ko' })).finalMessage();
    expect(gone.content).toContain('`practice` 덱을 찾지 못했어요');
    const stale = await (await standin.clickButton({ user: admin, message: second, customId: buttonsOf(second)[0]!.customId! })).finalMessage();
    expect(stale.content).toContain('`practice` 덱이 없어요');
  });

  it('refuses the 501st item, the 21st deck and a file over 1 MiB with localized reasons', async () => {
    harness = await startBotHarness();
    const h = harness;
    const items = await importDeck(h, h.admin, upload('big.yaml', trueFalseDeck('big', 501)));
    expect(items.message.content).toBe('덱 하나에는 문제를 500개까지 넣을 수 있어요 (이 파일: 501개). 덱을 나눠서 가져와 주세요.');

    for (let i = 1; i <= deckLimits.decksPerGuild; i++) {
      const { message } = await importDeck(h, h.admin, upload(`deck-${i}.yaml`, trueFalseDeck(`deck-${i}`, 1)));
      expect(message.content).toContain(`(서버 덱 ${i}/20)`);
    }
    const extra = await importDeck(h, h.admin, upload('deck-21.yaml', trueFalseDeck('deck-21', 1)));
    expect(extra.message.content).toBe('이 서버는 덱을 20개까지 가질 수 있어요. `/deck remove`로 하나를 지운 뒤 가져와 주세요.');

    const big = Buffer.alloc(deckLimits.fileBytes + 1, 0x61);
    const large = await importDeck(h, h.admin, upload('large.yaml', big));
    expect(large.message.content).toBe('파일이 너무 커요. 덱 파일은 1 MiB까지 가져올 수 있어요.');
    const binary = await importDeck(h, h.admin, upload('bin.yaml', Uint8Array.from([0xff, 0xfe, 0x00, 0xc3])));
    expect(binary.message.content).toContain('UTF-8 텍스트가 아니에요');
    expect(deckRows(h)).toHaveLength(20);
  });

  it('refuses every /deck subcommand to a member without Manage Server, even when the command is shown to them', async () => {
    harness = await startBotHarness();
    const h = harness;
    const { standin, guild, channel, learnerEn } = h;
    for (const [subcommand, options] of [['import', { file: upload('my-deck.yaml', templateSource) }], ['list', {}], ['template', {}], ['remove', { deck: 'my-deck' }]] as const) {
      const reply = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'deck', subcommand, options, locale: 'en-US' })).finalMessage();
      expect(reply.content).toBe('Only members with the Manage Server permission can do this.');
    }
    expect(deckRows(h)).toEqual([]);

    // An attachment id with no uploaded file behind it (a forged payload) is an option the bot cannot read.
    const forged = await (await standin.sendChatInput({
      user: h.admin, guild, channel, name: 'deck', locale: 'en-US',
      options: [{ name: 'import', type: 1, options: [{ name: 'file', type: 11, value: '123456789012345678' }] }],
    })).finalMessage();
    expect(forged.content).toBe("I couldn't understand the value of `file`. Pick one from the list or stay within the range shown.");
    expect(deckRows(h)).toEqual([]);
  });
});
