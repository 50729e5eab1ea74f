import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const base = { DISCORD_TOKEN: 'token', DISCORD_APPLICATION_ID: '123456789012345678' };

describe('lab settings', () => {
  it('binds learners\' ports to loopback and allows exactly httpd:latest and nginx:latest by default', () => {
    const { lab } = loadConfig(base);
    expect(lab.bindAddress).toBe('127.0.0.1');
    expect(lab.allowedImages).toEqual(['httpd:latest', 'nginx:latest']);
  });

  it.each(['0.0.0.0', '::'])('refuses LAB_BIND_ADDRESS=%s unless LAB_ALLOW_PUBLIC_BIND=true', (address) => {
    expect(() => loadConfig({ ...base, LAB_BIND_ADDRESS: address })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, LAB_BIND_ADDRESS: address })).toThrow(/LAB_ALLOW_PUBLIC_BIND=true/);
    expect(loadConfig({ ...base, LAB_BIND_ADDRESS: address, LAB_ALLOW_PUBLIC_BIND: 'true' }).lab.bindAddress).toBe(address);
  });

  it('accepts a specific address without the switch', () => {
    expect(loadConfig({ ...base, LAB_BIND_ADDRESS: '10.0.0.5' }).lab.bindAddress).toBe('10.0.0.5');
  });
});
