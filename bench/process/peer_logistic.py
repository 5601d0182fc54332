#!/usr/bin/python3
"""scikit-learn's logistic regression as a user runs it, for bench/process/run.ts.

peer.py fits with newton-cg at tol 1e-12, which golden coefficients need but a 150,000-row fit
cannot reach in float64: it runs to max_iter (over 10 minutes here). This peer is the same
process otherwise (pandas' CSV read, the fit on the first --train-rows rows, predicting the rest)
with scikit-learn's own tolerance and no penalty, as churnkit's default (l2 0) fits.

  peer_logistic.py TABLE.csv --label y --train-rows 150000 [--solver lbfgs|newton-cg]
"""
import argparse, json, time
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

p = argparse.ArgumentParser()
p.add_argument("table")
p.add_argument("--label", required=True)
p.add_argument("--train-rows", type=int, required=True)
p.add_argument("--solver", default="lbfgs")
a = p.parse_args()

df = pd.read_csv(a.table)
y = df[a.label].astype(int).to_numpy()
X = df[[c for c in df.columns if c != a.label]]
tr = np.arange(len(df)) < a.train_rows
t = time.time()
m = LogisticRegression(penalty=None, solver=a.solver, max_iter=10000).fit(X[tr], y[tr])
proba = m.predict_proba(X[~tr])[:, 1]
print(json.dumps({"models": {"logistic": {"fit_seconds": round(time.time() - t, 4), "auc": float(roc_auc_score(y[~tr], proba)),
                                          "n_iter": int(m.n_iter_[0]), "intercept": float(m.intercept_[0])}}}))
