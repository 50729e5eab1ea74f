import { formatImages, shortId } from '../../domain/lab/cli-output.ts';
import type { DockerCommand, ImageRef } from '../../domain/lab/command-types.ts';
import { dockerMessages, pullLines } from '../../domain/lab/docker-messages.ts';
import { imageAllowed } from '../../domain/lab/image-policy.ts';
import type { LabImage } from '../../domain/lab/lab-objects.ts';
import { checkEnginePull, checkImageView } from '../../domain/lab/quotas.ts';
import { LabEngineError } from '../../lab/lab-driver.ts';
import type { CommandContext } from './command-context.ts';
import { LabDenialSignal, fail } from './command-context.ts';

/**
 * Puts an allowlisted image into the learner's view, pulling it onto the engine only when the
 * engine does not have it yet (another learner's pull, or the operator's, serves everyone).
 * Returns what happened, or the engine's error message when the pull failed.
 */
export async function ensureImageInView(
  ctx: CommandContext,
  image: ImageRef,
): Promise<{ outcome: 'present' | 'added'; image: LabImage } | { error: string }> {
  const store = ctx.options.images;
  const view = store.list(ctx.owner);
  const inView = view.some((entry) => entry.ref === image.ref);
  const denial = inView ? undefined : checkImageView(view.length, ctx.quotas);
  if (denial) throw new LabDenialSignal(denial);
  let engineImage = await ctx.driver.inspectImage(image.ref);
  if (!engineImage) {
    // The parser already holds run/create/pull to the allowlist; this is the last gate before a registry.
    if (!imageAllowed(image, ctx.options.allowedImages)) return { error: `pull access denied for ${image.name}` };
    const engineFull = checkEnginePull((await ctx.driver.listPulledImages()).length, ctx.quotas);
    if (engineFull) throw new LabDenialSignal(engineFull);
    try {
      await ctx.driver.pullImage(image.ref);
    } catch (error) {
      if (error instanceof LabEngineError) return { error: error.message };
      throw error;
    }
    engineImage = await ctx.driver.inspectImage(image.ref);
    if (!engineImage) return { error: `manifest for ${image.ref} not found` };
  }
  if (inView) return { outcome: 'present', image: engineImage };
  store.add(ctx.owner, image.ref, ctx.options.now());
  return { outcome: 'added', image: engineImage };
}

export async function pull(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'pull' }>): Promise<void> {
  const result = await ensureImageInView(ctx, cmd.image);
  if ('error' in result) {
    // As the CLI: the default tag is announced (stdout) before the daemon's error (stderr).
    if (cmd.image.untagged) ctx.stdout.push('Using default tag: latest');
    return fail(ctx, `Error response from daemon: ${result.error}`);
  }
  ctx.stdout.push(...pullLines(cmd.image.name, cmd.image.tag, result.outcome === 'added' ? 'downloaded' : 'up-to-date', !cmd.image.untagged));
}

/** The learner's view joined with the engine's facts (ID, age, size); entries the engine lost are skipped. */
async function viewImages(ctx: CommandContext): Promise<LabImage[]> {
  const entries = ctx.options.images.list(ctx.owner);
  const images = await Promise.all(entries.map((entry) => ctx.driver.inspectImage(entry.ref)));
  return images.filter((image): image is LabImage => image !== undefined).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export async function images(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'images' }>): Promise<void> {
  const rows = (await viewImages(ctx)).map((image) => {
    const colon = image.ref.lastIndexOf(':');
    return { name: image.ref.slice(0, colon), tag: image.ref.slice(colon + 1), id: image.id, createdAt: image.createdAt, sizeBytes: image.sizeBytes };
  });
  ctx.stdout.push(...formatImages(rows, cmd.quiet, ctx.options.now()));
}

/**
 * `docker image rm`: only ever takes images out of the learner's own view. Like Docker, it refuses
 * while one of *their* containers (running or not) was created from the image.
 */
export async function imageRm(ctx: CommandContext, cmd: Extract<DockerCommand, { kind: 'image-rm' }>): Promise<void> {
  const view = await viewImages(ctx);
  for (const typed of cmd.images) {
    const image =
      view.find((v) => v.ref === typed.ref) ??
      (typed.untagged && /^[0-9a-f]{4,64}$/.test(typed.raw) ? uniquePrefix(view, typed.raw) : undefined);
    if (!image) {
      fail(ctx, dockerMessages.noSuchImage(typed.untagged ? typed.raw : typed.ref));
      continue;
    }
    // Docker only refuses when this is the last name of the image a container uses.
    const lastName = !view.some((v) => v.id === image.id && v.ref !== image.ref);
    const user = ctx.mine.find((c) => c.imageRef === image.ref || (lastName && c.imageId === image.id));
    if (user) {
      fail(ctx, dockerMessages.imageInUse(typed.raw, shortId(user.id), shortId(image.id)));
      continue;
    }
    ctx.options.images.remove(ctx.owner, image.ref);
    ctx.stdout.push(`Untagged: ${image.ref}`, `Deleted: ${image.id}`);
  }
}

function uniquePrefix(view: readonly LabImage[], prefix: string): LabImage | undefined {
  const matches = view.filter((v) => v.id.replace(/^sha256:/, '').startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}
