import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, type ApiAnswer } from './api-call.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Discord's Invalid Form Body answer, with the nested `errors` pointing at `path`. */
function expectFormError(answer: ApiAnswer, path: string, errorCode: string): void {
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ code: 50035, message: expect.stringContaining('Invalid Form Body') });
  let node: unknown = answer.body?.errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  expect((node as { _errors?: Array<{ code: string }> } | undefined)?._errors?.[0]?.code).toBe(errorCode);
}

const button = (customId: string) => ({ type: 2, style: 1, label: customId, custom_id: customId });
const row = (...components: unknown[]) => ({ type: 1, components });
const select = (extra: Record<string, unknown>) => ({
  type: 3, custom_id: 'pick', options: [{ label: 'A', value: 'a' }, { label: 'B', value: 'b' }], ...extra,
});

// A fresh channel per test keeps each one inside its own 5-messages-per-5-s bucket.
const post = (body: unknown) => callApi(h.standin, 'POST', `/channels/${h.standin.createTextChannel(h.guild, 'rules').id}/messages`, body);

describe('message payload rules', () => {
  it('refuses allowed_mentions with parse "users" and a users list (50035)', async () => {
    expectFormError(await post({ content: 'hi', allowed_mentions: { parse: ['users'], users: [h.learner.id] } }), 'allowed_mentions.users', 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE');
    expect((await post({ content: 'hi', allowed_mentions: { parse: [], users: [h.learner.id] } })).status).toBe(200);
  });

  it('refuses a select with min_values above max_values, or max_values above its options', async () => {
    expectFormError(await post({ components: [row(select({ min_values: 2, max_values: 1 }))] }), 'components.0.components.0.min_values', 'SELECT_COMPONENT_MIN_VALUES_TOO_HIGH');
    expectFormError(await post({ components: [row(select({ max_values: 3 }))] }), 'components.0.components.0.max_values', 'SELECT_COMPONENT_MAX_VALUES_TOO_HIGH');
    expect((await post({ components: [row(select({ min_values: 1, max_values: 2 }))] })).status).toBe(200);
  });

  it('refuses duplicate select option values', async () => {
    const options = [{ label: 'A', value: 'same' }, { label: 'B', value: 'same' }];
    expectFormError(await post({ components: [row(select({ options }))] }), 'components.0.components.0.options.1.value', 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED');
  });

  it('refuses a link button with a custom_id, and one without a url', async () => {
    const link = { type: 2, style: 5, label: 'docs', url: 'https://docs.docker.com' };
    expectFormError(await post({ components: [row({ ...link, custom_id: 'x' })] }), 'components.0.components.0.custom_id', 'BUTTON_COMPONENT_LINK_WITH_CUSTOM_ID');
    expectFormError(await post({ components: [row({ ...link, url: undefined })] }), 'components.0.components.0.url', 'BASE_TYPE_REQUIRED');
    expect((await post({ components: [row(link)] })).status).toBe(200);
  });

  it('refuses duplicate custom ids in one message', async () => {
    expectFormError(await post({ components: [row(button('a')), row(button('a'))] }), 'components.1.components.0.custom_id', 'COMPONENT_CUSTOM_ID_DUPLICATED');
  });

  it('refuses flags 64 (ephemeral) on a channel message', async () => {
    expectFormError(await post({ content: 'secret', flags: 64 }), 'flags', 'MESSAGE_CANNOT_BE_EPHEMERAL');
  });
});

describe('modal rules', () => {
  const showModal = async (inputs: Array<Record<string, unknown>>) => {
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'answer' });
    const components = inputs.map((input) => ({ type: 18, label: 'Answer', component: { type: 4, ...input } }));
    const path = `/interactions/${handle.id}/${handle.token}/callback`;
    return callApi(h.standin, 'POST', path, { type: 9, data: { custom_id: 'modal', title: 'Answer', components } }, { auth: false });
  };

  it('refuses a text input without a style', async () => {
    expectFormError(await showModal([{ custom_id: 'a' }]), 'data.components.0.component.style', 'BASE_TYPE_REQUIRED');
  });

  it('refuses a text input with min_length above max_length', async () => {
    expectFormError(await showModal([{ custom_id: 'a', style: 1, min_length: 10, max_length: 5 }]), 'data.components.0.component.min_length', 'TEXT_INPUT_MIN_LENGTH_TOO_HIGH');
  });

  it('refuses duplicate custom ids in one modal', async () => {
    expectFormError(await showModal([{ custom_id: 'a', style: 1 }, { custom_id: 'a', style: 2 }]), 'data.components.1.component.custom_id', 'COMPONENT_CUSTOM_ID_DUPLICATED');
    expect((await showModal([{ custom_id: 'a', style: 1 }, { custom_id: 'b', style: 2 }])).status).toBe(204);
  });
});

describe('command definition rules', () => {
  const deploy = (commands: unknown[]) => callApi(h.standin, 'PUT', `/applications/${h.standin.applicationId}/guilds/${h.guild.id}/commands`, commands);
  const command = (name: string, extra: Record<string, unknown> = {}) => ({ name, description: 'Review cards', ...extra });
  const withChoices = (choices: unknown[]) => command('review', { options: [{ type: 3, name: 'deck', description: 'Deck', choices }] });

  it('refuses a choice name or value over 100 characters', async () => {
    expectFormError(await deploy([withChoices([{ name: 'n'.repeat(101), value: 'v' }])]), '0.options.0.choices.0.name', 'BASE_TYPE_BAD_LENGTH');
    expectFormError(await deploy([withChoices([{ name: 'n', value: 'v'.repeat(101) }])]), '0.options.0.choices.0.value', 'BASE_TYPE_BAD_LENGTH');
    expect((await deploy([withChoices([{ name: 'n'.repeat(100), value: 'v'.repeat(100) }])])).status).toBe(200);
  });

  it('refuses a command over 4,000 characters in one locale', async () => {
    const options = Array.from({ length: 25 }, (_, i) => ({
      type: 3, name: `o${i}`, description: 'd'.repeat(60), choices: Array.from({ length: 25 }, (_, j) => ({ name: `c${j}`, value: 'v'.repeat(3) })),
    }));
    // 25 × (2 + 60 + 25 × ~5) ≈ 4,700 characters.
    expectFormError(await deploy([command('big', { options })]), '0', 'APPLICATION_COMMAND_TOO_LARGE');
    const korean = options.slice(0, 10).map((option) => ({ ...option, description_localizations: { ko: '설'.repeat(100) } }));
    expect((await deploy([command('big', { options: korean })])).status).toBe(200);
  });

  it('refuses more than 100 chat input commands in one scope (30032)', async () => {
    const many = Array.from({ length: 101 }, (_, i) => command(`cmd${i}`));
    const answer = await deploy(many);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 30032, message: 'Maximum number of application commands reached (100)' });
    expect((await deploy(many.slice(0, 100))).status).toBe(200);
    const oneMore = await callApi(h.standin, 'POST', `/applications/${h.standin.applicationId}/guilds/${h.guild.id}/commands`, command('cmd100'));
    expect(oneMore.body).toMatchObject({ code: 30032 });
  });
});
