import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { ownerKey, realContainerName } from '../../src/domain/lab/ownership.ts';
import { labLabels } from '../../src/lab/lab-labels.ts';
import type { TestLab } from '../helpers/docker.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, createTestLab, testInstance } from '../helpers/docker.ts';
import { hostileCommands } from './hostile-commands.ts';
import { accepted, attackOtherLearner, hoardPorts, hostileInventory } from './hostile-lab.ts';

// The full hostile-lab suite against the real engine (`npm run test:stress`); a short version runs in `npm test`.
const instance = testInstance('hstress');
const guildId = '100000000000000009';
const victim = { guildId, userId: '400000000000000001' };
const attackers = [2, 3, 4].map((n) => ({ guildId, userId: `40000000000000000${n}` }));
const hoarder = { guildId, userId: '400000000000000005' };
const bystander = { guildId, userId: '400000000000000006' };
let docker: Docker;
let lab: TestLab;
let victimIds: string[] = [];
const counts = { commands: 0, accepted: 0 };

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  await cleanupInstance(docker, instance);
  // Six real ports in all: a hoarder at the per-learner quota (5) must still leave one for someone else.
  const portMin = 23000 + (process.pid % 150) * 6;
  lab = createTestLab(docker, { instance, portMin, portRange: { min: portMin, max: portMin + 5 } });
  for (const command of ['docker run --name apa02 -d httpd', 'docker create --name apa03 nginx']) {
    const result = await lab.executor.run(victim, command);
    if (result.status !== 'done' || result.exitCode !== 0) throw new Error(`setup failed: ${JSON.stringify(result)}`);
  }
  victimIds = (await lab.driver.listContainers(ownerKey(victim.guildId, victim.userId))).map((c) => c.id);
});

afterAll(async () => {
  if (docker) await cleanupInstance(docker, instance);
  console.info(`hostile-lab stress: ${counts.commands} hostile commands, ${counts.accepted} accepted`);
});

describe('the full hostile-lab suite against a real engine', () => {
  it('refuses every hostile command for several learners at once, leaving the engine unchanged', async () => {
    const before = await hostileInventory(docker, instance);
    await Promise.all(attackers.map(async (attacker) => {
      for (const [command, code] of hostileCommands) {
        const result = await lab.executor.run(attacker, command);
        counts.commands++;
        if (accepted(result)) counts.accepted++;
        expect(result.status === 'refused' ? result.refusal.code : JSON.stringify(result), command.slice(0, 80)).toBe(code);
      }
    }));
    expect(await hostileInventory(docker, instance)).toEqual(before);
    expect(counts.accepted).toBe(0);
  });

  it('gives other learners\' names, ID prefixes and engine names nothing, changing nothing', async () => {
    const before = await hostileInventory(docker, instance);
    const engineNames = ['apa02', 'apa03'].map((name) => realContainerName(instance, ownerKey(victim.guildId, victim.userId), name));
    for (const attacker of attackers) {
      const outcome = await attackOtherLearner(lab, attacker, victimIds, engineNames);
      counts.commands += outcome.tried;
      counts.accepted += outcome.accepted;
      expect(outcome.accepted).toBe(0);
    }
    expect(await hostileInventory(docker, instance)).toEqual(before);
  });

  it('ignores a container whose owner label was forged outside the lab', async () => {
    const [attacker] = attackers as [typeof victim];
    const forged = await docker.createContainer({
      name: `forged-${process.pid}`,
      Image: 'httpd:latest',
      Labels: { [labLabels.instance]: instance, [labLabels.owner]: ownerKey(attacker.guildId, attacker.userId), [labLabels.name]: 'mine' },
    });
    try {
      const before = await hostileInventory(docker, instance);
      for (const command of ['docker rm -f mine', `docker start ${forged.id.slice(0, 12)}`, 'docker logs mine']) {
        const result = await lab.executor.run(attacker, command);
        counts.commands++;
        if (accepted(result)) counts.accepted++;
        expect(accepted(result), command).toBe(false);
      }
      const ps = await lab.executor.run(attacker, 'docker ps -a');
      expect(ps.status === 'done' && ps.stdout.length).toBe(1);
      expect(await hostileInventory(docker, instance)).toEqual(before);
    } finally {
      await forged.remove({ force: true });
    }
  });

  it('keeps port hoarding from starving other learners, then removes the hoarder\'s containers again', async () => {
    const before = await hostileInventory(docker, instance);
    const outcome = await hoardPorts(lab, hoarder, bystander);
    counts.commands += outcome.tried;
    counts.accepted += outcome.accepted;
    expect(outcome.accepted).toBe(0);
    expect(outcome.otherPublished).toBe(true);
    await lab.executor.reset(hoarder);
    await lab.executor.reset(bystander);
    expect(await hostileInventory(docker, instance)).toEqual(before);
  });
});
