#!/usr/bin/env bash
# Builds teachin for Linux in one command: PyInstaller makes dist/teachin/ (one folder,
# from packaging/teachin.spec), then this packs it, with the desktop file, the AppStream
# metainfo, the icon and INSTALL.txt, as dist/teachin-VERSION-linux-x86_64.tar.gz.
#
#     packaging/build-linux.sh
#
# By default it makes a fresh virtual environment (build/bundle-venv) and installs the
# project's `bundle` extra into it, so the bundle carries exactly the versions
# pyproject.toml allows (PySide6-Essentials below 6.12 among them). To build with an
# environment you already have (it needs `pip install -e '.[bundle]'`), name its Python:
#
#     PYTHON=.venv/bin/python packaging/build-linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
name="teachin-$version-linux-x86_64"

if [ -z "${PYTHON:-}" ]; then
  python3 -m venv build/bundle-venv
  build/bundle-venv/bin/pip install --quiet '.[bundle]'
  PYTHON=build/bundle-venv/bin/python
fi

started=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/teachin.spec
app=dist/teachin

# The desktop files where a user's menu or a package manager looks for them.
install -D -m 644 packaging/org.teachin.Teachin.desktop "$app/share/applications/org.teachin.Teachin.desktop"
install -D -m 644 packaging/org.teachin.Teachin.metainfo.xml "$app/share/metainfo/org.teachin.Teachin.metainfo.xml"
install -D -m 644 resources/teachin.svg "$app/share/icons/hicolor/scalable/apps/org.teachin.Teachin.svg"
install -m 755 packaging/linux/add-to-menu.sh "$app/add-to-menu.sh"

# The oldest glibc the bundle runs on: the newest symbol version any of its programs
# or libraries asks for.
glibc=$(find "$app" -type f \( -name '*.so*' -o -name teachin \) -exec readelf -V {} + 2>/dev/null \
  | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
# Systems that have it, for the install note (each distribution's first release with it).
case "$glibc" in
  2.3[0-5]|2.3[0-5].*) systems="Ubuntu 22.04, Debian 12, Fedora 36 and anything newer" ;;
  2.36) systems="Debian 12, Ubuntu 23.04, Fedora 37 and anything newer" ;;
  2.37) systems="Ubuntu 23.04, Fedora 38, Debian 13 and anything newer" ;;
  *) systems="check with \`ldd --version\`" ;;
esac
sed -e "s/@VERSION@/$version/g" -e "s/@GLIBC@/$glibc/g" -e "s/@SYSTEMS@/$systems/g" \
  packaging/linux/INSTALL.txt > "$app/INSTALL.txt"
"$PYTHON" -m pip freeze --all --exclude-editable | grep -v -i '^teachin' > "$app/BUILT-WITH.txt" || true

tar --transform "s,^teachin,$name," -C dist -czf "dist/$name.tar.gz" teachin

# A Debian package too, where dpkg-deb is at hand: the folder in /opt/teachin, the
# command in /usr/bin, the menu entry, metainfo and icon where the system looks.
if command -v dpkg-deb >/dev/null; then
  deb=build/deb
  rm -rf "$deb"
  mkdir -p "$deb/opt" "$deb/usr/bin" "$deb/DEBIAN"
  cp -al "$app" "$deb/opt/teachin"  # hard links: no second copy of 170 MB
  mv "$deb/opt/teachin/share" "$deb/usr/share"
  rm "$deb/opt/teachin/add-to-menu.sh" "$deb/opt/teachin/INSTALL.txt"
  ln -s /opt/teachin/teachin "$deb/usr/bin/teachin"
  sed -e "s/@VERSION@/$version/" -e "s/@GLIBC@/$glibc/" \
    -e "s/@SIZE@/$(du -sk "$deb" | cut -f1)/" packaging/linux/control > "$deb/DEBIAN/control"
  dpkg-deb --root-owner-group -Zgzip --build "$deb" "dist/teachin_${version}_amd64.deb" >/dev/null
fi
finished=$(date +%s)

deb_note=""
[ -f "dist/teachin_${version}_amd64.deb" ] && deb_note=" and dist/teachin_${version}_amd64.deb ($(du -sm "dist/teachin_${version}_amd64.deb" | cut -f1) MB)"
echo "Built dist/$name.tar.gz$deb_note in $((finished - started)) s:" \
  "$(du -sm "$app" | cut -f1) MB unpacked, $(du -sm "dist/$name.tar.gz" | cut -f1) MB packed;" \
  "needs glibc $glibc or newer."
