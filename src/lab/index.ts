// The lab's engine side: connection, driver, executor (policy + CLI-like output), janitor.
export { createDockerClient, dockerOptionsFromSettings, type DockerConnectionSettings } from './docker-connection.ts';
export { createDockerodeDriver, type DockerodeDriverOptions } from './dockerode-driver.ts';
export type { LabDriver, LabContainer, LabImage, LabPort, EngineVersion, CreateContainerRequest } from './lab-driver.ts';
export { LabEngineError, LabEngineUnavailableError } from './lab-driver.ts';
export { createLabExecutor, type LabExecutor } from './lab-executor.ts';
export * from './lab-executor-types.ts';
export { createLabJanitor, type LabJanitor, type LabJanitorOptions } from './janitor.ts';
export { createInMemoryImageStore, type LearnerImage, type LearnerImageStore } from './learner-image-store.ts';
export { ownerKey } from './lab-labels.ts';
export { labLimits } from './host-config.ts';
