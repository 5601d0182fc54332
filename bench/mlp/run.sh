#!/bin/sh
# Training time and test AUC: churnkit mlp (WebAssembly and CPU backends) against churnkit
# logistic and gbdt, with scikit-learn / XGBoost from peer.py alongside; median of 3 runs.
# Usage (from the repository root, after `npm run build`): sh bench/mlp/run.sh [ROWS]
set -eu
rows=${1:-50000}
table=bench/data/mlp/syn${rows}.csv
mkdir -p bench/data/mlp
[ -f "$table" ] || /usr/bin/python3 /work/shared/peers/make_synthetic.py "$table" --rows "$rows" --cols 10 --seed 1
uptime
flock /tmp/churnkit-bench.lock node dist/bench/mlp/train-bench.js --table "$table" --label y \
  --train-rows $((rows * 3 / 4)) --runs 3 --peer
uptime
