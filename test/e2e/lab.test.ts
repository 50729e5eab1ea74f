import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import type Docker from 'dockerode';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseLabId, type LabAction } from '../../src/discord/lab/lab-ids.ts';
import { t } from '../../src/i18n/index.ts';
import { buttonsOf, type StandinMessage, type StandinUser } from '../../src/standin/index.ts';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.ts';
import { beforeAllWithEngine, cleanupInstance, connectTestEngine, testDockerHost } from '../helpers/docker.ts';
import { visitPage } from '../helpers/fetch-page.ts';
import { manualClock } from '../helpers/temp-db.ts';

// One lab instance per test and run, so neither parallel files nor earlier runs are ever touched.
const runId = randomBytes(4).toString('hex');
const instances: string[] = [];
const portRange = { min: 22100, max: 22199 }; // test/lab uses 21000–21799, bench/lab-run.ts 21800–21999
const apa02 = 'docker run --name apa02 -d -p 8080:80 httpd';
const engineTimeoutMs = 20_000; // a deferred /lab run may pull, start and probe before it answers

let harness: BotHarness | undefined;
let docker: Docker | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

afterAll(async () => {
  if (docker) for (const instance of instances) await cleanupInstance(docker, instance);
});

function labEnv(name: string, extra: Record<string, string> = {}): Record<string, string> {
  const instance = `e2e-${runId}-${name}`;
  instances.push(instance);
  return { DOCKER_HOST: testDockerHost, LAB_INSTANCE: instance, LAB_PORT_RANGE: `${portRange.min}-${portRange.max}`, ...extra };
}

const localeOf = (user: StandinUser) => (user.locale === 'ko' ? 'ko' : 'en-US');

async function lab(user: StandinUser, subcommand: string, options?: Record<string, string>): Promise<StandinMessage> {
  const { standin, guild, channel } = harness!;
  const handle = await standin.sendChatInput({ user, guild, channel, name: 'lab', subcommand, locale: localeOf(user), ...(options ? { options } : {}) });
  return handle.finalMessage(engineTimeoutMs);
}

/** `/lab run command:…` → the transcript message the learner sees. */
const run = async (user: StandinUser, command: string) => (await lab(user, 'run', { command })).content;

async function click(user: StandinUser, screen: StandinMessage, action: LabAction): Promise<StandinMessage> {
  const button = buttonsOf(screen).find((b) => b.customId && parseLabId(b.customId)?.action === action);
  if (!button?.customId) throw new Error(`no ${action} button on ${JSON.stringify(screen.components)}`);
  const handle = await harness!.standin.clickButton({ user, message: screen, customId: button.customId, locale: localeOf(user) });
  return handle.finalMessage(engineTimeoutMs);
}

const embedText = (message: StandinMessage) =>
  message.embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n');

/** The lines inside the transcript's code block, after the `$ docker …` prompt. */
function outputLines(content: string): string[] {
  const block = /```console\n([\s\S]*?)```/.exec(content)?.[1] ?? '';
  return block.split('\n').filter(Boolean).slice(1);
}

/** `localhost:8080 → http://localhost:<real>`: the real port the bot published the learner's 8080 on. */
function realPort(content: string, virtual: number): number {
  const port = new RegExp(`localhost:${virtual} → http://localhost:(\\d+)`).exec(content)?.[1];
  if (!port) throw new Error(`no published URL for ${virtual} in:\n${content}`);
  return Number(port);
}

