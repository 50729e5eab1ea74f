// The lab's engine side, I/O only: connection, driver, labels, host config, janitor.
export { createDockerClient, dockerOptionsFromSettings, type DockerConnectionSettings } from './docker-connection.ts';
export { createDockerodeDriver, type DockerodeDriverOptions } from './dockerode-driver.ts';
export type { LabDriver, LabContainer, LabImage, LabPort, EngineVersion, CreateContainerRequest } from './lab-driver.ts';
export { LabEngineError, LabEngineUnavailableError } from './lab-driver.ts';
export { createLabJanitor, type LabJanitor, type LabJanitorOptions } from './janitor.ts';
export { labLimits } from './host-config.ts';
