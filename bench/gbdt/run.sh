#!/usr/bin/env bash
# Side-by-side GBDT benchmark (issue 5): churnkit vs XGBoost hist (2 threads, via peer.py) vs
# ml-xgboost, on make_synthetic.py data (200,000 rows: first 150,000 train, last 50,000 test,
# 10 columns), 300 trees, depth 6, eta 0.1; also with 10% missing cells.
#
# Usage (from the repository root, after `npm run build`):
#   flock /tmp/churnkit-bench.lock bash bench/gbdt/run.sh [RUNS]
# Prints a markdown table of medians; raw results go to bench/data/gbdt/results.jsonl.
# DIST=path/to/a/copy/of/dist runs a snapshot of the build (so that a rebuild elsewhere in
# the tree cannot change the code under measurement).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
data=bench/data/gbdt
# The peer scripts sit beside the repository, or where CHURNKIT_PEERS points.
peers=${CHURNKIT_PEERS:-../shared/peers}
mkdir -p "$data"
[ -f "$data/synth200k.csv" ] || /usr/bin/python3 "$peers/make_synthetic.py" "$data/synth200k.csv"
[ -f "$data/synth200k_missing.csv" ] || /usr/bin/python3 "$peers/make_synthetic.py" "$data/synth200k_missing.csv" --missing 0.1
dist=${DIST:-dist}
out="$data/results.jsonl"
: > "$out"
common=(--trees 300 --depth 6 --eta 0.1)
record() { # tool dataset json
  node -e 'const [tool, data, j] = process.argv.slice(1); console.log(JSON.stringify({ tool, data, ...JSON.parse(j) }))' "$1" "$2" "$3" >> "$out"
}
echo "load before: $(uptime)" >&2
for run in $(seq 1 "$runs"); do
  for set in synth200k synth200k_missing; do
    file="$data/$set.csv"
    echo "run $run/$runs: $set" >&2
    # XGBoost as peer.py runs it, and with OpenMP threads that sleep instead of spinning while
    # they wait: on a busy machine spinning costs XGBoost several times its quiet time.
    for policy in default PASSIVE; do
      if [ "$policy" = default ]; then xgb=$(/usr/bin/python3 "$peers/peer.py" "$file" --label y --train-rows 150000 --model gbdt --threads 2 "${common[@]}")
      else xgb=$(OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$peers/peer.py" "$file" --label y --train-rows 150000 --model gbdt --threads 2 "${common[@]}"); fi
      label="xgboost hist, 2 threads"
      [ "$policy" = PASSIVE ] && label="$label, OMP_WAIT_POLICY=PASSIVE"
      record "$label" "$set" "$(node -e 'const m = JSON.parse(process.argv[1]).models.xgboost; console.log(JSON.stringify({ fit_seconds: m.fit_seconds, auc: m.auc }))' "$xgb")"
    done
    record "churnkit, 2 threads" "$set" "$(node "$dist"/bench/gbdt/churnkit.js --data "$file" --train-rows 150000 --threads 2 "${common[@]}")"
    record "churnkit, 1 thread" "$set" "$(node "$dist"/bench/gbdt/churnkit.js --data "$file" --train-rows 150000 --threads 1 "${common[@]}")"
    missing=()
    [ "$set" = synth200k_missing ] && missing=(--missing-as -999)
    # ml-xgboost crashes on 150,000 training rows (see ml-xgboost.ts): it gets the first 100,000.
    record "ml-xgboost (wasm, 1 thread, 100k train rows)" "$set" "$(node "$dist"/bench/gbdt/ml-xgboost.js --data "$file" --train-rows 100000 --test-from 150000 "${common[@]}" "${missing[@]}" 2>/dev/null)"
  done
done
# Where a second thread starts to pay (threads=0 picks it from 500,000 cells): smaller
# training sets, same test rows.
for run in $(seq 1 "$runs"); do
  for rows in 10000 25000 50000; do
    for threads in 1 2; do
      record "churnkit, $threads thread(s)" "first $rows rows" "$(node "$dist"/bench/gbdt/churnkit.js --data "$data/synth200k.csv" --train-rows $rows --test-from 150000 --threads $threads "${common[@]}")"
    done
  done
done
echo "load after: $(uptime)" >&2
node "$dist"/bench/gbdt/summarize.js "$out"
