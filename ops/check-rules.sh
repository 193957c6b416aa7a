#!/usr/bin/env bash
# Validates the Prometheus rules and runs their unit tests. Installs promtool (Debian package "prometheus")
# when it is missing. Exits non-zero when a rule is invalid or a test fails.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool not found: installing Debian package prometheus" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # The package would start a Prometheus server where an init system runs; we only want its promtool.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

promtool --version 2>&1 | sed -n 1p
cd "$here/prometheus"
promtool check rules slotline-rules.yml
promtool check config prometheus.yml
promtool test rules slotline-rules.test.yml
