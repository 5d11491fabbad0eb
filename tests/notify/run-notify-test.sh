#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs test-notify against real D-Bus session buses, one dbus-run-session nested in the next:
#   bus 1: the test notification server, answering each Notify with ActionInvoked("mark-paid")
#   bus 2: the server started with --no-actions
#   bus 3: no notification server at all
# The test binary talks to bus 1 and reaches buses 2 and 3 from subprocesses.
# Usage: run-notify-test.sh SERVER TEST-BINARY
set -eu

start_server () {
  # $1: log file, rest: server options. Waits for "ready" on the server's stdout (no sleeps).
  log=$1
  shift
  fifo=$(mktemp -u "$SHORE_TEST_NOTIFY_DIR/ready.XXXXXX")
  mkfifo "$fifo"
  "$SHORE_TEST_NOTIFY_SERVER" --log "$log" "$@" > "$fifo" &
  line=
  read -r line < "$fifo" || true
  rm -f "$fifo"
  if [ "$line" != ready ]; then
    echo "Bail out! notification server did not start on $DBUS_SESSION_BUS_ADDRESS"
    exit 1
  fi
}

case "${1:-}" in
  --stage-actions)
    export SHORE_TEST_NOTIFY_BUS="$DBUS_SESSION_BUS_ADDRESS"
    export SHORE_TEST_NOTIFY_LOG="$SHORE_TEST_NOTIFY_DIR/actions.log"
    start_server "$SHORE_TEST_NOTIFY_LOG" --invoke mark-paid
    exec dbus-run-session -- "$0" --stage-no-actions
    ;;
  --stage-no-actions)
    export SHORE_TEST_NOTIFY_NO_ACTIONS_BUS="$DBUS_SESSION_BUS_ADDRESS"
    export SHORE_TEST_NOTIFY_NO_ACTIONS_LOG="$SHORE_TEST_NOTIFY_DIR/no-actions.log"
    start_server "$SHORE_TEST_NOTIFY_NO_ACTIONS_LOG" --no-actions
    exec dbus-run-session -- "$0" --stage-empty
    ;;
  --stage-empty)
    export SHORE_TEST_NOTIFY_EMPTY_BUS="$DBUS_SESSION_BUS_ADDRESS"
    export DBUS_SESSION_BUS_ADDRESS="$SHORE_TEST_NOTIFY_BUS"
    exec "$SHORE_TEST_NOTIFY_TEST"
    ;;
  *)
    if [ $# -ne 2 ]; then
      echo "usage: $0 SERVER TEST-BINARY" >&2
      exit 2
    fi
    SHORE_TEST_NOTIFY_SERVER=$1
    SHORE_TEST_NOTIFY_TEST=$2
    SHORE_TEST_NOTIFY_DIR=$(mktemp -d)
    export SHORE_TEST_NOTIFY_SERVER SHORE_TEST_NOTIFY_TEST SHORE_TEST_NOTIFY_DIR
    unset DBUS_SESSION_BUS_ADDRESS
    status=0
    dbus-run-session -- "$0" --stage-actions || status=$?
    rm -rf "$SHORE_TEST_NOTIFY_DIR"
    exit $status
    ;;
esac