/** GET / through the real port on 127.0.0.1; at most 20 tries of 1 s each. */
async function fetchPage(port: number): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return await response.text();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing served on 127.0.0.1:${port} (${last})`);
}

async function engineContainers(instance: string) {
  const found = await docker!.listContainers({ all: true, filters: { label: [`coach.instance=${instance}`] } });
  return found.map((c) => ({ id: c.Id, name: c.Labels['coach.name'], owner: c.Labels['coach.owner'], state: c.State }));
}

type XpRow = { user_id: string; amount: number; ref: string };
const labXp = () => harness!.rows<XpRow>("select user_id, amount, ref from xp_events where source = 'lab' order by id");

describe('/lab without a Docker engine', () => {
  it('answers /lab run with "labs are not configured here" in each language while every other command works', async () => {
    harness = await startBotHarness();
    const { standin, guild, channel, learnerKo, learnerEn } = harness;
    expect(await run(learnerKo, 'docker ps')).toBe(t('ko', 'lab.unavailable'));
    expect(await run(learnerEn, 'docker ps')).toBe('No Docker engine is connected for labs on this server. Everything else still works.');
    expect((await lab(learnerKo, 'start', { exercise: 'practice-3-apache' })).content).toBe(t('ko', 'lab.unavailable'));
    expect(embedText(await lab(learnerEn, 'list'))).toContain('Practice 3: run an Apache web server');
    const help = await (await standin.sendChatInput({ user: learnerKo, guild, channel, name: 'help', locale: 'ko' })).finalMessage();
    expect(embedText(help)).toContain('도커 코치 명령어');
    const review = await (await standin.sendChatInput({ user: learnerEn, guild, channel, name: 'review', locale: 'en-US', options: { deck: 'containers' } })).finalMessage();
    expect(buttonsOf(review).length).toBeGreaterThan(0);
    expect(harness.logs.some((line) => line.msg === 'lab disabled: DOCKER_HOST is not set')).toBe(true);
  });

  it('starts with the lab off when DOCKER_HOST refuses connections or never answers', async () => {
    // A silent listener is the worst case: a hung engine, or a firewall that drops the replies.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const hosts = { refused: `unix:///tmp/coach-no-engine-${runId}.sock`, silent: `tcp://127.0.0.1:${port}` };
    try {
      for (const [kind, dockerHost] of Object.entries(hosts)) {
        harness = await startBotHarness({ env: { DOCKER_HOST: dockerHost, LAB_INSTANCE: `e2e-${runId}-off` } });
        expect(await run(harness.learnerEn, 'docker ps'), kind).toBe(t('en', 'lab.unavailable'));
        expect(harness.logs.filter((line) => line.msg === 'lab disabled: the Docker engine does not answer'), kind).toHaveLength(1);
        await harness.close();
        harness = undefined;
      }
      expect(sockets.size).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('/lab end to end on a real Docker engine', () => {
  beforeAllWithEngine(async () => {
    docker = await connectTestEngine();
  });

  it('lets two learners complete practice 3 side by side, each on their own port 8080 and seeing only their own containers', async () => {
    const env = labEnv('p3');
    harness = await startBotHarness({ env });
    const { learnerKo: ko, learnerEn: en } = harness;
    const koScreen = await lab(ko, 'start', { exercise: 'practice-3-apache' });
    const enScreen = await lab(en, 'start', { exercise: 'practice-3-apache' });
    expect(koScreen.embeds[0]?.title).toBe('실습 3: 아파치 웹 서버 띄우기');
    expect(enScreen.embeds[0]?.title).toBe('Practice 3: run an Apache web server');

    // Check before doing anything: the open step fails with its reason, points at Hint, says when the Solution opens; no XP.
    const early = await click(ko, koScreen, 'check');
    expect(embedText(early)).toContain('`apa02` 컨테이너가 없어요.');
    expect(embedText(early)).toContain(t('ko', 'lab.hint.ask'));
    expect(embedText(early)).toContain('🔒 정답 보기는 힌트 2개를 본 뒤 또는 확인에 3번 실패한 뒤에 열려요. (지금: 힌트 0개, 실패 1번)');
    expect(embedText(early)).toContain('단계 (0/6)');
    expect(labXp()).toEqual([]);

    // Hint, then Hint again: the second press adds a more specific hint, and two hints open the Solution.
    const firstHint = await click(ko, early, 'hint');
    expect(embedText(firstHint)).toMatch(/💡 힌트 1\/2: /);
    expect(embedText(firstHint)).not.toMatch(/💡 힌트 2\/2: /);
    expect(buttonsOf(firstHint).find((b) => b.customId && parseLabId(b.customId)?.action === 'solution')?.disabled).toBe(true);
    const secondHint = await click(ko, firstHint, 'hint');
    expect(embedText(secondHint)).toMatch(/💡 힌트 1\/2: [\s\S]*💡 힌트 2\/2: /);
    expect(embedText(secondHint)).toContain(t('ko', 'lab.solution.open'));
    expect(embedText(await click(ko, secondHint, 'solution'))).toContain('🔑 정답: `docker run --name apa02 -d -p 8080:80 httpd`');

    // Both type the course's command at the same moment.
    const [koRun, enRun] = await Promise.all([run(ko, apa02), run(en, apa02)]);
    // As in a terminal: the first use of httpd "pulls" it into the learner's own image list, then the new ID.
    for (const output of [koRun, enRun]) {
      expect(outputLines(output)).toEqual([
        "Unable to find image 'httpd:latest' locally", 'latest: Pulling from library/httpd', 'Status: Downloaded newer image for httpd:latest', expect.stringMatching(/^[0-9a-f]{64}$/),
      ]);
    }
    const [koId, enId] = [outputLines(koRun)[3]!, outputLines(enRun)[3]!];
    expect(koId).not.toBe(enId);
    expect(koRun).toContain('✅ 완료: httpd 이미지로 apa02');
    expect(enRun).toMatch(/^\+5 XP$/m);
    const [koPort, enPort] = [realPort(koRun, 8080), realPort(enRun, 8080)];
    expect(koPort).not.toBe(enPort);

    // The server runs, but nobody has opened the page: the visit step stays open and names the address to open.
    const notYet = embedText(await click(ko, koScreen, 'check'));
    expect(notYet).toContain('단계 (1/6)');
    expect(notYet).toContain(`\`apa02\`의 접속 기록에 아직 페이지를 연 요청이 없어요. 이 주소를 브라우저로 열어 보세요: http://localhost:${koPort}`);

    // Each learner opens their own address, as in a browser; the request lands in their container's access log.
    for (const port of [koPort, enPort]) {
      expect(port).toBeGreaterThanOrEqual(portRange.min);
      expect(port).toBeLessThanOrEqual(portRange.max);
      expect((await visitPage(docker!, port)).body).toContain('It works!');
    }
    for (const [user, screen, text] of [[ko, koScreen, '단계 (2/6)'], [en, enScreen, 'Steps (2/6)']] as const) {
      expect(embedText(await click(user, screen, 'check'))).toContain(text);
    }

    const koPs = outputLines(await run(ko, 'docker ps'));
    const enPs = outputLines(await run(en, 'docker ps'));
    for (const [ps, own, other] of [[koPs, koId, enId], [enPs, enId, koId]] as const) {
      expect(ps[0]).toMatch(/^CONTAINER ID\s+IMAGE\s+COMMAND\s+CREATED\s+STATUS\s+PORTS\s+NAMES$/);
      expect(ps).toHaveLength(2);
      expect(ps[1]).toMatch(new RegExp(`^${own.slice(0, 12)}\\s+httpd\\s.*Up .*0\\.0\\.0\\.0:8080->80/tcp\\s+apa02$`));
      expect(ps.join('\n')).not.toContain(other.slice(0, 12));
    }

    // Another learner's ID prefix is as unknown as a container that does not exist.
    expect(outputLines(await run(ko, `docker stop ${enId.slice(0, 12)}`))).toEqual([`Error response from daemon: No such container: ${enId.slice(0, 12)}`]);
    expect((await engineContainers(env.LAB_INSTANCE!)).filter((c) => c.state === 'running')).toHaveLength(2);

    const stops = await Promise.all([run(ko, 'docker stop apa02'), run(en, 'docker stop apa02')]);
    for (const stopped of stops) expect(outputLines(stopped)).toEqual(['apa02']);
    expect(stops[1]).toContain('✅ Done: Stop the apa02 container.');
    for (const user of [ko, en]) expect(outputLines(await run(user, 'docker rm apa02'))).toEqual(['apa02']);
    const koAll = await run(ko, 'docker ps -a');
    const enAll = await run(en, 'docker ps -a');
    expect(outputLines(koAll)).toEqual([expect.stringMatching(/^CONTAINER ID\s+IMAGE/)]);
    expect(outputLines(enAll)).toEqual([expect.stringMatching(/^CONTAINER ID\s+IMAGE/)]);
    expect(koAll).toContain('🎉 실습 완료!');
    expect(enAll).toContain('🎉 Exercise complete!');

    // The exercise screen's Check now shows the finished exercise and pays nothing more.
    expect(embedText(await click(ko, koScreen, 'check'))).toContain('단계 (6/6)');
    const steps = ['run-apa02', 'open-page', 'list-running', 'stop-apa02', 'remove-apa02', 'list-all'];
    for (const user of [ko, en]) {
      expect(labXp().filter((row) => row.user_id === user.id)).toEqual(steps.map((step) => ({ user_id: user.id, amount: 5, ref: `practice-3-apache.${step}` })));
    }
    expect(await engineContainers(env.LAB_INSTANCE!)).toEqual([]);
  }, 60_000);

  it('practice 6: image rm fails while apa06 exists and succeeds after rm, without touching the other learner\'s image', async () => {
    const env = labEnv('p6');
    harness = await startBotHarness({ env });
    const { learnerKo: ko, learnerEn: en } = harness;
    expect(outputLines(await run(en, 'docker pull httpd'))).toContain('Status: Downloaded newer image for httpd:latest');
    await lab(ko, 'start', { exercise: 'practice-6-remove-image' });

    const apa06 = await run(ko, 'docker run --name apa06 -d -p 8085:80 httpd');
    const containerId = outputLines(apa06).find((line) => /^[0-9a-f]{64}$/.test(line))!;
    expect(apa06).toMatch(/localhost:8085 → http:\/\/localhost:\d+/);
    const refused = await run(ko, 'docker image rm httpd');
    expect(outputLines(refused)).toEqual([
      expect.stringMatching(new RegExp(`^Error response from daemon: conflict: unable to remove repository reference "httpd" \\(must force\\) - container ${containerId.slice(0, 12)} is using its referenced image [0-9a-f]{12}$`)),
    ]);
    expect(refused).toContain('종료 코드 1');
    expect(refused).toContain('✅ 완료: 컨테이너가 있는 상태에서 httpd 이미지를');

    expect(outputLines(await run(ko, 'docker rm -f apa06'))).toEqual(['apa06']);
    await run(ko, 'docker ps -a');
    expect(outputLines(await run(ko, 'docker image ls'))).toEqual([expect.stringMatching(/^REPOSITORY\s+TAG/), expect.stringMatching(/^httpd\s+latest\s+[0-9a-f]{12}\s/)]);
    const removed = await run(ko, 'docker image rm httpd');
    expect(outputLines(removed)).toEqual(['Untagged: httpd:latest', expect.stringMatching(/^Deleted: sha256:[0-9a-f]{64}$/)]);
    expect(removed).toContain('🎉 실습 완료!');
    expect(outputLines(await run(ko, 'docker image ls'))).toEqual([expect.stringMatching(/^REPOSITORY/)]);

    // Only Ko's view lost the image: Alex still has it, and so has the engine.
    expect(outputLines(await run(en, 'docker images'))).toEqual([expect.stringMatching(/^REPOSITORY/), expect.stringMatching(/^httpd\s+latest\s/)]);
    await expect(docker!.getImage('httpd:latest').inspect()).resolves.toMatchObject({ RepoTags: expect.arrayContaining(['httpd:latest']) });
    expect(labXp().filter((row) => row.user_id === ko.id).map((row) => row.ref)).toEqual(
      ['run-apa06', 'try-image-rm', 'remove-apa06', 'list-all', 'list-images', 'remove-image'].map((step) => `practice-6-remove-image.${step}`),
    );
    expect(await engineContainers(env.LAB_INSTANCE!)).toEqual([]);
  }, 60_000);

  it('removes at restart the labelled containers whose owner has no lab data left, and keeps the others', async () => {
    const env = labEnv('orphan');
    harness = await startBotHarness({ env });
    const { learnerKo: ko, admin, guild } = harness;
    await lab(ko, 'start', { exercise: 'practice-3-apache' });
    const koRun = await run(ko, apa02);
    expect(outputLines(await run(admin, 'docker create --name ghost nginx'))).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]));
    expect((await engineContainers(env.LAB_INSTANCE!)).map((c) => c.name).sort()).toEqual(['apa02', 'ghost']);

    // The admin's lab data is lost (as after a database restore): their container has no owner any more.
    const adminOwner = `${guild.id}:${admin.id}`;
    expect(harness.rows('delete from lab_images where owner = ? returning ref', adminOwner)).toEqual([{ ref: 'nginx:latest' }]);
    await harness.restart();

    const left = await engineContainers(env.LAB_INSTANCE!);
    expect(left.map((c) => [c.name, c.owner, c.state])).toEqual([['apa02', `${guild.id}:${ko.id}`, 'running']]);
    expect(harness.logs.filter((line) => line.msg === 'lab container removed').map((line) => [line.owner, line.reason])).toEqual([[adminOwner, 'orphan']]);
    // The kept container still serves through its port, and the restarted bot still knows it.
    expect(await fetchPage(realPort(koRun, 8080))).toContain('It works!');
    expect(outputLines(await run(ko, 'docker ps -q'))).toEqual([left[0]!.id.slice(0, 12)]);
    expect(outputLines(await run(admin, 'docker ps -a'))).toHaveLength(1);
  }, 60_000);

  it('lets the janitor remove a container once its TTL has passed, and not before', async () => {
    const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
    const env = labEnv('ttl', { LAB_TTL_SECS: '60' });
    harness = await startBotHarness({ clock, env });
    const { learnerEn: en } = harness;
    expect(outputLines(await run(en, 'docker create --name short nginx'))).toContainEqual(expect.stringMatching(/^[0-9a-f]{64}$/));
    expect((await engineContainers(env.LAB_INSTANCE!)).map((c) => c.name)).toEqual(['short']);

    clock.advance(59_000);
    await harness.restart(); // every start sweeps expired containers first
    expect((await engineContainers(env.LAB_INSTANCE!)).map((c) => c.name)).toEqual(['short']);

    clock.advance(2_000);
    await harness.restart();
    expect(await engineContainers(env.LAB_INSTANCE!)).toEqual([]);
    expect(harness.logs.filter((line) => line.msg === 'lab container removed').map((line) => line.reason)).toEqual(['expired']);
    expect(outputLines(await run(en, 'docker ps -a'))).toHaveLength(1);
  }, 60_000);
});
