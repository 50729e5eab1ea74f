import type {
  ContainerTarget, ImageRef, LabRefusal, LabRefusalCode, ParsePolicy, ParseResult,
} from './command-types.ts';
import { maxCommandLength } from './command-types.ts';
import { parseContainerSpec } from './parse-container-spec.ts';
import type { FlagSpec } from './scan-flags.ts';
import { scanFlags } from './scan-flags.ts';
import type { Token } from './tokenize.ts';
import { tokenize } from './tokenize.ts';
import { checkContainerName, checkImage, clip } from './values.ts';
import { imageAllowed } from './image-policy.ts';

type Verb = 'run' | 'create' | 'start' | 'stop' | 'restart' | 'rm' | 'ps' | 'logs' | 'inspect' | 'pull' | 'images' | 'image-rm' | 'version';

const topLevel: Readonly<Record<string, Verb>> = {
  run: 'run', create: 'create', start: 'start', stop: 'stop', restart: 'restart', rm: 'rm', ps: 'ps',
  logs: 'logs', inspect: 'inspect', pull: 'pull', images: 'images', rmi: 'image-rm', version: 'version',
};
const containerGroup: Readonly<Record<string, Verb>> = {
  ls: 'ps', list: 'ps', ps: 'ps', run: 'run', create: 'create', start: 'start', stop: 'stop',
  restart: 'restart', rm: 'rm', remove: 'rm', logs: 'logs', inspect: 'inspect',
};
const imageGroup: Readonly<Record<string, Verb>> = { ls: 'images', list: 'images', rm: 'image-rm', remove: 'image-rm', pull: 'pull' };

const flagSpecs: Readonly<Record<Verb, readonly FlagSpec[]>> = {
  run: [
    { long: 'detach', short: 'd', value: false },
    { long: 'name', value: true },
    { long: 'publish', short: 'p', value: true },
    { long: 'env', short: 'e', value: true },
    { long: 'rm', value: false },
  ],
  create: [
    { long: 'name', value: true },
    { long: 'publish', short: 'p', value: true },
    { long: 'env', short: 'e', value: true },
    { long: 'rm', value: false },
  ],
  rm: [{ long: 'force', short: 'f', value: false }],
  ps: [{ long: 'all', short: 'a', value: false }, { long: 'quiet', short: 'q', value: false }],
  images: [{ long: 'quiet', short: 'q', value: false }],
  start: [], stop: [], restart: [], logs: [], inspect: [], pull: [], 'image-rm': [], version: [],
};

/** Subcommands whose targets may be the course's `$(docker ps -aq)`. */
const acceptsAllIds: ReadonlySet<Verb> = new Set(['rm', 'stop', 'start']);

const refuse = (code: LabRefusalCode, detail?: string): ParseResult =>
  ({ ok: false, refusal: detail === undefined ? { code } : { code, detail: clip(detail) } });

/**
 * Parses one learner-typed docker command strictly: a per-subcommand flag allowlist, no shell
 * syntax except `$(docker ps -aq)` as rm/stop/start targets, nothing after the image, and images
 * limited to `policy.allowedImages` for run/create/pull (undefined = any valid image, for grading).
 * Never throws; every rejection is a refusal with a specific code.
 */
export function parseDockerCommand(input: string, policy: ParsePolicy = {}): ParseResult {
  if (input.length > maxCommandLength) return refuse('too-long', String(input.length));
  if (input.trim().length === 0) return refuse('empty');
  const tokenized = tokenize(input.trim());
  if (!tokenized.ok) return tokenized;
  const [first, ...rest] = tokenized.tokens;
  if (first?.kind !== 'word' || first.text !== 'docker') return refuse('not-docker', first?.kind === 'word' ? first.text : '$(…)');

  const head = rest[0];
  if (!head) return refuse('missing-argument', 'docker');
  if (head.kind !== 'word') return refuse('substitution-not-allowed');
  if (head.text === '--version' || head.text === '-v') {
    return rest.length === 1 ? { ok: true, command: { kind: 'version', form: 'flag' } } : refuse('unexpected-argument', wordText(rest[1]!));
  }
  // Global options (-H, --context, --tls…) would point the CLI at another engine: never ours to accept.
  if (head.text.startsWith('-')) return refuse('unknown-flag', head.text);

  let verb = topLevel[head.text];
  let argsStart = 1;
  if (head.text === 'container' || head.text === 'image') {
    const sub = rest[1];
    if (!sub) return refuse('missing-argument', head.text);
    if (sub.kind !== 'word') return refuse('substitution-not-allowed');
    verb = (head.text === 'container' ? containerGroup : imageGroup)[sub.text];
    if (!verb) return refuse('unknown-subcommand', `${head.text} ${sub.text}`);
    argsStart = 2;
  }
  if (!verb) return refuse('unknown-subcommand', head.text);
  return parseVerb(verb, rest.slice(argsStart), policy);
}

