#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The running app's reminders (test-app-reminders) on a real D-Bus session bus:
# once with the recording notification server answering every notification with
# "mark-paid", once with no server on the bus. TAP from both runs, renumbered.
# Usage: run-app-reminders-test.sh SERVER TEST
set -u

if [ "${1:-}" = --on-bus ]; then
  if [ "$2" = server ]; then
    fifo=$(mktemp -u "$WORK/ready.XXXXXX")
    mkfifo "$fifo"
    "$SERVER" --log "$WORK/notify.log" --invoke mark-paid > "$fifo" &
    read -r line < "$fifo" || true
    rm -f "$fifo"
    [ "$line" = ready ] || { echo "not ok - the notification server did not start"; exit 0; }
    "$TEST" --server
  else
    "$TEST" --no-server
  fi
  st=$?
  [ $st -eq 0 ] || echo "not ok - test-app-reminders ($2) exited with $st"
  exit 0
fi

SERVER=$1
TEST=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SERVER TEST WORK
unset DISPLAY WAYLAND_DISPLAY

{
  dbus-run-session -- "$0" --on-bus server
  dbus-run-session -- "$0" --on-bus none
} > "$WORK/tap" 2>&1

# Merge the two TAP streams into one plan, plus a check of what the server got.
n=$(grep -c '^\(not \)\?ok ' "$WORK/tap")
echo "1..$((n + 1))"
i=0
while IFS= read -r l; do
  case "$l" in
    "ok "*|"not ok "*)
      i=$((i + 1))
      echo "$l" | sed "s/^\(not \)\?ok [0-9]*/\1ok $i/" ;;
    1..*|"# TAP"*) ;;
    *) echo "# $l" ;;
  esac
done < "$WORK/tap"
i=$((i + 1))
if [ "$(wc -l < "$WORK/notify.log" 2>/dev/null || echo 0)" -eq 1 ] && grep -q '"mark-paid"' "$WORK/notify.log"; then
  echo "ok $i - one notification, with the mark-paid action"
else
  echo "not ok $i - one notification, with the mark-paid action"
  sed 's/^/# /' "$WORK/notify.log" 2>/dev/null
fi
