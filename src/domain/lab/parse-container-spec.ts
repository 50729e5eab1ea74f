import type { ContainerSpec, EnvVar, LabRefusal, ParsePolicy, PortMapping } from './command-types.ts';
import type { ScannedFlag } from './scan-flags.ts';
import type { Token } from './tokenize.ts';
import { checkContainerName, checkEnv, checkImage, checkPort, clip } from './values.ts';
import { imageAllowed } from './image-policy.ts';
import { maxEnvPerContainer } from './env-policy.ts';

type SpecResult = { ok: true; spec: ContainerSpec } | { ok: false; refusal: LabRefusal };

/**
 * Builds what `run`/`create` share from scanned flags and positionals. The image is the first
 * positional and must be the last word: anything after it would override the image's command.
 */
export function parseContainerSpec(flags: readonly ScannedFlag[], positionals: readonly Token[], policy: ParsePolicy): SpecResult {
  let name: string | undefined;
  const publish: PortMapping[] = [];
  const env: EnvVar[] = [];
  for (const flag of flags) {
    const value = flag.value ?? '';
    if (flag.long === 'name') {
      const checked = checkContainerName(value);
      if (!checked.ok) return checked;
      name = checked.value; // like the docker CLI, the last --name wins
    } else if (flag.long === 'publish') {
      const checked = checkPort(value);
      if (!checked.ok) return checked;
      publish.push(checked.value);
    } else if (flag.long === 'env') {
      const checked = checkEnv(value);
      if (!checked.ok) return checked;
      env.push(checked.value);
      if (env.length > maxEnvPerContainer) return { ok: false, refusal: { code: 'too-many-env', detail: String(maxEnvPerContainer) } };
    }
  }

  const [imageToken, ...extra] = positionals;
  if (!imageToken) return { ok: false, refusal: { code: 'missing-argument', detail: 'IMAGE' } };
  if (imageToken.kind !== 'word') return { ok: false, refusal: { code: 'substitution-not-allowed', detail: '$(…)' } };
  const image = checkImage(imageToken.text);
  if (!image.ok) return image;
  if (extra.length > 0) {
    const after = extra.map((t) => (t.kind === 'word' ? t.text : '$(…)')).join(' ');
    return { ok: false, refusal: { code: 'args-after-image', detail: clip(after) } };
  }
  if (policy.allowedImages && !imageAllowed(image.value, policy.allowedImages)) {
    return { ok: false, refusal: { code: 'image-not-allowed', detail: image.value.ref } };
  }
  return { ok: true, spec: { name, publish, env, autoRemove: flags.some((f) => f.long === 'rm'), image: image.value } };
}
