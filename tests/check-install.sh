#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Stages `meson install` into a temp DESTDIR and checks, as TAP, that each file
# lands where a distribution expects it. usage: check-install.sh BUILDDIR PREFIX
set -u
build=$1 prefix=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
meson install -C "$build" --no-rebuild --destdir "$stage" >"$stage.log" 2>&1
status=$?
root=$stage$prefix
expected=(
  bin/shore
  share/applications/io.github.shoreapp.Shore.desktop
  etc/xdg/autostart/io.github.shoreapp.Shore.Reminders.desktop
  share/metainfo/io.github.shoreapp.Shore.metainfo.xml
  share/glib-2.0/schemas/io.github.shoreapp.Shore.gschema.xml
  share/icons/hicolor/scalable/apps/io.github.shoreapp.Shore.svg
  share/icons/hicolor/symbolic/apps/io.github.shoreapp.Shore-symbolic.svg
  share/locale/zh_CN/LC_MESSAGES/shore.mo
  share/locale/zh_TW/LC_MESSAGES/shore.mo
)
echo "1..$(( ${#expected[@]} + 2 ))"
if [[ $status -eq 0 ]]; then echo "ok 1 - meson install succeeds"; else echo "not ok 1 - meson install succeeds"; sed 's/^/# /' "$stage.log"; fi
rm -f "$stage.log"
n=2
for f in "${expected[@]}"; do
  if [[ -f $root/$f ]]; then echo "ok $n - installs $f"; else echo "not ok $n - installs $f"; fi
  n=$((n + 1))
done
if [[ -x $root/bin/shore ]] && env -u DISPLAY -u WAYLAND_DISPLAY "$root/bin/shore" --version | grep -q '^shore '; then
  echo "ok $n - the installed binary runs"
else
  echo "not ok $n - the installed binary runs"
fi
