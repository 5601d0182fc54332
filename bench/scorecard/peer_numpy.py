#!/usr/bin/python3
"""The scorecard peer: the same churnkit scorecard JSON interpreted with numpy, vectorised over
a feature table (what a CS Ops analyst would write in pandas). Used by score-bench for a
side-by-side timing and as an independent check of the numbers.

  peer_numpy.py CARD.json TABLE.csv [--runs 5]

Prints one JSON object: seconds per run (scoring only, the CSV read is not timed), rows, and
checksums of the scores, bands and escalate flags.
"""
import argparse, json, time
import numpy as np
import pandas as pd

EPS = 1e-9
p = argparse.ArgumentParser()
p.add_argument("card")
p.add_argument("table")
p.add_argument("--runs", type=int, default=5)
a = p.parse_args()
card = json.load(open(a.card))
df = pd.read_csv(a.table)
n = len(df)
cols = {c: df[c].to_numpy(dtype=float) if c != "segment" and c != "account_id" and c != "as_of" else df[c].astype(object).to_numpy() for c in df.columns}


def cond(c, score):
    if "all" in c:
        out = np.ones(n, bool)
        for x in c["all"]:
            out &= cond(x, score)
        return out
    if "any" in c:
        out = np.zeros(n, bool)
        for x in c["any"]:
            out |= cond(x, score)
        return out
    if "score" in c:
        op, v = c["score"]["op"], c["score"]["value"]
        return {"<": score < v - EPS, "<=": score <= v + EPS, ">": score > v + EPS, ">=": score >= v - EPS}[op]
    x = cols[c["signal"]]
    op, v = c["op"], c.get("value")
    if op == "is_null":
        return pd.isna(x)
    if op == "not_null":
        return ~pd.isna(x)
    if isinstance(v, bool):
        ok = ~np.isnan(x)
        b = x != 0
        return ok & ((b == v) if op == "=" else (b != v))
    if isinstance(v, str):
        ok = ~pd.isna(x)
        return ok & ((x == v) if op == "=" else (x != v))
    with np.errstate(invalid="ignore"):
        return {"<": x < v, "<=": x <= v, ">": x > v, ">=": x >= v, "=": x == v, "!=": (x != v) & ~np.isnan(x)}[op]


def points(sig):
    x = cols[sig["feature"]]
    conds, vals = [], []
    for r in sig.get("rules", []):
        conds.append(cond(r["when"], None))
        vals.append(r["points"])
    miss = np.nan if sig["missing"]["policy"] == "redistribute" else sig["missing"]["points"]
    conds.append(np.isnan(x))
    vals.append(miss)
    with np.errstate(invalid="ignore"):
        for b in sig["points"][:-1]:
            u = b["lt"] if "lt" in b else b["lte"]
            conds.append((x < u) | ((x == u) if "lte" in b else np.zeros(n, bool)))
            vals.append(b["points"])
    return np.select(conds, vals, default=sig["points"][-1]["points"])


def score_all():
    layer_scores, pts, present_w, sig_w, lay_w = [], [], [], [], []
    for layer in card["layers"]:
        s = np.zeros(n)
        w = np.zeros(n)
        for sig in layer["signals"]:
            pp = points(sig)
            ok = ~np.isnan(pp)
            s += np.where(ok, sig["weight"] * np.nan_to_num(pp), 0)
            w += np.where(ok, sig["weight"], 0)
            pts.append(pp)
            sig_w.append(sig["weight"])
            lay_w.append(len(layer_scores))
        with np.errstate(invalid="ignore", divide="ignore"):
            layer_scores.append(np.where(w > 0, s / w, np.nan))
        present_w.append(w)
    total = np.zeros(n)
    tw = np.zeros(n)
    for layer, ls in zip(card["layers"], layer_scores):
        ok = ~np.isnan(ls)
        total += np.where(ok, layer["weight"] * np.nan_to_num(ls), 0)
        tw += np.where(ok, layer["weight"], 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        base = np.where(tw > 0, np.clip(total / tw, 0, 100), card["no_data_score"])
    score = base.copy()
    done = np.zeros(n, bool)
    for o in card["overrides"]:
        if o["action"] == "set":
            c = cond(o["when"], base)
            score = np.where(c & ~done, o["value"], score)
            done |= c
    after_set = score.copy()
    for o in card["overrides"]:
        if o["action"] == "cap":
            c = cond(o["when"], after_set)
            score = np.where(c, np.minimum(score, o["value"]), score)
    escalate = np.zeros(n, bool)
    for o in card["overrides"]:
        if o["action"] == "flag" and o["flag"] == "escalate":
            escalate |= cond(o["when"], score)
    bands = card["bands"]
    green = np.full(n, bands["green"] - EPS)
    yellow = np.full(n, bands["yellow"] - EPS)
    for seg, t in (bands.get("segments") or {}).items():
        m = cols["segment"] == seg
        green[m] = t["green"] - EPS
        yellow[m] = t["yellow"] - EPS
    band = np.where(score >= green, 2, np.where(score >= yellow, 1, 0))
    prob = np.interp(score, card["probability"]["x"], card["probability"]["y"]) if card["probability"]["method"] == "isotonic" else None
    # reasons: weighted points lost, top three, ties in scorecard order
    lost = np.empty((n, len(pts)))
    for j, pp in enumerate(pts):
        l = lay_w[j]
        with np.errstate(invalid="ignore", divide="ignore"):
            lost[:, j] = (card["layers"][l]["weight"] / present_w[l]) * sig_w[j] * (100 - pp)
    lost = np.where(lost > 0, lost, -np.inf)
    top = np.argsort(-lost, axis=1, kind="stable")[:, :3]
    return score, band, prob, escalate, top


times, cpu = [], []
for _ in range(a.runs):
    t = time.perf_counter()
    c = time.process_time()
    score, band, prob, escalate, top = score_all()
    times.append(time.perf_counter() - t)
    cpu.append(time.process_time() - c)
print(json.dumps({
    "rows": n,
    "seconds": times,
    "cpu_seconds": cpu,
    "score_sum": float(score.sum()),
    "score_head": [float(v) for v in score[:5]],
    "bands": [int((band == k).sum()) for k in range(3)],
    "escalate": int(escalate.sum()),
    "probability_sum": float(prob.sum()) if prob is not None else None,
}))
