// The lab's pure core: the strict docker-command parser, its canonical form, and step checks.
export * from './command-types.ts';
export { parseDockerCommand } from './parse-command.ts';
export { canonicalCommand, commandsEquivalent } from './canonical.ts';
