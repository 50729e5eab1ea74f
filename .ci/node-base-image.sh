#!/usr/bin/env bash
# Prints the base image for the Dockerfile's NODE_IMAGE build argument on stdout (logs on stderr).
#
# The Dockerfile defaults to the official node:20-bookworm-slim. When that cannot be pulled (CI here
# has no Docker Hub), this builds a stand-in with the same layout once and reuses it afterwards:
# a Debian bookworm minbase rootfs from Debian's packages (debootstrap) plus the host's own Node 20
# and npm in /usr/local, and a `node` user with uid 1000, imported with `docker import`. It also
# carries this machine's npm set-up: its CA bundle (the registry is reached through a TLS-inspecting
# egress) and Node's headers as `nodedir`, so better-sqlite3 compiles without downloading anything.
# Needs DOCKER_HOST to point at a reachable engine.
set -euo pipefail

OFFICIAL=node:20-bookworm-slim
LOCAL=coach-local/node:20-bookworm-slim
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { printf '[node-base-image] %s\n' "$*" >&2; }

if docker image inspect "$OFFICIAL" >/dev/null 2>&1; then echo "$OFFICIAL"; exit 0; fi
if docker image inspect "$LOCAL" >/dev/null 2>&1; then echo "$LOCAL"; exit 0; fi
if timeout 60 docker pull -q "$OFFICIAL" >/dev/null 2>&1; then echo "$OFFICIAL"; exit 0; fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || { log "the host's Node is $node_major, the image needs 20"; exit 1; }
if ! command -v debootstrap >/dev/null 2>&1; then
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >&2
fi

root=$(mktemp -d /tmp/coach-node-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
log "debootstrap bookworm minbase into $root (about 2 minutes)"
debootstrap --variant=minbase bookworm "$root" "$MIRROR" >&2

node_bin=$(command -v node)
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
install -m 0755 "$node_bin" "$root/usr/local/bin/node"
mkdir -p "$root/usr/local/lib/node_modules"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
mkdir -p "$root/usr/local/include" "$root/usr/local/etc" "$root/etc/ssl/certs"
cp -a "$(dirname "$(dirname "$node_bin")")/include/node" "$root/usr/local/include/node"
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt"
printf 'cafile=/etc/ssl/certs/ca-certificates.crt\nnodedir=/usr/local\n' >"$root/usr/local/etc/npmrc"
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc "$root"/usr/share/man

log "importing $LOCAL"
tar -C "$root" -c . | docker import \
  -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  -c 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  -c "ENV NODE_VERSION=$(node -p process.versions.node)" \
  -c 'CMD ["node"]' - "$LOCAL" >/dev/null
echo "$LOCAL"
