import { PermissionFlagsBits, PermissionsBitField, type Client } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { quizChannelPermissions, requireBotPermissions } from '../../src/discord/quiz/bot-permissions.ts';

const client = { user: { id: '1' } } as unknown as Client;
const channelGranting = (...bits: bigint[]) => ({ permissionsFor: () => new PermissionsBitField(bits) });

describe('bot permissions in a quiz channel', () => {
  it('names every permission the bot is missing', () => {
    const channel = channelGranting(PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks);
    expect(() => requireBotPermissions(channel, client, quizChannelPermissions)).toThrow(
      expect.objectContaining({ code: 'quiz.error.botCannotPost', context: { permissions: 'AddReactions, ReadMessageHistory' } }),
    );
  });

  it('passes when everything is granted, and does not guess for channels it cannot check', () => {
    expect(() => requireBotPermissions(channelGranting(...quizChannelPermissions), client, quizChannelPermissions)).not.toThrow();
    expect(() => requireBotPermissions({ id: 'raw' }, client, quizChannelPermissions)).not.toThrow();
  });
});
