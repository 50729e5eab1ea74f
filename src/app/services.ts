import type { createAppServices } from './create-services.ts';

/** Everything a front end (Discord today) may call. */
export type AppServices = ReturnType<typeof createAppServices>;
