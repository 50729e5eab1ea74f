import type Docker from 'dockerode';
import type { LabPort } from './lab-driver.ts';

const mib = 1024 * 1024;

/** The resource and privilege profile every lab container gets, whatever the learner typed. */
export const labLimits = {
  memoryBytes: 64 * mib,
  nanoCpus: 250_000_000,
  // 64 is too low for Apache's workers; a fork bomb still stops at this ceiling.
  pidsLimit: 128,
  // nginx needs CHOWN+SETUID+SETGID (with fewer it runs but serves nothing); httpd needs SETUID+SETGID
  // (without them its workers silently stay root); NET_BIND_SERVICE lets both listen on port 80.
  capAdd: ['CHOWN', 'SETUID', 'SETGID', 'NET_BIND_SERVICE'],
  nofile: 1024,
  logMaxSize: '1m',
} as const;

/**
 * The fixed HostConfig. No binds, mounts, devices, host namespaces or extra capabilities can get
 * in: the parser never produces them and this object is built from constants plus port numbers.
 */
export function labHostConfig(options: {
  readonly networkName: string;
  readonly bindAddress: string;
  readonly ports: readonly LabPort[];
  readonly autoRemove: boolean;
}): Docker.HostConfig {
  const portBindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const port of options.ports) {
    (portBindings[`${port.containerPort}/tcp`] ??= []).push({ HostIp: options.bindAddress, HostPort: String(port.realHostPort) });
  }
  return {
    Memory: labLimits.memoryBytes,
    MemorySwap: labLimits.memoryBytes,
    NanoCpus: labLimits.nanoCpus,
    PidsLimit: labLimits.pidsLimit,
    CapDrop: ['ALL'],
    CapAdd: [...labLimits.capAdd],
    SecurityOpt: ['no-new-privileges'],
    Privileged: false,
    Binds: [],
    Mounts: [],
    Devices: [],
    NetworkMode: options.networkName,
    IpcMode: 'private',
    PortBindings: portBindings,
    PublishAllPorts: false,
    Ulimits: [{ Name: 'nofile', Soft: labLimits.nofile, Hard: labLimits.nofile }],
    LogConfig: { Type: 'json-file', Config: { 'max-size': labLimits.logMaxSize, 'max-file': '1' } },
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: options.autoRemove,
    // A tiny init as PID 1 forwards `docker stop`'s SIGTERM (busybox httpd as PID 1 ignores it and
    // would wait out the 10 s kill timeout) and reaps zombies.
    Init: true,
  };
}
