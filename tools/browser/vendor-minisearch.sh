#!/usr/bin/env bash
# Regenerates the theme's vendored MiniSearch from the version pinned in package.json:
# the package's UMD browser build, minified with terser (MiniSearch 7 ships no minified build),
# and its licence. Run after changing the version; commit both files and rebuild site/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
theme="$here/../../src/main/resources/theme/assets/vendor"
cd "$here"
[ -d node_modules/minisearch ] || npm ci --ignore-scripts --no-audit --no-fund
version="$(node -p 'require("./node_modules/minisearch/package.json").version')"
mkdir -p "$theme"
{
  printf '/*! MiniSearch %s | MIT License | (c) Luca Ongaro | https://github.com/lucaong/minisearch | see minisearch.LICENSE.txt */\n' "$version"
  node_modules/.bin/terser node_modules/minisearch/dist/umd/index.js --compress --mangle --comments false
  printf '\n'
} > "$theme/minisearch.min.js"
cp node_modules/minisearch/LICENSE.txt "$theme/minisearch.LICENSE.txt"
wc -c "$theme/minisearch.min.js"
