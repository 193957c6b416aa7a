#!/usr/bin/env bash
# Plays one Retell request against a running Slotline, signed like Retell signs it
# (X-Retell-Signature: v=<ms>,d=hex(HMAC-SHA256(key, body + ms))).
#
#   scripts/call.sh FUNCTION 'ARGS_JSON'        a function call, e.g.
#       scripts/call.sh check_availability '{"service":"Herrenhaarschnitt","date":"morgen","time":"14:00"}'
#       scripts/call.sh book_appointment '{"service":"Herrenhaarschnitt","date":"morgen","time":"14:30","customer_name":"Max Muster"}'
#   scripts/call.sh inbound                      the inbound-call webhook (what the agent learns before "hello")
#   scripts/call.sh call_started | call_ended    call webhooks
#
# Environment: SLOTLINE_URL (http://localhost:8080), RETELL_KEY (key_demo), CALL_ID (demo-call-1),
#              FROM (+4917612345678, the caller), TO (+4930120000, the dialled demo number)
set -euo pipefail
url=${SLOTLINE_URL:-http://localhost:8080}
key=${RETELL_KEY:-key_demo}
call_id=${CALL_ID:-demo-call-1}
from=${FROM:-+4917612345678}
to=${TO:-+4930120000}
what=${1:?usage: scripts/call.sh FUNCTION ARGS_JSON | inbound | call_started | call_ended | call_analyzed}
args=${2:-{\}}
now_ms=$(( $(date +%s%N) / 1000000 ))
call="{\"call_id\":\"$call_id\",\"agent_id\":\"demo-agent\",\"agent_version\":1,\"call_type\":\"phone_call\",\"direction\":\"inbound\",\"from_number\":\"$from\",\"to_number\":\"$to\",\"start_timestamp\":$now_ms"

case "$what" in
  inbound)
    path=/retell/inbound
    body="{\"event\":\"call_inbound\",\"event_timestamp\":$now_ms,\"call_inbound\":{\"agent_id\":\"demo-agent\",\"from_number\":\"$from\",\"to_number\":\"$to\"}}" ;;
  call_started)
    path=/retell/webhook; body="{\"event\":\"call_started\",\"call\":$call,\"call_status\":\"ongoing\"}}" ;;
  call_ended)
    path=/retell/webhook; body="{\"event\":\"call_ended\",\"call\":$call,\"call_status\":\"ended\",\"end_timestamp\":$now_ms,\"disconnection_reason\":\"user_hangup\"}}" ;;
  call_analyzed)
    path=/retell/webhook; body="{\"event\":\"call_analyzed\",\"call\":$call,\"call_status\":\"ended\",\"call_analysis\":{\"call_summary\":\"Demo call\",\"user_sentiment\":\"Positive\",\"call_successful\":true}}}" ;;
  *)
    path=/retell/functions/$what
    tool_call_id=${TOOL_CALL_ID:-tc-$now_ms}
    body="{\"name\":\"$what\",\"args\":$args,\"call\":$call,\"call_status\":\"ongoing\",\"transcript_with_tool_calls\":[{\"role\":\"tool_call_invocation\",\"tool_call_id\":\"$tool_call_id\",\"name\":\"$what\",\"arguments\":\"{}\"}]}}" ;;
esac

signature=$(printf '%s%s' "$body" "$now_ms" | openssl dgst -sha256 -hmac "$key" | awk '{print $NF}')
curl -sS -X POST "$url$path" -H 'Content-Type: application/json' \
  -H "X-Retell-Signature: v=$now_ms,d=$signature" --data-binary "$body" -w '\n(HTTP %{http_code})\n'
