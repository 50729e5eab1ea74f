import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A mock interview (`/interview mock`): its questions in order and which one is being asked.
 * Starting a new one abandons the learner's previous open session.
 */
export const interviewSessions = sqliteTable(
  'interview_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** JSON array of item ids, in the order they are asked. */
    itemIdsJson: text('item_ids_json').notNull(),
    /** Index of the question being asked; equals the count once finished. */
    position: integer('position').notNull().default(0),
    budgetMs: integer('budget_ms').notNull(),
    status: text('status', { enum: ['active', 'finished', 'abandoned'] }).notNull(),
    startedAtMs: integer('started_at_ms').notNull(),
    finishedAtMs: integer('finished_at_ms'),
  },
  (table) => [index('interview_sessions_user').on(table.userId, table.status)],
);

/**
 * One question as shown to one learner. Buttons and modals carry its id; `answeredAtMs` is set
 * once, so a double submit or an old button changes nothing. Someone answering a question posted
 * publicly by another learner gets their own row pointing at the public one.
 */
export const interviewPrompts = sqliteTable(
  'interview_prompts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    itemId: text('item_id').notNull(),
    /** Set when this asks one of the item's follow-up questions (꼬리 질문) instead of the item itself. */
    followUpIndex: integer('follow_up_index'),
    /** The prompt whose feedback offered this follow-up. */
    fromPromptId: integer('from_prompt_id'),
    /** The public prompt another learner posted, when this row is someone answering it. */
    publicPromptId: integer('public_prompt_id'),
    isPublic: integer('is_public', { mode: 'boolean' }).notNull().default(false),
    /** The topic the learner asked for, kept for "Another question". */
    topicFilter: text('topic_filter'),
    sessionId: integer('session_id').references(() => interviewSessions.id, { onDelete: 'cascade' }),
    position: integer('position'),
    hintUsed: integer('hint_used', { mode: 'boolean' }).notNull().default(false),
    shownAtMs: integer('shown_at_ms').notNull(),
    answeredAtMs: integer('answered_at_ms'),
  },
  (table) => [
    index('interview_prompts_user').on(table.userId, table.shownAtMs),
    uniqueIndex('interview_prompts_public_user').on(table.publicPromptId, table.userId),
  ],
);

/** One answered (or skipped) question: what was written, the rubric result and what it earned. */
export const interviewAttempts = sqliteTable(
  'interview_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    promptId: integer('prompt_id').notNull().references(() => interviewPrompts.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    itemId: text('item_id').notNull(),
    followUpIndex: integer('follow_up_index'),
    sessionId: integer('session_id'),
    kind: text('kind', { enum: ['answer', 'skip', 'follow-up'] }).notNull(),
    answerText: text('answer_text'),
    /** 0–100; null for a skipped question and for follow-up answers (they have no rubric). */
    score: integer('score'),
    /** JSON array of the rubric point ids the answer covered. */
    coveredJson: text('covered_json').notNull().default('[]'),
    conclusionFirst: integer('conclusion_first', { mode: 'boolean' }).notNull().default(false),
    concrete: integer('concrete', { mode: 'boolean' }).notNull().default(false),
    lengthVerdict: text('length_verdict', { enum: ['short', 'ok', 'long'] }),
    chars: integer('chars').notNull().default(0),
    hintUsed: integer('hint_used', { mode: 'boolean' }).notNull().default(false),
    overtime: integer('overtime', { mode: 'boolean' }).notNull().default(false),
    responseMs: integer('response_ms'),
    xpAwarded: integer('xp_awarded').notNull().default(0),
    createdAtMs: integer('created_at_ms').notNull(),
  },
  (table) => [
    index('interview_attempts_user').on(table.userId, table.createdAtMs),
    index('interview_attempts_session').on(table.sessionId),
    // Covers the per-question scores of /cohort: a server's scored answers, question by question, without reading the table or sorting.
    index('interview_attempts_guild_item').on(table.guildId, table.kind, table.itemId, table.createdAtMs, table.score),
  ],
);
