#!/usr/bin/env bash
# Runs .ci/run on a clean clone of main with both cores pinned by two busy loops for the whole run, as a shared CI
# machine may be: `bash scripts/ci-under-load.sh [runs]` (default 1), one after another, stopping at the first that
# fails. Each run's output is in $TMPDIR/ci-under-load-<n>.log; one line per run says its exit code and time.
set -u
runs=${1:-1}
repository=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
for n in $(seq 1 "$runs"); do
  clone=$(mktemp -d)
  git clone -q --branch main "$repository" "$clone/repo"
  (while :; do :; done) & first=$!
  (while :; do :; done) & second=$!
  started=$(date +%s)
  (cd "$clone/repo" && CI=true bash .ci/run) > "${TMPDIR:-/tmp}/ci-under-load-$n.log" 2>&1
  code=$?
  kill "$first" "$second"
  echo "run $n: exit $code in $(( $(date +%s) - started )) s"
  rm -rf "$clone"
  [ "$code" -eq 0 ] || exit "$code"
done
