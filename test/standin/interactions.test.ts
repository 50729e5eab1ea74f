import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { buttonsOf, selectsOf } from '../../src/standin/index.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
afterEach(() => {
  expect(h.takeErrors()).toEqual([]);
});

describe('interactions against the stand-in with a real discord.js client', () => {
  it('delivers a slash command whose ephemeral embed reply can be clicked and updated', async () => {
    h.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const deck = interaction.options.getString('deck', true);
        const embed = new EmbedBuilder().setTitle(`Deck: ${deck}`).setDescription('Q1').addFields({ name: 'Card', value: '1/3' }).setFooter({ text: interaction.locale });
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('next:1').setLabel('Next').setStyle(ButtonStyle.Primary));
        await interaction.reply({ embeds: [embed], components: [row], flags: MessageFlags.Ephemeral });
      } else if (interaction.isButton()) {
        await interaction.update({ content: `clicked ${interaction.customId} by ${interaction.user.username}`, embeds: [], components: [] });
      }
    });

    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'review', options: { deck: 'docker-basics' } });
    const reply = await handle.reply();
    expect(reply.type).toBe(4);
    const shown = await handle.finalMessage();
    expect(shown.ephemeral).toBe(true);
    expect(shown.embeds[0]).toMatchObject({ title: 'Deck: docker-basics', description: 'Q1', fields: [{ name: 'Card', value: '1/3' }], footer: { text: 'ko' } });
    expect(buttonsOf(shown).map((b) => [b.customId, b.label])).toEqual([['next:1', 'Next']]);

    const click = await h.standin.clickButton({ message: shown, customId: 'next:1' });
    const updated = await click.finalMessage();
    expect(updated.id).toBe(shown.id);
    expect(updated.content).toBe('clicked next:1 by minji');
    expect(updated.components).toEqual([]);
    expect(h.standin.message(shown.id)?.content).toBe('clicked next:1 by minji');
  });

  it('refuses to click a button that is not on the message, naming the buttons that are', async () => {
    h.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('a').setLabel('A').setStyle(ButtonStyle.Secondary));
      await interaction.reply({ content: 'pick', components: [row] });
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'pick' });
    const message = await handle.finalMessage();
    expect(message.ephemeral).toBe(false);
    await expect(h.standin.clickButton({ message, customId: 'b' })).rejects.toThrow(/no button "b" \(buttons: a "A"\)/);
  });

  it('shows the edited message as the final message after deferReply and editReply', async () => {
    h.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const edited = await interaction.editReply({ content: 'done thinking' });
      if (edited.content !== 'done thinking') throw new Error('editReply did not return the message');
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'stats' });
    expect((await handle.reply()).type).toBe(5);
    const final = await handle.finalMessage();
    expect(final).toMatchObject({ content: 'done thinking', ephemeral: true, loading: false });
    const edit = await handle.waitForEdit();
    expect(edit.content).toBe('done thinking');
  });

  it('keeps follow-ups as separate messages that the bot gets back', async () => {
    h.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply('first');
      const second = await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
      await interaction.followUp(`second had id ${second.id}`);
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'daily' });
    const first = await handle.finalMessage();
    const second = await handle.waitForFollowUp();
    const third = await handle.waitForFollowUp();
    expect(first.content).toBe('first');
    expect(second).toMatchObject({ content: 'second', ephemeral: true });
    expect(third.content).toBe(`second had id ${second.id}`);
    expect(handle.followUps().map((m) => m.content)).toEqual(['second', `second had id ${second.id}`]);
  });

  it('turns the first follow-up after a deferred reply into that reply, as Discord does', async () => {
    h.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.followUp('answer');
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'slow' });
    const final = await handle.finalMessage();
    expect(final).toMatchObject({ content: 'answer', loading: false, id: handle.message()?.id });
  });

  it('lets a test submit the modal the bot showed and the bot reads its fields', async () => {
    h.onInteraction(async (interaction) => {
      if (interaction.isButton()) {
        const modal = new ModalBuilder()
          .setCustomId('interview:answer')
          .setTitle('Your answer')
          .addLabelComponents(
            new LabelBuilder().setLabel('Why containers?').setTextInputComponent(new TextInputBuilder().setCustomId('answer').setStyle(TextInputStyle.Paragraph).setMaxLength(500)),
          )
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('note').setLabel('Note').setStyle(TextInputStyle.Short).setRequired(false)));
        await interaction.showModal(modal);
      } else if (interaction.isModalSubmit() && interaction.isFromMessage()) {
        const answer = interaction.fields.getTextInputValue('answer');
        const note = interaction.fields.getTextInputValue('note');
        await interaction.update({ content: `got "${answer}" / "${note}" from ${interaction.customId}`, components: [] });
      } else if (interaction.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('open').setLabel('Answer').setStyle(ButtonStyle.Primary));
        await interaction.reply({ content: 'Q', components: [row], flags: MessageFlags.Ephemeral });
      }
    });
    const command = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'interview' });
    const question = await command.finalMessage();
    const click = await h.standin.clickButton({ message: question, customId: 'open' });
    const modal = await click.modal();
    expect(modal).toMatchObject({ customId: 'interview:answer', title: 'Your answer' });
    await expect(h.standin.submitModal({ from: click, fields: { note: 'x' } })).rejects.toThrow(/field "answer" is required/);

    const submit = await h.standin.submitModal({ from: click, fields: { answer: 'portable envs' } });
    const after = await submit.finalMessage();
    expect(after.id).toBe(question.id);
    expect(after.content).toBe('got "portable envs" / "" from interview:answer');
  });

  it('sends a picked select option to the bot', async () => {
    h.onInteraction(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        const select = new StringSelectMenuBuilder().setCustomId('lang').addOptions({ label: '한국어', value: 'ko' }, { label: 'English', value: 'en' });
        await interaction.reply({ content: 'language?', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)] });
      } else if (interaction.isStringSelectMenu()) {
        await interaction.update({ content: `picked ${interaction.values.join(',')}`, components: [] });
      }
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'settings' });
    const message = await handle.finalMessage();
    expect(selectsOf(message)[0]?.options.map((o) => o.value)).toEqual(['ko', 'en']);
    await expect(h.standin.selectOption({ message, customId: 'lang', values: ['fr'] })).rejects.toThrow(/no option\(s\) fr/);
    const pick = await h.standin.selectOption({ message, customId: 'lang', values: ['en'] });
    expect((await pick.finalMessage()).content).toBe('picked en');
  });

  it('returns the autocomplete choices the bot responds with', async () => {
    h.onInteraction(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond(['docker-basics', 'docker-network'].filter((d) => d.startsWith(typed)).map((d) => ({ name: d, value: d })));
    });
    const choices = await h.standin.autocomplete({ user: h.learner, channel: h.channel, name: 'review', options: { deck: 'docker-n' }, focused: 'deck' });
    expect(choices).toEqual([{ name: 'docker-network', value: 'docker-network' }]);
  });

  it('answers with_response callbacks with the created message', async () => {
    let resourceId: string | undefined;
    h.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: 'hi', withResponse: true });
      resourceId = response.resource?.message?.id;
    });
    const handle = await h.standin.sendChatInput({ user: h.learner, channel: h.channel, name: 'hello' });
    const message = await handle.finalMessage();
    await h.standin.waitForCall((call) => call.path.endsWith('/callback') && call.query.with_response === 'true');
    await expect.poll(() => resourceId).toBe(message.id);
  });

  it('passes user and channel options with resolved data and the member permissions', async () => {
    const moderator = h.standin.createUser({ username: 'mod', locale: 'en-US' });
    h.standin.addMember(h.guild, moderator, { permissions: 1n << 5n });
    let seen = '';
    h.onInteraction(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const target = interaction.options.getUser('who', true);
      const where = interaction.options.getChannel('where', true);
      seen = `${target.username} in #${String(where.name)} by ${interaction.user.username} manage=${String(interaction.memberPermissions?.has('ManageGuild'))} locale=${interaction.locale}`;
      await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    const handle = await h.standin.sendChatInput({ user: moderator, channel: h.channel, name: 'admin', subcommand: 'reset', options: { who: h.learner, where: h.channel } });
    await handle.finalMessage();
    expect(seen).toBe('minji in #quiz by mod manage=true locale=en-US');
  });
});
