import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  REST,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../src/console/session.ts';
import { startHarness, type Harness } from '../standin/harness.ts';

let h: Harness;
let output: string[];
let answers: string[];
let session: ConsoleSession;

beforeAll(async () => {
  h = await startHarness();
  const review = { name: 'review', description: 'Review', options: [{ type: 3, name: 'deck', description: 'Deck' }] };
  await new REST({ api: h.standin.restUrl }).setToken(h.standin.token).put(Routes.applicationGuildCommands(h.standin.applicationId, h.guild.id), { body: [review] });
  h.onInteraction(async (interaction) => {
    if (interaction.isChatInputCommand()) {
      const embed = new EmbedBuilder().setTitle('Card 1').setDescription(`deck ${interaction.options.getString('deck') ?? 'all'}`).addFields({ name: 'Due', value: '3' }).setFooter({ text: 'FSRS' });
      const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder().setCustomId('open').setLabel('Answer').setStyle(ButtonStyle.Primary),
        new ButtonBuilder().setCustomId('off').setLabel('Later').setStyle(ButtonStyle.Secondary).setDisabled(true),
      );
      const menu = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
        new StringSelectMenuBuilder().setCustomId('lang').setPlaceholder('Language').addOptions({ label: '한국어', value: 'ko' }, { label: 'English', value: 'en' }),
      );
      await interaction.reply({ embeds: [embed], components: [buttons, menu], flags: MessageFlags.Ephemeral });
    } else if (interaction.isButton()) {
      const input = new TextInputBuilder().setCustomId('answer').setStyle(TextInputStyle.Paragraph);
      await interaction.showModal(new ModalBuilder().setCustomId('form').setTitle('Your answer').addLabelComponents(new LabelBuilder().setLabel('Answer').setTextInputComponent(input)));
    } else if (interaction.isModalSubmit() && interaction.isFromMessage()) {
      await interaction.update({ content: `answer: ${interaction.fields.getTextInputValue('answer')}`, embeds: [], components: [] });
    } else if (interaction.isStringSelectMenu()) {
      await interaction.deferUpdate();
      await interaction.editReply({ content: `language ${interaction.values.join('+')}`, embeds: [], components: [] });
    }
  });
  h.onMessage(async (message) => {
    if (!message.author.bot && message.content === 'docker ps') await message.react('✅');
  });
  output = [];
  answers = [];
  session = new ConsoleSession({
    standin: h.standin,
    guild: h.guild,
    channel: h.channel,
    user: h.learner,
    quietMs: 150,
    io: { write: (text) => void output.push(text), ask: async (prompt) => (output.push(prompt), answers.shift() ?? null) },
  });
  session.start();
});
afterAll(async () => {
  session.stop();
  await h.close();
});

const take = () => output.splice(0).join('\n');

describe('the console session', () => {
  it('renders the ephemeral embed with numbered buttons and menu', async () => {
    await session.handle('/review deck:docker-basics');
    expect(take()).toBe(
      [
        '#1 coach-bot (only you can see this):',
        '  ┃ 【Card 1】',
        '  ┃ deck docker-basics',
        '  ┃ Due: 3',
        '  ┃ — FSRS',
        '  [1] Answer  [2] Later (disabled)',
        '  [3] ▾ Language: 1) 한국어  2) English',
      ].join('\n'),
    );
  });

  it('refuses a disabled button and a button number that does not exist', async () => {
    await session.handle('2');
    await session.handle('9');
    expect(take()).toBe('! [2] Later is disabled\n! there is no [9] on message #1');
  });

  it('fills the modal a button opens from the next input line and shows the update', async () => {
    answers.push('a container is a process');
    await session.handle('1');
    const text = take();
    expect(text).toContain('coach-bot opened a form: Your answer');
    expect(text).toContain('  Answer (long): ');
    expect(text).toContain('#1 coach-bot (only you can see this, edited):\n  answer: a container is a process');
  });

  it('picks a menu option by number through a deferred update', async () => {
    await session.handle('/review');
    take();
    await session.handle('select 2');
    expect(take()).toContain('language en');
  });

  it('posts typed text and shows the reaction the bot adds', async () => {
    await session.handle('say docker ps');
    expect(take()).toBe('coach-bot reacted ✅ to your message "docker ps"');
  });

  it('does not show another learner\'s ephemeral messages', async () => {
    const other = h.standin.createUser({ username: 'jisoo' });
    h.standin.addMember(h.guild, other);
    const handle = await h.standin.sendChatInput({ user: other, channel: h.channel, name: 'review' });
    await handle.finalMessage();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(take()).toBe('');
  });
});
