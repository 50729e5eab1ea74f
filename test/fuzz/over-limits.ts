import type { RecordedCall } from '../../src/standin/index.ts';

/*
 * Discord's payload limits, written out here independently of the bot's own fitting code so that a
 * mistake there cannot hide itself: message content 2,000; embed title 256, description 4,096,
 * 25 fields of name 256 / value 1,024, footer 2,048, author 256, 6,000 in all, 10 embeds;
 * autocomplete 25 choices of name/value 100; modal title 45.
 */
type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const len = (value: unknown) => (typeof value === 'string' ? value.length : 0);

/** What in one recorded bot request exceeds Discord's limits (empty when it fits). */
export function overLimits(call: RecordedCall): string[] {
  const body = call.body;
  if (!isObj(body) || (call.method !== 'POST' && call.method !== 'PATCH')) return [];
  if (call.path.endsWith('/callback')) {
    const data = isObj(body.data) ? body.data : {};
    if (body.type === 4 || body.type === 7) return messageProblems(data);
    if (body.type === 8) {
      const choices = Array.isArray(data.choices) ? data.choices.filter(isObj) : [];
      return [
        ...(choices.length > 25 ? [`${choices.length} choices`] : []),
        ...choices.filter((c) => len(c.name) > 100 || len(c.value) > 100).map((c) => `choice of ${len(c.name)}/${len(c.value)} chars`),
      ];
    }
    if (body.type === 9) return len(data.title) > 45 ? [`modal title of ${len(data.title)}`] : [];
    return [];
  }
  return /\/messages|^\/webhooks\//.test(call.path) ? messageProblems(body) : [];
}

function messageProblems(message: Obj): string[] {
  const problems: string[] = [];
  if (len(message.content) > 2000) problems.push(`content of ${len(message.content)}`);
  const embeds = Array.isArray(message.embeds) ? message.embeds.filter(isObj) : [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const embed of embeds) {
    const fields = Array.isArray(embed.fields) ? embed.fields.filter(isObj) : [];
    const footer = isObj(embed.footer) ? embed.footer.text : undefined;
    const author = isObj(embed.author) ? embed.author.name : undefined;
    if (len(embed.title) > 256) problems.push(`embed title of ${len(embed.title)}`);
    if (len(embed.description) > 4096) problems.push(`embed description of ${len(embed.description)}`);
    if (fields.length > 25) problems.push(`${fields.length} fields`);
    for (const field of fields) if (len(field.name) > 256 || len(field.value) > 1024) problems.push(`field of ${len(field.name)}/${len(field.value)}`);
    if (len(footer) > 2048) problems.push(`footer of ${len(footer)}`);
    if (len(author) > 256) problems.push(`author of ${len(author)}`);
    total += len(embed.title) + len(embed.description) + len(footer) + len(author) + fields.reduce((sum, f) => sum + len(f.name) + len(f.value), 0);
  }
  if (total > 6000) problems.push(`embeds of ${total} in all`);
  return problems;
}
