import { ActionRowBuilder, ButtonBuilder, ButtonStyle } from 'discord.js';
import type { ReminderDm, ReminderStatus } from '../../app/remind/remind-service.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { reviewNowId } from './remind-ids.ts';

/** The reminder DM: cards due, the streak at stake, and a button that starts a review right there. */
export function renderReminderDm(dm: ReminderDm) {
  const lines = [t(dm.locale, 'remind.dm.due', { due: dm.due })];
  if (dm.streak > 0) lines.push(t(dm.locale, 'remind.dm.streak', { streak: dm.streak }));
  lines.push(`-# ${t(dm.locale, 'remind.dm.footer')}`);
  const button = new ButtonBuilder().setCustomId(reviewNowId).setStyle(ButtonStyle.Primary).setLabel(t(dm.locale, 'remind.dm.button'));
  return { content: lines.join('\n'), components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] };
}

export function renderReminderStatus(status: ReminderStatus, locale: Locale, justSaved: boolean): string {
  if (!status.enabled) return t(locale, justSaved ? 'remind.turnedOff' : 'remind.status.off');
  return t(locale, justSaved ? 'remind.saved' : 'remind.status.on', { time: status.time, zone: status.timeZone });
}
