#!/bin/sh
# Calm Line's hook for softphones that run a program on call events (POSIX sh: Linux, macOS, BSD).
#
#   calm-line-hook.sh EVENT [--id X] [--ref X] [--from X]   passes the event on (start end hold resume mark)
#   calm-line-hook.sh                                       Twinkle: reads TWINKLE_TRIGGER and the SIP_*
#                                                           variables Twinkle sets (no arguments needed)
#
# Twinkle (Preferences → Scripts, every trigger the same line; Twinkle starts it without a shell):
#   in_call_answered, out_call_answered → start --id $SIP_CALL_ID --from <the other party's user part>
#   local_release, remote_release       → end --id $SIP_CALL_ID
#   other triggers (ringing, failed)    → nothing
#
# It runs Calm Line's bundled command: ../out/cli/call.js beside this folder with `node` (or
# CALM_LINE_NODE), else the installed app (`calm-line --call`). The data folder is found by the command
# itself; set CALM_LINE_DATA_DIR in the softphone's environment only if you moved it. The exit code is the
# command's (0 taken, 1 refused, 2 bad arguments, 3 Calm Line not running, 4 the call could not start).
# Nothing is printed on stdout: Twinkle reads a script's stdout for instructions.

here=$(dirname "$0")

if [ $# -eq 0 ]; then
  case "${TWINKLE_TRIGGER:-}" in
    in_call_answered) set -- start --id "${SIP_CALL_ID:-}" --from "${SIP_FROM_USER:-}" ;;
    out_call_answered) set -- start --id "${SIP_CALL_ID:-}" --from "${SIP_TO_USER:-}" ;;
    local_release | remote_release) set -- end --id "${SIP_CALL_ID:-}" ;;
    "")
      echo "calm-line-hook: no event given (and no TWINKLE_TRIGGER): use start, end, hold, resume or mark" >&2
      exit 2
      ;;
    *) exit 0 ;;
  esac
fi

if [ -n "${CALM_LINE_CALL_JS:-}" ]; then
  exec "${CALM_LINE_NODE:-node}" "$CALM_LINE_CALL_JS" "$@" >&2
elif [ -f "$here/../out/cli/call.js" ]; then
  exec "${CALM_LINE_NODE:-node}" "$here/../out/cli/call.js" "$@" >&2
elif [ -x "$here/../../calm-line" ]; then
  # The packaged app on Linux: <install folder>/resources/hooks/ → <install folder>/calm-line
  exec "$here/../../calm-line" --call "$@" >&2
elif command -v calm-line >/dev/null 2>&1; then
  exec calm-line --call "$@" >&2
fi
echo "calm-line-hook: Calm Line's call command was not found beside $here (set CALM_LINE_CALL_JS)" >&2
exit 3
