#!/usr/bin/env bash
# Installs the real programs the tests run against (Debian packages), once; needs root, as on CI.
set -euo pipefail
missing=()
command -v nginx >/dev/null 2>&1 || missing+=(nginx)
# The stream module is a separate Debian package; the agreement cases cover stream {} configs.
[ -e /usr/lib/nginx/modules/ngx_stream_module.so ] || missing+=(libnginx-mod-stream)
# test/realistic runs an OpenResty-style config through nginx -t: the Lua module (and the NDK it needs).
[ -e /usr/lib/nginx/modules/ngx_http_lua_module.so ] || missing+=(libnginx-mod-http-lua)
# Certificates for TLS scenarios are made with the openssl command.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# test/server/neovim.test.ts drives the language server from a real editor: Debian's headless Neovim (0.7).
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit git)  # test/integrations runs Debian's pre-commit, which drives git
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "wslint tests need: ${missing[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
