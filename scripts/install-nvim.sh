#!/usr/bin/env bash
# Installs Neovim for test/nvim/nvim.test.ts (Debian's `neovim` package; 0.7.2 on Debian 12).
# Idempotent: does nothing when `nvim` is already on PATH. Needs root or sudo to install.
# Prints the Neovim version as its last line.
set -euo pipefail

log() { printf '[install-nvim] %s\n' "$*"; }

if command -v nvim >/dev/null 2>&1; then
  log "nvim already installed: $(command -v nvim)"
else
  if ! command -v apt-get >/dev/null 2>&1; then
    log "ERROR: nvim is missing and apt-get is not available; install Neovim (>= 0.7) yourself"
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "ERROR: not root and no sudo; cannot apt-get install neovim"; exit 1; }
    SUDO="sudo"
  fi
  log "apt: installing neovim"
  $SUDO apt-get update -qq
  apt_log="$(mktemp)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim >"$apt_log" 2>&1 || {
    log "ERROR: apt-get install neovim failed:"; cat "$apt_log"; rm -f "$apt_log"; exit 1; }
  rm -f "$apt_log"
fi

nvim --version | head -1
