import type { ShownModal, StandinMessage } from './model.ts';

/** Reading the interactive parts of a message or modal, for tests and the console. */

export interface ButtonView {
  readonly customId: string | null;
  readonly label: string | null;
  readonly emoji: string | null;
  /** 1 primary, 2 secondary, 3 success, 4 danger, 5 link, 6 premium. */
  readonly style: number;
  readonly url: string | null;
  readonly disabled: boolean;
}

export interface SelectOptionView {
  readonly label: string;
  readonly value: string;
  readonly description: string | null;
  readonly isDefault: boolean;
}

export interface SelectView {
  readonly customId: string;
  /** 3 string select; 5 user, 6 role, 7 mentionable, 8 channel select. */
  readonly type: number;
  readonly placeholder: string | null;
  readonly minValues: number;
  readonly maxValues: number;
  readonly disabled: boolean;
  readonly options: readonly SelectOptionView[];
}

export interface ModalFieldView {
  readonly customId: string;
  /** 4 text input, 3 string select (inside a label). */
  readonly type: number;
  readonly label: string;
  readonly description: string | null;
  /** 1 short, 2 paragraph (text inputs). */
  readonly style: number | null;
  readonly required: boolean;
  readonly minLength: number | null;
  readonly maxLength: number | null;
  readonly placeholder: string | null;
  readonly value: string | null;
  readonly options: readonly SelectOptionView[];
  /** How the bot laid it out, so a submit can mirror it: legacy action row or label component. */
  readonly container: 'action-row' | 'label';
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Every component of a message, depth first (action rows, containers and sections are opened). */
export function flattenComponents(components: readonly unknown[]): Obj[] {
  const out: Obj[] = [];
  const walk = (value: unknown) => {
    if (!isObj(value)) return;
    out.push(value);
    if (Array.isArray(value.components)) value.components.forEach(walk);
    if (isObj(value.accessory)) walk(value.accessory);
    if (isObj(value.component)) walk(value.component);
  };
  components.forEach(walk);
  return out;
}

function emojiText(value: unknown): string | null {
  if (!isObj(value)) return null;
  return value.id ? `:${String(value.name)}:` : str(value.name);
}

function optionsOf(value: unknown): SelectOptionView[] {
  return (Array.isArray(value) ? value : []).filter(isObj).map((option) => ({
    label: String(option.label ?? ''),
    value: String(option.value ?? ''),
    description: str(option.description),
    isDefault: option.default === true,
  }));
}

export function buttonsOf(message: Pick<StandinMessage, 'components'>): ButtonView[] {
  return flattenComponents(message.components)
    .filter((component) => component.type === 2)
    .map((button) => ({
      customId: str(button.custom_id),
      label: str(button.label),
      emoji: emojiText(button.emoji),
      style: typeof button.style === 'number' ? button.style : 2,
      url: str(button.url),
      disabled: button.disabled === true,
    }));
}

export function selectsOf(message: Pick<StandinMessage, 'components'>): SelectView[] {
  return flattenComponents(message.components)
    .filter((component) => [3, 5, 6, 7, 8].includes(component.type as number))
    .map((select) => ({
      customId: String(select.custom_id ?? ''),
      type: select.type as number,
      placeholder: str(select.placeholder),
      minValues: typeof select.min_values === 'number' ? select.min_values : 1,
      maxValues: typeof select.max_values === 'number' ? select.max_values : 1,
      disabled: select.disabled === true,
      options: optionsOf(select.options),
    }));
}

/** The fillable fields of a modal, in display order. */
export function modalFields(modal: ShownModal): ModalFieldView[] {
  const fields: ModalFieldView[] = [];
  for (const top of modal.components) {
    const container = top.type === 18 ? 'label' : 'action-row';
    const inner = top.type === 18 ? [top.component] : Array.isArray(top.components) ? top.components : [];
    for (const component of inner.filter(isObj)) {
      if (typeof component.custom_id !== 'string') continue;
      fields.push({
        customId: component.custom_id,
        type: component.type as number,
        label: String(top.type === 18 ? top.label ?? '' : component.label ?? ''),
        description: top.type === 18 ? str(top.description) : null,
        style: typeof component.style === 'number' ? component.style : null,
        required: component.required !== false,
        minLength: typeof component.min_length === 'number' ? component.min_length : null,
        maxLength: typeof component.max_length === 'number' ? component.max_length : null,
        placeholder: str(component.placeholder),
        value: str(component.value),
        options: optionsOf(component.options),
        container,
      });
    }
  }
  return fields;
}
