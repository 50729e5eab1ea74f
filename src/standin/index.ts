/**
 * A local stand-in for Discord (REST + gateway on 127.0.0.1) that the real, unmodified discord.js
 * client talks to, plus a driver for tests and the try-it console. The bot's own code never imports it.
 */
export { startStandin } from './standin.ts';
export type { Standin, StandinOptions, PrivilegedIntentSwitches, CreateGuildOptions, CreateUserOptions, AddMemberOptions, SendMessageOptions, WaitForMessageOptions } from './standin-api.ts';
export type { InteractionHandle } from './interaction-handle.ts';
export type { ChatInputOptions, AutocompleteOptions, ClickOptions, SelectOptions, ModalSubmitOptions, ForgedComponentOptions } from './driver-interactions.ts';
export type { OptionValue, RawCommandOption, CommandInvocation } from './command-options.ts';
export type * from './model.ts';
export type { StoredCommand, MessageEvent } from './state.ts';
export { Permission, allPermissions } from './permissions.ts';
export { buttonsOf, selectsOf, modalFields, flattenComponents } from './message-components.ts';
export type { ButtonView, SelectView, SelectOptionView, ModalFieldView } from './message-components.ts';
export { StandinTimeoutError } from './wait.ts';
