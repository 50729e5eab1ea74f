import { ApiError, invalidFormBody } from './http-io.ts';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The locales Discord accepts in `name_localizations` / `description_localizations`. */
export const discordLocales = new Set([
  'id', 'da', 'de', 'en-GB', 'en-US', 'es-ES', 'es-419', 'fr', 'hr', 'it', 'lt', 'hu', 'nl', 'no', 'pl', 'pt-BR',
  'ro', 'fi', 'sv-SE', 'vi', 'tr', 'cs', 'el', 'bg', 'ru', 'uk', 'hi', 'th', 'zh-CN', 'ja', 'zh-TW', 'ko',
]);

const chatInputName = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkName(path: string, name: unknown, chatInput: boolean): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 32) {
    throw invalidFormBody(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  }
  if (chatInput && (!chatInputName.test(name) || name !== name.toLowerCase())) {
    throw invalidFormBody(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name "${name}" is invalid`);
  }
}

function checkDescription(path: string, description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    throw invalidFormBody(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
}

function checkLocalizations(path: string, value: unknown, check: (at: string, text: unknown) => void): void {
  if (value === undefined || value === null) return;
  if (!isObj(value)) throw invalidFormBody(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  for (const [locale, text] of Object.entries(value)) {
    if (!discordLocales.has(locale)) throw invalidFormBody(`${path}.${locale}`, 'ENUM_TYPE_COERCE', `Value "${locale}" is not a valid enum value.`);
    check(`${path}.${locale}`, text);
  }
}

function checkOptions(path: string, options: unknown): void {
  const items = list(options);
  if (items.length > 25) throw invalidFormBody(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  items.forEach((item, index) => {
    const at = `${path}.${index}`;
    const option = isObj(item) ? item : {};
    checkName(`${at}.name`, option.name, true);
    checkDescription(`${at}.description`, option.description);
    checkLocalizations(`${at}.name_localizations`, option.name_localizations, (p, t) => checkName(p, t, true));
    checkLocalizations(`${at}.description_localizations`, option.description_localizations, checkDescription);
    if (names.has(String(option.name))) throw invalidFormBody(`${at}.name`, 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', 'Option names must be unique');
    names.add(String(option.name));
    if (option.type === 1 || option.type === 2) {
      checkOptions(`${at}.options`, option.options);
      return;
    }
    if (option.required === true && sawOptional) {
      throw invalidFormBody(`${at}.required`, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    if (option.required !== true) sawOptional = true;
    if (list(option.choices).length > 25) throw invalidFormBody(`${at}.choices`, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
    checkChoices(`${at}.choices`, option.choices);
    if (option.autocomplete === true && list(option.choices).length > 0) {
      throw invalidFormBody(`${at}.autocomplete`, 'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES', 'Autocomplete cannot be set with choices');
    }
  });
}

function checkChoices(path: string, choices: unknown): void {
  list(choices).forEach((item, index) => {
    const choice = isObj(item) ? item : {};
    const name = typeof choice.name === 'string' ? choice.name : '';
    if (name.length < 1 || name.length > 100) throw invalidFormBody(`${path}.${index}.name`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    checkLocalizations(`${path}.${index}.name_localizations`, choice.name_localizations, (p, t) => {
      if (typeof t !== 'string' || t.length < 1 || t.length > 100) throw invalidFormBody(p, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    });
    if (typeof choice.value === 'string' && (choice.value.length < 1 || choice.value.length > 100)) {
      throw invalidFormBody(`${path}.${index}.value`, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    }
  });
}

/** Discord's cap on one command: 4,000 characters of names, descriptions and choice values, counted per locale. */
export const maxCommandChars = 4000;

/** How many commands of each type one scope (global or a guild) may hold: chat input, user, message. */
export const maxCommandsByType: Readonly<Record<number, number>> = { 1: 100, 2: 15, 3: 15 };

function textIn(locale: string | null, base: unknown, localizations: unknown): string {
  const localized = locale !== null && isObj(localizations) ? localizations[locale] : undefined;
  return typeof localized === 'string' ? localized : typeof base === 'string' ? base : '';
}

/** Characters of a command in one locale (null = the default texts). */
function commandChars(command: Obj, locale: string | null): number {
  const own = (node: Obj) => textIn(locale, node.name, node.name_localizations).length + textIn(locale, node.description, node.description_localizations).length;
  const ofOptions = (options: unknown): number =>
    list(options).reduce<number>((sum, item) => {
      const option = isObj(item) ? item : {};
      const choices = list(option.choices).reduce<number>((total, c) => {
        const choice = isObj(c) ? c : {};
        return total + textIn(locale, choice.name, choice.name_localizations).length + String(choice.value ?? '').length;
      }, 0);
      return sum + own(option) + choices + ofOptions(option.options);
    }, 0);
  return own(command) + ofOptions(command.options);
}

function localesOf(command: Obj): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (!isObj(node)) return;
    for (const key of ['name_localizations', 'description_localizations']) {
      if (isObj(node[key])) for (const locale of Object.keys(node[key])) found.add(locale);
    }
    list(node.options).forEach(visit);
    list(node.choices).forEach(visit);
  };
  visit(command);
  return found;
}

function checkCommandSize(path: string, command: Obj): void {
  for (const locale of [null, ...localesOf(command)]) {
    if (commandChars(command, locale) > maxCommandChars) {
      throw invalidFormBody(path, 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${maxCommandChars})`);
    }
  }
}

/** 30032 when a scope would hold more commands of one type than Discord allows. */
export function checkCommandCount(commands: readonly Obj[]): void {
  for (const [type, max] of Object.entries(maxCommandsByType)) {
    if (commands.filter((command) => String(command.type ?? 1) === type).length > max) {
      throw new ApiError(400, 30032, `Maximum number of application commands reached (${max})`);
    }
  }
}

/** Checks a bulk overwrite body the way Discord does before storing it. */
export function validateCommandList(body: unknown): Obj[] {
  if (!Array.isArray(body)) throw invalidFormBody('body', 'LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  const seen = new Set<string>();
  body.forEach((item, index) => validateCommand(item, String(index), seen));
  checkCommandCount(body as Obj[]);
  return body as Obj[];
}

export function validateCommand(item: unknown, path: string, seen = new Set<string>()): Obj {
  const command = isObj(item) ? item : {};
  const type = command.type ?? 1;
  const chatInput = type === 1;
  checkName(`${path}.name`, command.name, chatInput);
  checkLocalizations(`${path}.name_localizations`, command.name_localizations, (p, t) => checkName(p, t, chatInput));
  if (chatInput) {
    checkDescription(`${path}.description`, command.description);
    checkLocalizations(`${path}.description_localizations`, command.description_localizations, checkDescription);
  }
  checkOptions(`${path}.options`, command.options);
  checkCommandSize(path, command);
  const key = `${String(type)}:${String(command.name)}`;
  if (seen.has(key)) throw invalidFormBody(`${path}.name`, 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
  seen.add(key);
  return command;
}
