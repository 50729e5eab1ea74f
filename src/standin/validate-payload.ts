import { ApiError, invalidFormBody } from './http-io.ts';

/**
 * Discord's documented size limits, checked the way Discord answers them (50035 Invalid Form Body
 * naming the field). A bot that breaks a limit fails in production, so it must fail here too.
 */

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function maxLength(path: string, value: unknown, max: number, min = 0): void {
  if (value === undefined || value === null) {
    if (min > 0) throw invalidFormBody(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  const length = [...String(value)].length;
  if (length > max || length < min) {
    throw invalidFormBody(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
  }
}

function maxItems(path: string, value: unknown, max: number): void {
  if (list(value).length > max) throw invalidFormBody(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

export const componentsV2Flag = 1 << 15;

/** Checks a message body for create (`requireSomething`) or edit. */
export function validateMessagePayload(body: Obj, options: { requireSomething: boolean; fileCount: number }): void {
  maxLength('content', body.content, 2000);
  maxItems('embeds', body.embeds, 10);
  let embedTotal = 0;
  list(body.embeds).forEach((embed, index) => {
    if (!isObj(embed)) return;
    const at = `embeds.${index}`;
    maxLength(`${at}.title`, embed.title, 256);
    maxLength(`${at}.description`, embed.description, 4096);
    maxItems(`${at}.fields`, embed.fields, 25);
    list(embed.fields).forEach((field, fieldIndex) => {
      const f = isObj(field) ? field : {};
      maxLength(`${at}.fields.${fieldIndex}.name`, f.name, 256, 1);
      maxLength(`${at}.fields.${fieldIndex}.value`, f.value, 1024, 1);
      embedTotal += text(f.name).length + text(f.value).length;
    });
    const footer = isObj(embed.footer) ? embed.footer : {};
    const author = isObj(embed.author) ? embed.author : {};
    maxLength(`${at}.footer.text`, footer.text, 2048);
    maxLength(`${at}.author.name`, author.name, 256);
    embedTotal += text(embed.title).length + text(embed.description).length + text(footer.text).length + text(author.name).length;
  });
  if (embedTotal > 6000) throw invalidFormBody('embeds', 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  validateAllowedMentions(body.allowed_mentions);
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  validateMessageComponents(body.components, (flags & componentsV2Flag) !== 0);

  if (options.requireSomething) {
    const empty =
      text(body.content).length === 0 &&
      list(body.embeds).length === 0 &&
      list(body.components).length === 0 &&
      list(body.sticker_ids).length === 0 &&
      body.poll === undefined &&
      options.fileCount === 0;
    if (empty) throw new ApiError(400, 50006, 'Cannot send an empty message');
  }
}

/** `parse` may not name a type that is also listed explicitly (`parse: ['users']` with `users: [...]`). */
function validateAllowedMentions(value: unknown): void {
  if (value === undefined || value === null) return;
  if (!isObj(value)) throw invalidFormBody('allowed_mentions', 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
  const parse = list(value.parse);
  parse.forEach((type, index) => {
    if (type !== 'users' && type !== 'roles' && type !== 'everyone') {
      throw invalidFormBody(`allowed_mentions.parse.${index}`, 'BASE_TYPE_CHOICES', 'Value must be one of {\'users\', \'roles\', \'everyone\'}.');
    }
  });
  for (const kind of ['users', 'roles'] as const) {
    maxItems(`allowed_mentions.${kind}`, value[kind], 100);
    if (parse.includes(kind) && list(value[kind]).length > 0) {
      throw invalidFormBody(`allowed_mentions.${kind}`, 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE', `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`);
    }
  }
}

const selectTypes = [3, 5, 6, 7, 8];

function validateSelect(path: string, select: Obj): void {
  const options = list(select.options);
  const isStringSelect = select.type === 3;
  const min = typeof select.min_values === 'number' ? select.min_values : 1;
  const max = typeof select.max_values === 'number' ? select.max_values : 1;
  if (min < 0 || min > 25) throw invalidFormBody(`${path}.min_values`, 'NUMBER_TYPE_MAX', 'int value should be between 0 and 25.');
  if (max < 1 || max > 25) throw invalidFormBody(`${path}.max_values`, 'NUMBER_TYPE_MAX', 'int value should be between 1 and 25.');
  if (min > max) throw invalidFormBody(`${path}.min_values`, 'SELECT_COMPONENT_MIN_VALUES_TOO_HIGH', 'min_values must be less than or equal to max_values.');
  if (isStringSelect && max > options.length) {
    throw invalidFormBody(`${path}.max_values`, 'SELECT_COMPONENT_MAX_VALUES_TOO_HIGH', 'max_values must be less than or equal to the number of options.');
  }
  if (!isStringSelect) return;
  maxItems(`${path}.options`, options, 25);
  if (options.length === 0) throw invalidFormBody(`${path}.options`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 25 in length.');
  maxLength(`${path}.placeholder`, select.placeholder, 150);
  const values = new Set<string>();
  options.forEach((option, index) => {
    const o = isObj(option) ? option : {};
    maxLength(`${path}.options.${index}.label`, o.label, 100, 1);
    maxLength(`${path}.options.${index}.value`, o.value, 100, 1);
    maxLength(`${path}.options.${index}.description`, o.description, 100);
    if (values.has(text(o.value))) throw invalidFormBody(`${path}.options.${index}.value`, 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', 'Select component option values must be unique.');
    values.add(text(o.value));
  });
}

/** Link buttons (style 5) carry a url and no custom id; premium buttons (6) neither; the others a custom id and no url. */
function validateButton(path: string, button: Obj): void {
  maxLength(`${path}.label`, button.label, 80);
  const style = button.style;
  if (style === 5) {
    if (button.custom_id !== undefined) throw invalidFormBody(`${path}.custom_id`, 'BUTTON_COMPONENT_LINK_WITH_CUSTOM_ID', 'A link button cannot have a custom_id.');
    if (typeof button.url !== 'string') throw invalidFormBody(`${path}.url`, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (style === 6) return;
  if (button.custom_id === undefined) throw invalidFormBody(`${path}.custom_id`, 'BASE_TYPE_REQUIRED', 'This field is required');
  if (button.url !== undefined) throw invalidFormBody(`${path}.url`, 'BUTTON_COMPONENT_URL_WITH_CUSTOM_ID', 'Only link buttons may have a url.');
}

function validateMessageComponents(components: unknown, v2: boolean): void {
  const customIds = new Set<string>();
  const seeCustomId = (path: string, component: Obj) => {
    if (component.custom_id === undefined) return;
    maxLength(`${path}.custom_id`, component.custom_id, 100, 1);
    const id = text(component.custom_id);
    if (customIds.has(id)) throw invalidFormBody(`${path}.custom_id`, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    customIds.add(id);
  };
  if (!v2) maxItems('components', components, 5);
  const walk = (value: unknown, path: string, depth: number): void => {
    if (!isObj(value)) return;
    const type = value.type;
    if (depth === 0 && !v2 && type !== 1) throw invalidFormBody(`${path}.type`, 'UNION_TYPE_CHOICES', 'Top-level components must be action rows');
    if (type === 1) {
      const children = list(value.components);
      const hasSelect = children.some((child) => isObj(child) && selectTypes.includes(child.type as number));
      if (children.length === 0 || children.length > 5 || (hasSelect && children.length > 1)) {
        throw invalidFormBody(`${path}.components`, 'BASE_TYPE_BAD_LENGTH', 'An action row holds 1-5 buttons or exactly one select menu');
      }
    }
    if (type === 2) validateButton(path, value);
    if (selectTypes.includes(type as number)) validateSelect(path, value);
    seeCustomId(path, value);
    list(value.components).forEach((child, index) => walk(child, `${path}.components.${index}`, depth + 1));
    if (isObj(value.accessory)) walk(value.accessory, `${path}.accessory`, depth + 1);
  };
  list(components).forEach((component, index) => walk(component, `components.${index}`, 0));
}

/** Checks a modal (callback type 9). Accepts legacy action rows and label components. */
export function validateModal(data: Obj): void {
  maxLength('data.title', data.title, 45, 1);
  maxLength('data.custom_id', data.custom_id, 100, 1);
  const components = list(data.components);
  if (components.length < 1 || components.length > 5) {
    throw invalidFormBody('data.components', 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
  const customIds = new Set<string>();
  const seeCustomId = (path: string, id: unknown) => {
    if (customIds.has(text(id))) throw invalidFormBody(path, 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
    customIds.add(text(id));
  };
  components.forEach((component, index) => {
    const at = `data.components.${index}`;
    if (!isObj(component)) throw invalidFormBody(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    if (component.type === 1) {
      const inputs = list(component.components);
      if (inputs.length !== 1) throw invalidFormBody(`${at}.components`, 'BASE_TYPE_BAD_LENGTH', 'Must be 1 in length.');
      validateTextInput(`${at}.components.0`, inputs[0], true);
      seeCustomId(`${at}.components.0.custom_id`, isObj(inputs[0]) ? inputs[0].custom_id : undefined);
    } else if (component.type === 18) {
      maxLength(`${at}.label`, component.label, 45, 1);
      maxLength(`${at}.description`, component.description, 100);
      const inner = isObj(component.component) ? component.component : {};
      if (inner.type === 4) validateTextInput(`${at}.component`, inner, false);
      else maxLength(`${at}.component.custom_id`, inner.custom_id, 100, 1);
      seeCustomId(`${at}.component.custom_id`, inner.custom_id);
    } else if (component.type !== 10) {
      throw invalidFormBody(`${at}.type`, 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).');
    }
  });
}

function validateTextInput(path: string, input: unknown, needsLabel: boolean): void {
  const i = isObj(input) ? input : {};
  if (i.type !== 4) throw invalidFormBody(`${path}.type`, 'UNION_TYPE_CHOICES', 'Modals hold text inputs (type 4).');
  maxLength(`${path}.custom_id`, i.custom_id, 100, 1);
  if (needsLabel) maxLength(`${path}.label`, i.label, 45, 1);
  maxLength(`${path}.placeholder`, i.placeholder, 100);
  maxLength(`${path}.value`, i.value, 4000);
  if (i.style !== 1 && i.style !== 2) throw invalidFormBody(`${path}.style`, i.style === undefined ? 'BASE_TYPE_REQUIRED' : 'BASE_TYPE_CHOICES', 'Text input style must be 1 (short) or 2 (paragraph).');
  if (typeof i.max_length === 'number' && (i.max_length < 1 || i.max_length > 4000)) {
    throw invalidFormBody(`${path}.max_length`, 'NUMBER_TYPE_MAX', 'int value should be between 1 and 4000.');
  }
  if (typeof i.min_length === 'number' && (i.min_length < 0 || i.min_length > 4000)) {
    throw invalidFormBody(`${path}.min_length`, 'NUMBER_TYPE_MAX', 'int value should be between 0 and 4000.');
  }
  if (typeof i.min_length === 'number' && typeof i.max_length === 'number' && i.min_length > i.max_length) {
    throw invalidFormBody(`${path}.min_length`, 'TEXT_INPUT_MIN_LENGTH_TOO_HIGH', 'min_length must be less than or equal to max_length.');
  }
}

/** Checks autocomplete choices (callback type 8). */
export function validateChoices(choices: unknown): void {
  maxItems('data.choices', choices, 25);
  list(choices).forEach((choice, index) => {
    const c = isObj(choice) ? choice : {};
    maxLength(`data.choices.${index}.name`, c.name, 100, 1);
    if (typeof c.value === 'string') maxLength(`data.choices.${index}.value`, c.value, 100);
  });
}
