#!/bin/sh
# Training time and test AUC: churnkit mlp (WebAssembly and CPU backends) against churnkit
# logistic and gbdt, with scikit-learn / XGBoost from peer.py alongside; median of 3 runs, on
#  1. a simulated churnkit feature table (simulate 4,000 accounts x 24 months -> features),
#     split by date: train on labels known by 2024-07-01, test on as-of dates from then on;
#  2. make_synthetic.py's non-linear table (50,000 rows, 10 columns), first 75% rows to train.
# Usage (from the repository root, after `npm run build`): sh bench/mlp/run.sh [sim|synthetic|all]
set -eu
what=${1:-all}
data=bench/data/mlp
mkdir -p $data
cli="node dist/src/cli/main.js"
uptime
if [ "$what" != synthetic ]; then
  table=$data/features-4k-24.parquet
  if [ ! -f "$table" ]; then
    [ -d $data/sim-4k-24 ] || $cli simulate --accounts 4000 --months 24 --seed 1 --out $data/sim-4k-24 --json > /dev/null
    $cli features --data $data/sim-4k-24 --out "$table" --json > /dev/null
  fi
  flock /tmp/churnkit-bench.lock node dist/bench/mlp/train-bench.js --table "$table" --split-at 2024-07-01 --runs 3 --peer
fi
if [ "$what" != sim ]; then
  table=$data/syn50000.csv
  [ -f "$table" ] || /usr/bin/python3 "${CHURNKIT_PEERS:-../shared/peers}/make_synthetic.py" "$table" --rows 50000 --cols 10 --seed 1
  flock /tmp/churnkit-bench.lock node dist/bench/mlp/train-bench.js --table "$table" --label y --train-rows 37500 --runs 3 --peer
fi
uptime
