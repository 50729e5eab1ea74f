import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices } from '../../src/app/create-services.ts';
import { createRepositories } from '../../src/db/repositories.ts';
import { loadContent, type Content } from '../../src/content/load-content.ts';
import { manualClock, openTempDatabase } from '../helpers/temp-db.ts';
import { templateSource, trueFalseDeck } from './deck-fixtures.ts';

const guildA = '100000000000000001';
const guildB = '100000000000000002';
const instructor = '200000000000000001';
const learner = '200000000000000002';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** The app services over a real migrated database; an empty built-in bank unless given. */
function servicesOn(database: ReturnType<typeof openTempDatabase>, content: Content = { decks: [], items: new Map() }, broken: string[] = []) {
  const clock = manualClock(new Date('2026-03-02T01:00:00Z')); // 10:00 in Seoul
  const services = createAppServices({
    repositories: createRepositories(database.db), clock, timeZone: 'Asia/Seoul', content,
    onBrokenDeck: (deck) => broken.push(`${deck.guildId}/${deck.name}`),
  });
  return { services, clock };
}

describe('the per-server question bank', () => {
  it('posts the daily question of a server from its own decks, never from another server\'s', async () => {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const { services, clock } = servicesOn(database);
    await services.decks.importDeck({ guildId: guildA, userId: instructor, fileName: 'practice.yaml', source: trueFalseDeck('practice', 4) });
    for (const guildId of [guildA, guildB]) {
      services.daily.configure({ guildId, channelId: `3${guildId}`, time: '09:00', userId: instructor, locale: 'ko' });
    }
    clock.advance(24 * 3_600_000); // the next day's 09:00 has passed
    const posts = services.daily.claimDuePosts();
    // Server B has no question at all (the built-in bank is empty here), so it gets no post.
    expect(posts.map((post) => post.guildId)).toEqual([guildA]);
    expect(database.sqlite.prepare('select item_id from daily_posts').all()).toEqual([{ item_id: expect.stringMatching(new RegExp(`^practice@${guildA}\\.fact-\\d$`)) }]);
  });

  it('loads stored decks at start, skips one that no longer passes the checks, and adds them to the built-in bank', async () => {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const builtIn = loadContent('questions');
    const first = servicesOn(database, builtIn).services;
    await first.decks.importDeck({ guildId: guildA, userId: instructor, fileName: 'my-deck.yaml', source: templateSource });
    await first.decks.importDeck({ guildId: guildA, userId: instructor, fileName: 'practice.yaml', source: trueFalseDeck('practice', 2) });
    // A deck stored by an older, laxer version of the checks (its checked form is of that version too).
    database.sqlite.prepare("update guild_decks set source = replace(source, 'kind: truefalse', 'kind: riddle'), checker_version = 'older-checks' where name = 'practice'").run();

    const broken: string[] = [];
    const restarted = servicesOn(database, builtIn, broken).services;
    expect(broken).toEqual([`${guildA}/practice`]);
    const inA = restarted.catalog.decks(guildA, 'en').map((deck) => deck.id);
    const inB = restarted.catalog.decks(guildB, 'en').map((deck) => deck.id);
    expect(inA).toEqual([...builtIn.decks.map((deck) => deck.id), `my-deck@${guildA}`]);
    expect(inB).toEqual(builtIn.decks.map((deck) => deck.id));
    expect(restarted.interview.topics(guildA).map((topic) => topic.topic)).toContain('why-compose');
    expect(restarted.interview.topics(guildB).map((topic) => topic.topic)).not.toContain('why-compose');
  });

  it('stops serving a removed deck at once while its cards and review logs stay', async () => {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const { services } = servicesOn(database);
    await services.decks.importDeck({ guildId: guildA, userId: instructor, fileName: 'practice.yaml', source: trueFalseDeck('practice', 2) });
    const screen = services.review.start({ guildId: guildA, userId: learner, deckId: 'practice', mode: 'due' });
    expect(screen.type).toBe('question');
    if (screen.type !== 'question') return;
    services.review.answer(screen.sessionId, screen.version, learner, { type: 'true-false', value: true }, null);

    expect(services.decks.remove(guildA, 'practice').name).toBe('practice');
    expect(() => services.review.start({ guildId: guildA, userId: learner, deckId: 'practice', mode: 'due' })).toThrow(expect.objectContaining({ code: 'review.unknownDeck' }));
    expect(services.review.start({ guildId: guildA, userId: learner, deckId: null, mode: 'due' }).type).toBe('empty');
    expect(() => services.quiz.start({
      guildId: guildA, channelId: '3', starterId: learner, locale: 'ko', deckId: 'practice', rounds: 3, seconds: 20, mode: 'race',
    })).toThrow(expect.objectContaining({ code: 'quiz.error.unknownDeck' }));
    const kept = database.sqlite.prepare("select (select count(*) from cards where item_id like 'practice@%') as cards, (select count(*) from review_logs where item_id like 'practice@%') as logs").get();
    expect(kept).toEqual({ cards: 1, logs: 1 });
  });

  it('keeps an imported deck when its importer uses /forget-me, without their id', async () => {
    const database = openTempDatabase();
    cleanup = database.cleanup;
    const { services } = servicesOn(database);
    await services.decks.importDeck({ guildId: guildA, userId: instructor, fileName: 'practice.yaml', source: trueFalseDeck('practice', 2) });
    await services.privacy.forget(instructor);
    expect(services.decks.list(guildA).map((deck) => [deck.name, deck.importedBy])).toEqual([['practice', '0']]);
  });
});
