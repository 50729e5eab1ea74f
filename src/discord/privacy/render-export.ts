import { AttachmentBuilder } from 'discord.js';
import type { ExportResult } from '../../app/privacy/privacy-service.ts';
import { t, type Locale } from '../../i18n/index.ts';

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The export as attachments: the zip, or its numbered parts with how to join them, or why it cannot be sent. */
export function renderExport(result: ExportResult, limitBytes: number, locale: Locale) {
  const { plan, bytes, fileName } = result;
  if (plan.type === 'whole') {
    return { content: t(locale, 'export.ready', { files: result.csvFiles }), files: [new AttachmentBuilder(Buffer.from(bytes), { name: fileName })] };
  }
  if (plan.type === 'too-large') return { content: t(locale, 'export.tooLarge', { size: mib(bytes.byteLength) }), files: [] };
  return {
    content: t(locale, 'export.split', { size: mib(bytes.byteLength), limit: mib(limitBytes), parts: plan.parts.length, name: fileName }),
    files: plan.parts.map((part, i) =>
      new AttachmentBuilder(Buffer.from(bytes.subarray(part.start, part.end)), { name: `${fileName}.part${i + 1}` })),
  };
}
