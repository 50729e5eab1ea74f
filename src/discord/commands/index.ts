import type { Command, ComponentHandler } from '../command.ts';
import { createHelpCommand } from './help.ts';

/** The one static list of slash commands: it feeds both the router and the command deploy. */
export const commands: readonly Command[] = [createHelpCommand(() => commands)];

/** The one static list of button/select/modal handlers. */
export const componentHandlers: readonly ComponentHandler[] = [];
