#!/usr/bin/env bash
# Makes sure exactly one Docker engine is reachable for the /lab tests and prints
#   export DOCKER_HOST=...
# on stdout (everything else goes to stderr), so callers can `eval "$(bash .ci/docker-engine.sh)"`.
#
# Order: a reachable $DOCKER_HOST → our private engine if it already runs → start it (installing
# docker.io + busybox-static with apt-get when missing). Never starts a second dockerd on the
# machine: two engines share docker0 and iptables, and stopping one breaks the other.
# Then builds the offline stand-in images httpd:latest and nginx:latest when they are missing
# (Docker Hub is not reachable from CI).
set -euo pipefail

SOCK_DIR=/run/coach-docker
SOCK="unix://$SOCK_DIR/docker.sock"
DATA_ROOT=/var/lib/coach-docker
EXEC_ROOT=$SOCK_DIR/exec
PIDFILE=$SOCK_DIR/dockerd.pid
LOG=/var/log/coach-dockerd.log
WAIT_SECS=${COACH_DOCKER_WAIT_SECS:-60}

log() { printf '[docker-engine] %s\n' "$*" >&2; }
reachable() { [ -n "$1" ] && timeout 10 docker -H "$1" version --format '{{.Server.Version}}' >/dev/null 2>&1; }

install_packages() {
  local wanted=()
  command -v dockerd >/dev/null 2>&1 || wanted+=(docker.io)
  [ -x /bin/busybox ] || command -v busybox >/dev/null 2>&1 || wanted+=(busybox-static)
  [ ${#wanted[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || { log "need root to install ${wanted[*]}"; exit 1; }
  log "installing ${wanted[*]}"
  # Keep the package's init scripts from starting the distribution's own dockerd (a second engine).
  local policy_added=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && policy_added=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${wanted[@]}" >&2
  [ $policy_added -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

start_private_engine() {
  if [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
    log "our dockerd (pid $(cat "$PIDFILE")) is running; waiting for it"
  elif pgrep -x dockerd >/dev/null 2>&1; then
    log "another dockerd is running on this machine but is not reachable; set DOCKER_HOST to its socket"
    log "refusing to start a second engine (it would share docker0 and iptables)"
    exit 1
  else
    mkdir -p "$SOCK_DIR" "$DATA_ROOT" "$EXEC_ROOT"
    log "starting dockerd on $SOCK (log: $LOG)"
    setsid nohup dockerd --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" --pidfile "$PIDFILE" \
      -H "$SOCK" >>"$LOG" 2>&1 </dev/null &
  fi
  local waited=0
  until reachable "$SOCK"; do
    if [ "$waited" -ge "$WAIT_SECS" ]; then
      log "dockerd did not answer within ${WAIT_SECS}s; last log lines:"
      tail -n 20 "$LOG" >&2 || true
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

# A busybox rootfs serving /www on port 80: enough to stand in for httpd and nginx offline.
build_stand_in() {
  local image=$1 page=$2
  if docker image inspect "$image" >/dev/null 2>&1; then return 0; fi
  local busybox root
  busybox=$(command -v busybox || echo /bin/busybox)
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/www" "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  ln -s busybox "$root/bin/sh"
  ln -s busybox "$root/bin/httpd"
  printf '%s\n' "$page" >"$root/www/index.html"
  tar -C "$root" -c . | docker import \
    -c 'CMD ["/bin/busybox","httpd","-f","-p","80","-h","/www"]' -c 'EXPOSE 80/tcp' - "$image" >/dev/null
  rm -rf "$root"
  log "built stand-in $image"
}

if reachable "${DOCKER_HOST:-}"; then
  log "reusing DOCKER_HOST=$DOCKER_HOST"
  install_packages_needed=0
  [ -x /bin/busybox ] || command -v busybox >/dev/null 2>&1 || install_packages_needed=1
  if [ $install_packages_needed -eq 1 ] && ! { docker image inspect httpd:latest && docker image inspect nginx:latest; } >/dev/null 2>&1; then
    install_packages
  fi
else
  install_packages
  if ! reachable "$SOCK"; then start_private_engine; fi
  DOCKER_HOST=$SOCK
fi
export DOCKER_HOST

build_stand_in httpd:latest '<html><body><h1>It works!</h1></body></html>'
build_stand_in nginx:latest '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1><p>This nginx stand-in answers like a fresh install: the web server is up and serving.</p></body></html>'

printf 'export DOCKER_HOST=%s\n' "$DOCKER_HOST"
