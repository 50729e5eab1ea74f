import type { LabRefusal, LabRefusalCode } from './command-types.ts';
import type { Token } from './tokenize.ts';
import { clip } from './values.ts';

/** One flag a subcommand accepts. `value` flags take an argument (`--name x`, `--name=x`, `-px`). */
export type FlagSpec = { readonly long: string; readonly short?: string; readonly value: boolean };
export type ScannedFlag = { readonly long: string; readonly value: string | undefined };
export type ScanResult =
  | { ok: true; flags: ScannedFlag[]; positionals: Token[] }
  | { ok: false; refusal: LabRefusal };

// Flags that would give a container more of the host than the fixed lab profile. Each gets its own
// refusal so the learner learns *why* (mounts, namespaces…) instead of a bare "unknown flag".
const dangerousLong: Readonly<Record<string, LabRefusalCode>> = {
  privileged: 'privileged-flag',
  volume: 'mount-flag',
  mount: 'mount-flag',
  tmpfs: 'mount-flag',
  'volumes-from': 'mount-flag',
  'volume-driver': 'mount-flag',
  network: 'namespace-flag',
  net: 'namespace-flag',
  pid: 'namespace-flag',
  ipc: 'namespace-flag',
  uts: 'namespace-flag',
  userns: 'namespace-flag',
  cgroupns: 'namespace-flag',
  'cap-add': 'capability-flag',
  'cap-drop': 'capability-flag',
  device: 'device-flag',
  'device-cgroup-rule': 'device-flag',
  'device-read-bps': 'device-flag',
  'device-write-bps': 'device-flag',
  'device-read-iops': 'device-flag',
  'device-write-iops': 'device-flag',
  gpus: 'device-flag',
  'security-opt': 'security-opt',
};

/** Short forms that only mean something dangerous where a container is being created (`rm -v` is harmless). */
const dangerousShortOnCreate: Readonly<Record<string, LabRefusalCode>> = { v: 'mount-flag' };

// Dashes that are not U+002D: hyphen, non-breaking hyphen, figure/en/em dashes, horizontal bar,
// minus sign, small and full-width hyphen-minus. Phones and word processors turn `--` into `—`; the
// CLI would take such a word as an argument, so it is refused with a hint instead.
const lookalikeDash = /^[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;

type ScanOptions = {
  /** False for run/create: options end at the first positional (the image), like the docker CLI. */
  readonly interspersed: boolean;
  readonly createsContainer: boolean;
};

/**
 * Separates flags from positionals with the docker CLI's rules (pflag): `--long`, `--long=value`,
 * `-abc` clusters where a value flag takes the rest of the cluster or the next word.
 */
export function scanFlags(tokens: readonly Token[], specs: readonly FlagSpec[], options: ScanOptions): ScanResult {
  const flags: ScannedFlag[] = [];
  const positionals: Token[] = [];
  const fail = (code: LabRefusalCode, detail: string): ScanResult => ({ ok: false, refusal: { code, detail: clip(detail) } });
  // The flags this subcommand takes, as the learner would type them: what an unknown flag is told to use instead.
  const unknownFlag = (detail: string): ScanResult =>
    ({ ok: false, refusal: { code: 'unknown-flag', detail: clip(detail), allowed: specs.map((s) => (s.short ? `-${s.short}` : `--${s.long}`)) } });

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' && lookalikeDash.test(token.text)) return fail('lookalike-dash', token.text);
    if (token.kind !== 'word' || !token.text.startsWith('-') || token.text === '-' || (!options.interspersed && positionals.length > 0)) {
      positionals.push(token);
      continue;
    }
    const text = token.text;
    // Reads the argument of a value flag from the next word; a substitution there is never a value.
    const takeNext = (flagText: string): string | ScanResult => {
      const next = tokens[i + 1];
      if (!next) return fail('missing-argument', flagText);
      if (next.kind !== 'word') return fail('substitution-not-allowed', flagText);
      i++;
      return next.text;
    };

    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const long = text.slice(2, eq < 0 ? undefined : eq);
      const danger = dangerousLong[long];
      if (danger) return fail(danger, `--${long}`);
      const spec = specs.find((s) => s.long === long);
      if (!spec || long === '') return unknownFlag(text);
      if (!spec.value) {
        if (eq >= 0) return unknownFlag(text);
        flags.push({ long, value: undefined });
        continue;
      }
      const value = eq >= 0 ? text.slice(eq + 1) : takeNext(text);
      if (typeof value !== 'string') return value;
      flags.push({ long, value });
      continue;
    }

    for (let c = 1; c < text.length; c++) {
      const letter = text[c]!;
      const danger = options.createsContainer ? dangerousShortOnCreate[letter] : undefined;
      if (danger) return fail(danger, `-${letter}`);
      const spec = specs.find((s) => s.short === letter);
      if (!spec) return unknownFlag(`-${letter}`);
      if (!spec.value) {
        flags.push({ long: spec.long, value: undefined });
        continue;
      }
      const rest = text.slice(c + 1).replace(/^=/, '');
      const value = rest.length > 0 ? rest : takeNext(`-${letter}`);
      if (typeof value !== 'string') return value;
      flags.push({ long: spec.long, value });
      break;
    }
  }
  return { ok: true, flags, positionals };
}
