import { EmbedBuilder, isValidationEnabled } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { commands } from '../../src/discord/commands/index.ts';
import { setPayloadValidation } from '../../src/discord/payload-validation.ts';
import { renderHelp } from '../../src/discord/renderers/help.ts';
import { validateMessagePayload } from '../../src/standin/validate-payload.ts';

const base = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '123456789012345678' };
afterEach(() => setPayloadValidation(true));

describe('builder validation: one switch', () => {
  it('is off in production and on everywhere else unless PAYLOAD_VALIDATION says otherwise', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).payloadValidation).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).payloadValidation).toBe(true);
    expect(loadConfig(base).payloadValidation).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'production', PAYLOAD_VALIDATION: 'on' }).payloadValidation).toBe(true);
    expect(() => loadConfig({ ...base, PAYLOAD_VALIDATION: 'maybe' })).toThrow(/PAYLOAD_VALIDATION must be on or off/);
  });

  it('skips the per-call checks when off, while the stand-in still refuses a payload past Discord limits', () => {
    expect(isValidationEnabled()).toBe(true);
    const longField = { name: 'x'.repeat(300), value: 'v' };
    expect(() => new EmbedBuilder().addFields(longField)).toThrow();
    setPayloadValidation(false);
    const tooLong = new EmbedBuilder().addFields(longField);
    expect(() => validateMessagePayload({ embeds: [tooLong.toJSON()] }, { requireSomething: true, fileCount: 0 })).toThrow(/embeds\.0\.fields\.0\.name/);
    // A real renderer gives the same JSON either way.
    const definitions = commands.map((command) => command.data.toJSON());
    const unchecked = JSON.stringify(renderHelp(definitions, 'ko'));
    setPayloadValidation(true);
    expect(JSON.stringify(renderHelp(definitions, 'ko'))).toBe(unchecked);
  });
});
