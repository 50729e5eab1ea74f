#!/usr/bin/env bash
# Makes sure exactly one Docker engine is reachable for the /lab tests and prints
#   export DOCKER_HOST=...
# on stdout (everything else goes to stderr), so callers can `eval "$(bash .ci/docker-engine.sh)"`.
#
# Order: a reachable $DOCKER_HOST → our private engine if it already runs → start it (installing
# docker.io + busybox-static with apt-get when missing). Never starts a second dockerd on the
# machine: two engines share docker0 and iptables, and stopping one breaks the other.
# Then builds the offline stand-in images httpd:latest and nginx:latest when they are missing or
# their definition changed (Docker Hub is not reachable from CI).
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

# The stand-in images: a busybox rootfs that looks like the real image where a learner can see it
# (`docker ps`/`inspect` show the real image's command, `docker logs` shows access-log lines in the
# common log format both real servers print, `docker stop` ends with Exited (0) as theirs do).
# Each image carries the hash of its definition in the label coach.standin; a changed definition is
# rebuilt on the next run. COACH_STANDIN_TAG (default latest) builds under another tag, so a new
# definition can be tried without touching the tags other runs on the shared engine use.
STANDIN_TAG=${COACH_STANDIN_TAG:-latest}

# Shared by both images: runs busybox httpd on port 80 for the document root $1, rewrites its
# verbose request log (url:/response: pairs per client port) into common-log-format lines on stdout,
# and exits 0 on SIGTERM like the real servers' graceful stop. busybox does not log the method: GET.
standin_serve_script() {
  cat <<'EOF'
#!/bin/sh
access_log() {
  while IFS= read -r line; do
    case "$line" in
      *': url:'*)
        peer=${line%%: url:*}
        eval "url_${peer##*:}=\${line##*: url:}"
        ;;
      *': response:'*)
        peer=${line%%: response:*}
        port=${peer##*:}
        eval "url=\${url_${port}:-/}"
        unset "url_${port}"
        addr=${peer%:*}
        addr=${addr#[}
        addr=${addr%]}
        addr=${addr#::ffff:}
        printf '%s - - [%s] "GET %s HTTP/1.1" %s -\n' "$addr" "$(date '+%d/%b/%Y:%H:%M:%S %z')" "$url" "${line##*: response:}"
        ;;
      *) printf '%s\n' "$line" >&2 ;;
    esac
  done
}
/bin/httpd -f -vv -p 80 -h "$1" 2>&1 | access_log &
trap 'killall httpd; wait; exit 0' TERM INT QUIT WINCH
wait
EOF
}

# build_stand_in NAME PAGE DOCROOT IMPORT-CHANGE... ; extra files come from stand_in_files_NAME.
build_stand_in() {
  local name=$1 page=$2 docroot=$3
  shift 3
  local image="$name:$STANDIN_TAG" root hash current change
  root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/usr/local/bin" "$root$docroot"
  chmod 1777 "$root/tmp"
  for applet in sh httpd date killall hostname; do ln -s busybox "$root/bin/$applet"; done
  printf '%s\n' "$page" >"$root$docroot/index.html"
  standin_serve_script >"$root/usr/local/bin/standin-serve"
  "stand_in_files_$name" "$root" "$docroot"
  chmod +x "$root/usr/local/bin/"*
  # The hash covers every file (busybox is copied in after it) and every image setting.
  hash=$( { (cd "$root" && find . \( -type f -o -type l \) -print | LC_ALL=C sort | while read -r f; do printf '%s\n' "$f"; if [ -L "$root/$f" ]; then readlink "$root/$f"; else cat "$root/$f"; fi; done); printf '%s\n' "$@"; } | sha256sum | cut -c1-16)
  current=$(docker image inspect --format '{{ index .Config.Labels "coach.standin" }}' "$image" 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then rm -rf "$root"; return 0; fi
  [ -x /bin/busybox ] || command -v busybox >/dev/null 2>&1 || install_packages
  cp "$(command -v busybox || echo /bin/busybox)" "$root/bin/busybox"
  local args=()
  for change in "$@" "LABEL coach.standin=$hash" 'EXPOSE 80/tcp'; do args+=(-c "$change"); done
  tar -C "$root" -c . | docker import "${args[@]}" - "$image" >/dev/null
  rm -rf "$root"
  log "built stand-in $image (definition $hash${current:+, replacing $current})"
}

# httpd: CMD ["httpd-foreground"] in /usr/local/apache2, as the official image.
stand_in_files_httpd() {
  printf '#!/bin/sh\n# Stand-in for the official httpd-foreground.\necho "AH00558: httpd: Could not reliably determine the server'"'"'s fully qualified domain name, using $(hostname -i 2>/dev/null). Set the '"'"'ServerName'"'"' directive globally to suppress this message"\nexec /usr/local/bin/standin-serve %s\n' "$2" >"$1/usr/local/bin/httpd-foreground"
}

# nginx: ENTRYPOINT ["/docker-entrypoint.sh"] CMD ["nginx" "-g" "daemon off;"], as the official image.
stand_in_files_nginx() {
  printf '#!/bin/sh\n# Stand-in for the official entrypoint: runs its arguments.\necho "/docker-entrypoint.sh: Configuration complete; ready for start up"\nexec "$@"\n' >"$1/docker-entrypoint.sh"
  chmod +x "$1/docker-entrypoint.sh"
  mkdir -p "$1/usr/sbin"
  printf '#!/bin/sh\n# Stand-in for nginx: the arguments (-g "daemon off;") are accepted and ignored.\nexec /usr/local/bin/standin-serve %s\n' "$2" >"$1/usr/sbin/nginx"
  chmod +x "$1/usr/sbin/nginx"
}

if reachable "${DOCKER_HOST:-}"; then
  log "reusing DOCKER_HOST=$DOCKER_HOST"
else
  install_packages
  if ! reachable "$SOCK"; then start_private_engine; fi
  DOCKER_HOST=$SOCK
fi
export DOCKER_HOST

build_stand_in httpd '<html><body><h1>It works!</h1></body></html>' /usr/local/apache2/htdocs \
  'ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'WORKDIR /usr/local/apache2' 'CMD ["httpd-foreground"]'
build_stand_in nginx '<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1><p>This nginx stand-in answers like a fresh install: the web server is up and serving.</p></body></html>' /usr/share/nginx/html \
  'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  'ENTRYPOINT ["/docker-entrypoint.sh"]' 'CMD ["nginx", "-g", "daemon off;"]'

printf 'export DOCKER_HOST=%s\n' "$DOCKER_HOST"
