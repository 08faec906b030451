#!/bin/sh
# Packs dist/teachin.app (from packaging/teachin.spec, built on a Mac) into a disk image
# with a link to Applications, so a user drags teachin in: dist/teachin-VERSION-macos-ARCH.dmg.
# Not tested on this project's Linux CI (see packaging/README.md).
set -eu
cd "$(dirname "$0")/../.."
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
stage=build/dmg
rm -rf "$stage"
mkdir -p "$stage"
cp -R dist/teachin.app "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname teachin -srcfolder "$stage" -ov -format UDZO \
  "dist/teachin-$version-macos-$(uname -m).dmg"
