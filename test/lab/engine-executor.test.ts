import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabRunResult } from '../../src/domain/lab/lab-results.ts';
import { labNetworkName } from '../../src/lab/lab-labels.ts';
import type { TestLab } from '../helpers/docker.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, createTestLab, testInstance } from '../helpers/docker.ts';
import { fetchPage } from '../helpers/fetch-page.ts';

const instance = testInstance('exec');
const ann = { guildId: '100000000000000001', userId: '200000000000000001' };
const bob = { guildId: '100000000000000001', userId: '200000000000000002' };
let docker: Docker;
let lab: TestLab;

function done(result: LabRunResult) {
  if (result.status !== 'done') throw new Error(`expected the command to run, got ${JSON.stringify(result)}`);
  return result;
}

async function run(who: typeof ann, command: string) {
  return done(await lab.executor.run(who, command));
}

beforeAllWithEngine(async () => {
  docker = await connectTestEngine();
  await cleanupInstance(docker, instance);
  lab = createTestLab(docker, { instance, portMin: 21000 });
});

afterAll(async () => {
  if (docker) await cleanupInstance(docker, instance);
});

describe('the lab executor on a real engine', () => {
  it('serves two learners who both run -p 8080:80 httpd, each through their own real port on 127.0.0.1', async () => {
    const a = await run(ann, 'docker run --name apa02 -d -p 8080:80 httpd');
    const b = await run(bob, 'docker run --name apa02 -d -p 8080:80 httpd');
    expect(a.exitCode).toBe(0);
    expect(b.exitCode).toBe(0);
    expect(a.stdout[0]).toMatch(/^[0-9a-f]{64}$/); // run -d prints the full ID
    expect(a.stderr[0]).toBe("Unable to find image 'httpd:latest' locally");
    const [portA, portB] = [a.published[0]!, b.published[0]!];
    expect(portA.virtualHostPort).toBe(8080);
    expect(portB.virtualHostPort).toBe(8080);
    expect(portA.realHostPort).not.toBe(portB.realHostPort);
    expect(portA.url).toBe(`http://lab.example.test:${portA.realHostPort}`);
    for (const port of [portA, portB]) {
      expect(port.realHostPort).toBeGreaterThanOrEqual(21000);
      expect(port.realHostPort).toBeLessThanOrEqual(21099);
      const page = await fetchPage(port.realHostPort);
      expect(page.status).toBe(200);
      expect(page.body).toContain('It works!');
    }
  });

  it('shows each learner only their own containers, by the names they typed', async () => {
    const psAnn = await run(ann, 'docker ps -a');
    const psBob = await run(bob, 'docker ps');
    expect(psAnn.stdout).toHaveLength(2);
    expect(psAnn.stdout[1]).toMatch(/^[0-9a-f]{12} {3}httpd .*Up .*0\.0\.0\.0:8080->80\/tcp {3}apa02$/);
    expect(psBob.stdout).toHaveLength(2);
    const bobId = psBob.stdout[1]!.slice(0, 12);
    expect(psAnn.stdout[1]!.slice(0, 12)).not.toBe(bobId);
    const quiet = await run(ann, 'docker ps -aq');
    expect(quiet.stdout).toEqual([psAnn.stdout[1]!.slice(0, 12)]);

    // Ann cannot reach Bob's container by his ID prefix: to her it does not exist.
    const stop = await run(ann, `docker stop ${bobId.slice(0, 6)}`);
    expect(stop.stderr).toEqual([`Error response from daemon: No such container: ${bobId.slice(0, 6)}`]);
    expect(stop.exitCode).toBe(1);
    expect((await run(bob, 'docker ps')).stdout[1]).toContain('Up ');
  });

  it('answers a reused name and a reused virtual port with Docker\'s own messages', async () => {
    const name = await run(ann, 'docker run --name apa02 -d -p 8081:80 httpd');
    expect(name.exitCode).toBe(125);
    expect(name.stderr[0]).toMatch(/^docker: Error response from daemon: Conflict\. The container name "\/apa02" is already in use by container "[0-9a-f]{64}"/);

    const port = await run(ann, 'docker run --name apa03 -d -p 8080:80 httpd');
    expect(port.exitCode).toBe(125);
    expect(port.stderr[0]).toMatch(/Bind for 0\.0\.0\.0:8080 failed: port is already allocated\.$/);
    // As with Docker, the container was created but could not start.
    expect((await run(ann, 'docker ps -a')).stdout.find((line) => line.endsWith('apa03'))).toContain('Created');
    expect((await run(ann, 'docker rm apa03')).stdout).toEqual(['apa03']);
  });

  it('refuses image rm while one of the learner\'s containers uses the image, and succeeds after rm', async () => {
    const refused = await run(ann, 'docker image rm httpd');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr[0]).toMatch(
      /^Error response from daemon: conflict: unable to remove repository reference "httpd" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}$/,
    );
    const running = await run(ann, 'docker rm apa02');
    expect(running.stderr[0]).toBe('Error response from daemon: cannot remove container "/apa02": container is running: stop the container before removing or force remove');
    expect((await run(ann, 'docker stop apa02')).stdout).toEqual(['apa02']);
    expect((await run(ann, 'docker stop apa02')).exitCode).toBe(0); // 304 from the engine is success
    expect((await run(ann, 'docker rm apa02')).stdout).toEqual(['apa02']);
    const removed = await run(ann, 'docker rmi httpd');
    expect(removed.stdout[0]).toBe('Untagged: httpd:latest');
    expect((await run(ann, 'docker images')).stdout).toHaveLength(1);

    // Bob's view and his running container are untouched; the engine still has the image.
    expect((await run(bob, 'docker image ls')).stdout[1]).toMatch(/^httpd {8}latest/);
    expect(await lab.driver.inspectImage('httpd:latest')).toBeDefined();
    const page = await fetchPage((await lab.executor.status(bob)).containers[0]!.published[0]!.realHostPort);
    expect(page.body).toContain('It works!');
  });

  it('gives every container it creates the fixed limits, labels and the isolated network', async () => {
    await run(ann, 'docker create --name life01 -p 8086:80 -e GREETING=hi nginx');
    const containers = await docker.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
    expect(containers.length).toBeGreaterThanOrEqual(2);
    for (const info of containers) {
      const c = await docker.getContainer(info.Id).inspect();
      const h = c.HostConfig;
      expect(h.Memory).toBe(64 * 1024 * 1024);
      expect(h.MemorySwap).toBe(64 * 1024 * 1024);
      expect(h.NanoCpus).toBe(250_000_000);
      expect(h.PidsLimit).toBe(128);
      expect(h.CapDrop).toEqual(['ALL']);
      expect([...(h.CapAdd ?? [])].sort()).toEqual(['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID']);
      expect(h.SecurityOpt).toEqual(['no-new-privileges']);
      expect(h.Privileged).toBe(false);
      expect(h.Binds ?? []).toEqual([]);
      expect(c.Mounts).toEqual([]);
      expect(h.Devices ?? []).toEqual([]);
      expect(h.PidMode ?? '').toBe('');
      expect(h.IpcMode).toBe('private');
      expect(h.UsernsMode ?? '').toBe('');
      expect(h.NetworkMode).toBe(labNetworkName(instance));
      expect(Object.keys(c.NetworkSettings.Networks)).toEqual([labNetworkName(instance)]);
      expect(h.Ulimits).toEqual([{ Name: 'nofile', Soft: 1024, Hard: 1024 }]);
      expect(h.LogConfig).toEqual({ Type: 'json-file', Config: { 'max-file': '1', 'max-size': '1m' } });
      expect(h.RestartPolicy?.Name).toBe('no');
      for (const bindings of Object.values(h.PortBindings ?? {}) as { HostIp: string }[][]) {
        for (const binding of bindings) expect(binding.HostIp).toBe('127.0.0.1');
      }
      expect(c.Config.Labels['coach.owner']).toMatch(/^\d+:\d+$/);
      expect(c.Config.Labels['coach.expires-at']).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(c.Name).toMatch(/^\/coach-[0-9a-f]{10}-/);
    }
    const network = await docker.getNetwork(labNetworkName(instance)).inspect();
    expect(network.Options?.['com.docker.network.bridge.enable_icc']).toBe('false');
    expect(network.Internal).toBe(false);
  });

  // The quota rules themselves run on the fake driver (executor-fake.test.ts); here the real engine
  // removes everything of one learner and nothing of another.
  it('removes every container of the learner with rm -f $(docker ps -aq), and only hers', async () => {
    await run(ann, 'docker create --name q5 nginx');
    const removed = await run(ann, 'docker rm -f $(docker ps -aq)');
    expect(removed.exitCode).toBe(0);
    expect(removed.stdout.length).toBeGreaterThan(0);
    expect((await run(ann, 'docker ps -a')).stdout).toHaveLength(1);
    expect((await run(bob, 'docker ps')).stdout).toHaveLength(2);
  });

  it('prints logs, a summary inspect with virtual ports, and the engine version', async () => {
    await run(ann, 'docker run -d --name web -p 8080:80 -e MODE=lab httpd');
    const inspect = await run(ann, 'docker inspect web');
    const parsed = JSON.parse(inspect.stdout.join('\n')) as [{ Name: string; NetworkSettings: { Ports: Record<string, unknown> }; Config: { Env: string[] } }];
    expect(parsed[0].Name).toBe('/web');
    expect(parsed[0].NetworkSettings.Ports).toEqual({ '80/tcp': [{ HostIp: '0.0.0.0', HostPort: '8080' }] });
    expect(parsed[0].Config.Env).toContain('MODE=lab');
    expect((await run(ann, 'docker logs web')).exitCode).toBe(0);
    expect((await run(ann, 'docker --version')).stdout[0]).toMatch(/^Docker version \d+\.\d+/);
    expect((await run(ann, 'docker inspect nothere')).stderr).toEqual(['Error: No such object: nothere']);
  });

  it('pulls only into the learner\'s view and removes an image there by its ID prefix', async () => {
    expect((await run(ann, 'docker image rm nginx')).stdout[0]).toBe('Untagged: nginx:latest'); // from `create … nginx` above
    const pulled = await run(ann, 'docker pull nginx');
    expect(pulled.stdout).toEqual(['Using default tag: latest', 'latest: Pulling from library/nginx', 'Status: Downloaded newer image for nginx:latest', 'docker.io/library/nginx:latest']);
    expect((await run(ann, 'docker pull nginx')).stdout[2]).toBe('Status: Image is up to date for nginx:latest');
    const images = await run(ann, 'docker images -q');
    const nginxId = (await lab.driver.inspectImage('nginx:latest'))!.id.slice('sha256:'.length, 'sha256:'.length + 8);
    expect(images.stdout.some((id) => id.startsWith(nginxId))).toBe(true);
    expect((await run(ann, `docker rmi ${nginxId}`)).stdout[0]).toBe('Untagged: nginx:latest');
    expect((await run(ann, 'docker images -q')).stdout.some((id) => id.startsWith(nginxId))).toBe(false);
    expect(await lab.driver.inspectImage('nginx:latest')).toBeDefined();
  });

  it('lets one command per learner run at a time', async () => {
    const [first, second] = await Promise.all([lab.executor.run(ann, 'docker ps'), lab.executor.run(ann, 'docker ps -a')]);
    expect(first.status).toBe('done');
    expect(second).toEqual({ status: 'denied', denial: { code: 'busy' } });
  });

  it('denies a learner who sends commands faster than the rate limit, before anything runs', async () => {
    const strict = createTestLab(docker, { instance, portMin: 21000, quotas: { commands: { max: 2, windowMs: 60_000 } } });
    expect((await strict.executor.run(bob, 'docker ps')).status).toBe('done');
    expect((await strict.executor.run(bob, 'docker ps')).status).toBe('done');
    expect(await strict.executor.run(bob, 'docker rm -f apa02')).toEqual({ status: 'denied', denial: { code: 'rate-limited', retryAfterSecs: 60 } });
    expect((await run(bob, 'docker ps')).stdout).toHaveLength(2);
  });

  it('resets a learner: containers removed and image view emptied', async () => {
    const result = await lab.executor.reset(ann);
    expect(result).toMatchObject({ removedContainers: 1 });
    expect((await lab.executor.status(ann)).containers).toEqual([]);
    expect((await lab.executor.status(ann)).images).toEqual([]);
    expect((await lab.executor.status(bob)).containers).toHaveLength(1);
  });
});
