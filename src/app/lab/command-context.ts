import type { LabContainer } from '../../domain/lab/lab-objects.ts';
import type { LabDenial, PublishedPort } from '../../domain/lab/lab-results.ts';
import type { LabQuotas } from '../../domain/lab/quotas.ts';
import type { LabDriver } from '../../lab/lab-driver.ts';
import type { LabExecutorOptions } from './lab-executor-types.ts';

/** Thrown inside a command handler to deny the whole command before it changes anything. */
export class LabDenialSignal extends Error {
  constructor(readonly denial: LabDenial) {
    super(denial.code);
    this.name = 'LabDenialSignal';
  }
}

/** Everything a command handler needs: the learner, their containers, and the output being built. */
export type CommandContext = {
  readonly owner: string;
  readonly driver: LabDriver;
  readonly options: LabExecutorOptions;
  readonly quotas: LabQuotas;
  /** The learner's containers when the command began, newest first: the command's one snapshot. */
  readonly mine: readonly LabContainer[];
  readonly stdout: string[];
  readonly stderr: string[];
  readonly published: PublishedPort[];
  exitCode: number;
  /** Creates the lab network once per process (containers are attached to it at create). */
  readonly ensureNetwork: () => Promise<void>;
  /** Serializes quota checks + port allocation + create across learners. */
  readonly allocate: <T>(section: () => Promise<T>) => Promise<T>;
};

export function fail(ctx: CommandContext, line: string | readonly string[], exitCode = 1): void {
  ctx.stderr.push(...(typeof line === 'string' ? [line] : line));
  ctx.exitCode = exitCode;
}

export function publishedPorts(container: LabContainer, publicHost: string): PublishedPort[] {
  return container.ports.map((p) => ({
    name: container.name,
    virtualHostPort: p.virtualHostPort,
    containerPort: p.containerPort,
    realHostPort: p.realHostPort,
    url: `http://${publicHost}:${p.realHostPort}`,
  }));
}

/**
 * Rewrites an engine message into the learner's terms: per-learner engine names lose their
 * `coach-<hash>-` prefix and real host ports become the virtual ones the learner typed.
 */
export function learnerMessage(ctx: CommandContext, message: string): string {
  let text = message.replace(/coach-[0-9a-f]{10}-/g, '');
  for (const container of ctx.mine) {
    for (const port of container.ports) {
      text = text.split(`${ctx.options.bindAddress}:${port.realHostPort}`).join(`0.0.0.0:${port.virtualHostPort}`);
    }
  }
  return text;
}

/** Finds one of the learner's own containers by the name they gave it or an ID prefix (Docker's order). */
export function resolveContainer(
  mine: readonly LabContainer[],
  ref: string,
): { found: LabContainer } | { error: 'missing' | 'ambiguous' } {
  const exact = mine.find((c) => c.id === ref) ?? mine.find((c) => c.name === ref);
  if (exact) return { found: exact };
  const byPrefix = mine.filter((c) => c.id.startsWith(ref));
  if (byPrefix.length === 1) return { found: byPrefix[0]! };
  return { error: byPrefix.length > 1 ? 'ambiguous' : 'missing' };
}
