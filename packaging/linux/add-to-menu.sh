#!/bin/sh
# Adds teachin, from the folder this script is in, to the desktop's menu of
# applications for the current user (no administrator rights needed). Run it again
# after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps"
cp "$here/share/icons/hicolor/scalable/apps/org.teachin.Teachin.svg" "$data/icons/hicolor/scalable/apps/"
# The menu needs the program's full path; a path with spaces is quoted.
sed "s|^Exec=teachin|Exec=\"$here/teachin\"|" "$here/share/applications/org.teachin.Teachin.desktop" \
  > "$data/applications/org.teachin.Teachin.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "teachin is in your applications menu (it may take a moment to appear)."
