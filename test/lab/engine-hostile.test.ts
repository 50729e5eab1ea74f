import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestLab } from '../helpers/docker.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, createTestLab, testInstance } from '../helpers/docker.ts';
import { hostileCommands } from './hostile-commands.ts';
import { hoardPorts, hostileInventory } from './hostile-lab.ts';

const instance = testInstance('hostile');
const victim = { guildId: '100000000000000001', userId: '300000000000000001' };
const mallory = { guildId: '100000000000000001', userId: '300000000000000002' };
const hoarder = { guildId: '100000000000000001', userId: '300000000000000003' };
let docker: Docker;
let lab: TestLab;
let victimIds: string[] = [];

const inventory = () => hostileInventory(docker, instance);

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  await cleanupInstance(docker, instance);
  lab = createTestLab(docker, { instance, portMin: 21200 });
  for (const command of ['docker run --name apa02 -d -p 8080:80 httpd', 'docker create --name apa03 nginx']) {
    const result = await lab.executor.run(victim, command);
    if (result.status !== 'done' || result.exitCode !== 0) throw new Error(`setup failed: ${JSON.stringify(result)}`);
  }
  for (let i = 1; i <= 5; i++) await lab.executor.run(hoarder, `docker create --name h${i} httpd`);
  victimIds = (await lab.driver.listContainers('100000000000000001:300000000000000001')).map((c) => c.id);
});

afterAll(async () => {
  if (docker) await cleanupInstance(docker, instance);
});

describe('hostile commands against a real engine', () => {
  it('refuses every command of the hostile list with its reason and leaves the engine exactly as it was', async () => {
    const before = await inventory();
    for (const [command, code] of hostileCommands) {
      const result = await lab.executor.run(mallory, command);
      expect(result.status === 'refused' ? result.refusal.code : JSON.stringify(result), command.slice(0, 80)).toBe(code);
    }
    expect(await inventory()).toEqual(before);
  });

  it('gives another learner\'s names and ID prefixes nothing but "No such container", changing nothing', async () => {
    expect(victimIds).toHaveLength(2);
    const before = await inventory();
    const [id] = victimIds as [string];
    const attempts = [
      'docker rm -f apa02',
      'docker stop apa02',
      'docker start apa03',
      'docker restart apa02',
      `docker rm -f ${id.slice(0, 4)}`,
      `docker stop ${id.slice(0, 12)}`,
      `docker rm -f ${id}`,
      `docker logs ${id.slice(0, 8)}`,
      'docker logs apa02',
    ];
    for (const command of attempts) {
      const result = await lab.executor.run(mallory, command);
      if (result.status !== 'done') throw new Error(`${command}: ${JSON.stringify(result)}`);
      expect(result.exitCode, command).toBe(1);
      expect(result.stderr[0], command).toMatch(/^Error response from daemon: No such container: /);
      expect(result.stdout, command).toEqual([]);
    }
    const inspect = await lab.executor.run(mallory, `docker inspect ${id.slice(0, 12)}`);
    expect(inspect.status === 'done' && inspect.stdout).toEqual(['[]']);
    expect(await inventory()).toEqual(before);
  });

  it('never lets one learner remove an image from the engine or from another learner\'s view', async () => {
    const before = await inventory();
    for (const command of ['docker image rm httpd', 'docker rmi nginx', 'docker rmi httpd:latest nginx:latest']) {
      const result = await lab.executor.run(mallory, command);
      expect(result.status === 'done' && result.stderr[0], command).toMatch(/^Error response from daemon: No such image: /);
    }
    const removeAll = await lab.executor.run(mallory, 'docker rm -f $(docker ps -aq)');
    expect(removeAll.status === 'done' && removeAll.stderr[0]).toBe('"docker rm" requires at least 1 argument.');
    expect(await inventory()).toEqual(before);
    expect(lab.images.list('100000000000000001:300000000000000001').map((i) => i.ref).sort()).toEqual(['httpd:latest', 'nginx:latest']);
  });

  it('denies quota overflow and attached runs before touching the engine', async () => {
    const before = await inventory();
    expect(await lab.executor.run(hoarder, 'docker run -d --name h6 -p 8080:80 httpd')).toEqual({ status: 'denied', denial: { code: 'container-quota', limit: 5 } });
    expect(await lab.executor.run(hoarder, 'docker create --name h6 nginx')).toEqual({ status: 'denied', denial: { code: 'container-quota', limit: 5 } });
    expect(await lab.executor.run(hoarder, 'docker start h1 h2 h3 h4')).toEqual({ status: 'denied', denial: { code: 'running-quota', limit: 3 } });
    expect(await lab.executor.run(mallory, 'docker run --name fg -p 8080:80 httpd')).toEqual({ status: 'denied', denial: { code: 'attach-not-supported' } });
    expect(await inventory()).toEqual(before);
  });

  it('leaves another learner a port when one hoards the quota on a tiny range, and removes the hoarder\'s containers again', async () => {
    const before = await inventory();
    const portMin = 23950 + (process.pid % 40) * 6;
    const tiny = createTestLab(docker, { instance, portMin, portRange: { min: portMin, max: portMin + 5 } });
    const bystander = { guildId: '100000000000000001', userId: '300000000000000004' };
    const porter = { guildId: '100000000000000001', userId: '300000000000000005' };
    const outcome = await hoardPorts(tiny, porter, bystander);
    expect(outcome).toEqual({ tried: 3, accepted: 0, otherPublished: true });
    await tiny.executor.reset(porter);
    await tiny.executor.reset(bystander);
    expect(await inventory()).toEqual(before);
  });
});
