/** One look at whether the bot can serve; `healthy` is false when it cannot. */
export type HealthReport = {
  healthy: boolean;
  gateway: 'connected' | 'disconnected';
  database: 'writable' | 'failing';
  /** `unreachable` does not make the bot unhealthy: /lab says it is unavailable and everything else works. */
  lab: 'off' | 'reachable' | 'unreachable';
};

export type HealthProbes = {
  gatewayConnected(): boolean;
  /** Commits a tiny write; throws when the database cannot take one. */
  writeDatabase(): void;
  /** Undefined when the lab is off; otherwise true when the engine answers (bounded, never throws). */
  pingLab: (() => Promise<boolean>) | undefined;
};

export async function checkHealth(probes: HealthProbes): Promise<HealthReport> {
  const gateway = probes.gatewayConnected() ? 'connected' : 'disconnected';
  let database: HealthReport['database'] = 'writable';
  try {
    probes.writeDatabase();
  } catch {
    database = 'failing';
  }
  const lab = probes.pingLab === undefined ? 'off' : (await probes.pingLab()) ? 'reachable' : 'unreachable';
  return { healthy: gateway === 'connected' && database === 'writable', gateway, database, lab };
}