function parseVerb(verb: Verb, args: readonly Token[], policy: ParsePolicy): ParseResult {
  const createsContainer = verb === 'run' || verb === 'create';
  const scanned = scanFlags(args, flagSpecs[verb], { interspersed: !createsContainer, createsContainer });
  if (!scanned.ok) return scanned;
  const { flags, positionals } = scanned;
  const has = (long: string) => flags.some((f) => f.long === long);

  switch (verb) {
    case 'run':
    case 'create': {
      const spec = parseContainerSpec(flags, positionals, policy);
      if (!spec.ok) return spec;
      return { ok: true, command: verb === 'run' ? { kind: 'run', detach: has('detach'), ...spec.spec } : { kind: 'create', ...spec.spec } };
    }
    case 'version':
    case 'ps':
    case 'images': {
      if (positionals.length > 0) return refuse('unexpected-argument', wordText(positionals[0]!));
      if (verb === 'version') return { ok: true, command: { kind: 'version', form: 'subcommand' } };
      if (verb === 'images') return { ok: true, command: { kind: 'images', quiet: has('quiet') } };
      return { ok: true, command: { kind: 'ps', all: has('all'), quiet: has('quiet') } };
    }
    case 'start':
    case 'stop':
    case 'restart':
    case 'rm': {
      const targets = parseTargets(positionals, acceptsAllIds.has(verb));
      if (!targets.ok) return targets;
      if (verb === 'rm') return { ok: true, command: { kind: 'rm', force: has('force'), targets: targets.targets } };
      return { ok: true, command: { kind: verb, targets: targets.targets } };
    }
    case 'logs':
    case 'inspect': {
      const targets = parseTargets(positionals, false);
      if (!targets.ok) return targets;
      const refs = targets.targets.map((t) => (t.kind === 'ref' ? t.ref : ''));
      if (verb === 'inspect') return { ok: true, command: { kind: 'inspect', targets: refs } };
      if (refs.length > 1) return refuse('unexpected-argument', refs[1]);
      return { ok: true, command: { kind: 'logs', target: refs[0]! } };
    }
    case 'pull':
    case 'image-rm': {
      const images = parseImages(positionals);
      if (!images.ok) return images;
      if (verb === 'image-rm') return { ok: true, command: { kind: 'image-rm', images: images.images } };
      if (images.images.length > 1) return refuse('unexpected-argument', images.images[1]!.raw);
      const image = images.images[0]!;
      if (policy.allowedImages && !imageAllowed(image, policy.allowedImages)) return refuse('image-not-allowed', image.ref);
      return { ok: true, command: { kind: 'pull', image } };
    }
  }
}

function wordText(token: Token): string {
  return token.kind === 'word' ? token.text : '$(…)';
}

type TargetsResult = { ok: true; targets: ContainerTarget[] } | { ok: false; refusal: LabRefusal };

function parseTargets(positionals: readonly Token[], allowAllIds: boolean): TargetsResult {
  if (positionals.length === 0) return { ok: false, refusal: { code: 'missing-argument' } };
  const targets: ContainerTarget[] = [];
  for (const token of positionals) {
    if (token.kind === 'all-ids') {
      if (!allowAllIds) return { ok: false, refusal: { code: 'substitution-not-allowed', detail: '$(docker ps -aq)' } };
      targets.push(token);
      continue;
    }
    const name = checkContainerName(token.text);
    if (!name.ok) return name;
    targets.push({ kind: 'ref', ref: name.value });
  }
  return { ok: true, targets };
}

type ImagesResult = { ok: true; images: ImageRef[] } | { ok: false; refusal: LabRefusal };

function parseImages(positionals: readonly Token[]): ImagesResult {
  if (positionals.length === 0) return { ok: false, refusal: { code: 'missing-argument' } };
  const images: ImageRef[] = [];
  for (const token of positionals) {
    if (token.kind !== 'word') return { ok: false, refusal: { code: 'substitution-not-allowed', detail: '$(…)' } };
    const image = checkImage(token.text);
    if (!image.ok) return image;
    images.push(image.value);
  }
  return { ok: true, images };
}

