#!/usr/bin/env sh
# Installs sourced from a distribution archive: `./sourced install [--prefix DIR]` runs this with
# the checkout's target/ folder. The tool goes to DIR/lib/sourced/ (replacing an earlier one),
# the command to DIR/bin/sourced (a link), DIR being ~/.local unless given.
set -eu
target=$1
shift
prefix="${HOME:?HOME is not set; give --prefix DIR}/.local"
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "sourced install: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help)
      echo "Usage: ./sourced install [--prefix DIR]"
      echo "Puts the sourced command in DIR/bin (default: ~/.local/bin) and the tool in DIR/lib/sourced."
      exit 0 ;;
    *) echo "sourced install: unknown option $1 (usage: ./sourced install [--prefix DIR])" >&2; exit 2 ;;
  esac
done
archive=$(ls -t "$target"/sourced-*.tar.gz 2>/dev/null | head -n 1)
if [ -z "$archive" ]; then
  echo "sourced install: no distribution archive in $target; run mvn package" >&2
  exit 2
fi
mkdir -p "$prefix/bin" "$prefix/lib"
prefix=$(CDPATH= cd -- "$prefix" && pwd)
work=$(mktemp -d "$prefix/lib/.sourced-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
unpacked=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
rm -rf "$prefix/lib/sourced"
mv "$unpacked" "$prefix/lib/sourced"
ln -sf "$prefix/lib/sourced/bin/sourced" "$prefix/bin/sourced"
# The first run makes the class-data archive, so that the user's first command starts fast.
"$prefix/bin/sourced" --version >/dev/null
echo "installed $("$prefix/bin/sourced" --version | head -n 1) as $prefix/bin/sourced"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) echo "run it from any folder: sourced new my-site && cd my-site && sourced serve" ;;
  *)
    echo "$prefix/bin is not on your PATH; add it (then open a new terminal):"
    echo "  echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.profile"
    echo "or run it as $prefix/bin/sourced" ;;
esac
