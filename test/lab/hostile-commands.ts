import type { LabRefusalCode } from '../../src/domain/lab/index.ts';

/**
 * Commands a learner (or an attacker) might type that must never reach the engine, each with the
 * refusal it must get. Shared by the parser test and the real-engine test ("leaves the engine as it was").
 * Quota overflow and other learners' containers are policy refusals, tested with the executor.
 */
export const hostileCommands: ReadonlyArray<readonly [command: string, code: LabRefusalCode]> = [
  // escape flags
  ['docker run --privileged -d httpd', 'privileged-flag'],
  ['docker run --privileged=true -d httpd', 'privileged-flag'],
  ['docker create --privileged httpd', 'privileged-flag'],
  // mounts
  ['docker run -v /:/host -d httpd', 'mount-flag'],
  ['docker run -dv /var/run/docker.sock:/s httpd', 'mount-flag'],
  ['docker run --volume=/etc:/etc httpd', 'mount-flag'],
  ['docker run --mount type=bind,src=/,dst=/h httpd', 'mount-flag'],
  ['docker run --tmpfs /run httpd', 'mount-flag'],
  ['docker run --volumes-from other httpd', 'mount-flag'],
  // host namespaces
  ['docker run --network host -d httpd', 'namespace-flag'],
  ['docker run --net=host httpd', 'namespace-flag'],
  ['docker run --network container:coach-abc-apa02 httpd', 'namespace-flag'],
  ['docker run --pid=host httpd', 'namespace-flag'],
  ['docker run --ipc host httpd', 'namespace-flag'],
  ['docker run --uts=host httpd', 'namespace-flag'],
  ['docker run --userns=host httpd', 'namespace-flag'],
  // capabilities, devices, security options
  ['docker run --cap-add SYS_ADMIN httpd', 'capability-flag'],
  ['docker run --cap-add=ALL httpd', 'capability-flag'],
  ['docker run --device /dev/sda httpd', 'device-flag'],
  ['docker run --gpus all httpd', 'device-flag'],
  ['docker run --security-opt seccomp=unconfined httpd', 'security-opt'],
  ['docker run --security-opt apparmor=unconfined httpd', 'security-opt'],
  // other flags outside the allowlist (limits, users, entrypoints)
  ['docker run -u 0 httpd', 'unknown-flag'],
  ['docker run --user root httpd', 'unknown-flag'],
  ['docker run --entrypoint sh httpd', 'unknown-flag'],
  ['docker run -m 8g httpd', 'unknown-flag'],
  ['docker run --memory=8g httpd', 'unknown-flag'],
  ['docker run --restart always -d httpd', 'unknown-flag'],
  ['docker -H tcp://10.0.0.1:2375 ps', 'unknown-flag'],
  ['docker --context other ps', 'unknown-flag'],
  // shell operators
  ['docker ps; rm -rf /', 'shell-operator'],
  ['docker ps && docker run --privileged httpd', 'shell-operator'],
  ['docker ps || true', 'shell-operator'],
  ['docker ps | sh', 'shell-operator'],
  ['docker ps > /etc/passwd', 'shell-operator'],
  ['docker run -d httpd < /dev/zero', 'shell-operator'],
  ['docker ps `reboot`', 'shell-operator'],
  ['docker ps\ndocker run --privileged httpd', 'shell-operator'],
  ['docker ps &', 'shell-operator'],
  ['docker run --name "a`id`" httpd', 'shell-operator'],
  // substitutions other than the course's one
  ['docker rm $(rm -rf /)', 'substitution-not-allowed'],
  ['docker rm -f $(docker ps -aq; reboot)', 'substitution-not-allowed'],
  ['docker run -e "HOME=$HOME" httpd', 'substitution-not-allowed'],
  ['docker run --name ${USER} httpd', 'substitution-not-allowed'],
  ['docker logs $(docker ps -q)', 'substitution-not-allowed'],
  ['docker rm "$(docker ps -aq)"', 'substitution-not-allowed'],
  // injection in names and env values
  ['docker run --name "apa02 --privileged" httpd', 'invalid-name'],
  ['docker run --name ../../etc httpd', 'invalid-name'],
  ['docker run --name -privileged httpd', 'invalid-name'],
  [`docker run --name ${'a'.repeat(65)} httpd`, 'invalid-name'],
  ['docker stop "apa02 other"', 'invalid-name'],
  ['docker run -e "A=1\u0000B" httpd', 'shell-operator'],
  ['docker run -e "=x" httpd', 'invalid-env'],
  ['docker run -e PATH httpd', 'invalid-env'],
  ['docker run -e "1A=b" httpd', 'invalid-env'],
  // ports
  ['docker run -p 80 httpd', 'invalid-port'],
  ['docker run -p 0.0.0.0:8080:80 httpd', 'invalid-port'],
  ['docker run -p 70000:80 httpd', 'invalid-port'],
  ['docker run -p 8080:80/udp httpd', 'invalid-port'],
  ['docker run -P httpd', 'unknown-flag'],
  // images and what follows them
  ['docker run -d alpine', 'image-not-allowed'],
  ['docker pull xmrig/xmrig', 'image-not-allowed'],
  ['docker run -d evil.example.com:5000/httpd', 'invalid-image'],
  ['docker run -d httpd@sha256:abc', 'invalid-image'],
  ['docker run -d httpd sh -c "yes > /dev/null"', 'args-after-image'],
  ['docker run -d httpd sh', 'args-after-image'],
  ['docker run httpd --privileged', 'args-after-image'],
  // other subcommands and programs
  ['docker exec -it apa02 sh', 'unknown-subcommand'],
  ['docker system prune -af', 'unknown-subcommand'],
  ['docker container prune', 'unknown-subcommand'],
  ['docker image prune -a', 'unknown-subcommand'],
  ['docker cp apa02:/etc/passwd .', 'unknown-subcommand'],
  ['sudo docker ps', 'not-docker'],
  ['rm -rf /', 'not-docker'],
  ['podman ps', 'not-docker'],
  // size
  [`docker run --name ${'x'.repeat(3990)} httpd`, 'too-long'],
  ['', 'empty'],
  ['   ', 'empty'],
];
