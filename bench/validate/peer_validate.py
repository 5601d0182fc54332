"""Peer for `churnkit validate` on the benchmark data: the same usage/accounts checks written
the way a data team would in pandas, streaming usage.csv in chunks so memory stays bounded.
Checks: required values, ISO 8601 timestamps (UTC), numeric quantity >= 0, orphan account ids,
events after churn, the latest usage timestamp; duplicate and bad-date accounts. Prints counts
and the first 5 data rows of each problem as JSON; exit 2 when there are errors.

  /usr/bin/python3 bench/validate/peer_validate.py bench/data/validate
"""
import json
import sys

import pandas as pd

folder = sys.argv[1]
CHUNK = 1_000_000
errors = {}


def note(name, mask, rows, values):
    n = int(mask.sum())
    if n == 0:
        return
    e = errors.setdefault(name, {'count': 0, 'rows': []})
    e['count'] += n
    if len(e['rows']) < 5:
        e['rows'] += [[int(r), None if pd.isna(v) else str(v)] for r, v in zip(rows[mask][:5 - len(e['rows'])], values[mask][:5])]


acc = pd.read_csv(f'{folder}/accounts.csv', dtype=str, keep_default_na=False, na_values=[''])
acc_rows = pd.Series(range(1, len(acc) + 1))
started = pd.to_datetime(acc['started_at'], format='%Y-%m-%d', errors='coerce')
note('accounts.started_at: not a date', started.isna() & acc['started_at'].notna(), acc_rows, acc['started_at'])
note('accounts.account_id: duplicate', acc['account_id'].duplicated(keep=False), acc_rows, acc['account_id'])
churned = pd.to_datetime(acc['churned_at'], format='%Y-%m-%d', errors='coerce')
churn_of = pd.Series(churned.values, index=acc['account_id']).groupby(level=0).min()
known = set(acc['account_id'])

latest = None
row0 = 1
for chunk in pd.read_csv(f'{folder}/usage.csv', dtype=str, keep_default_na=False, na_values=[''], chunksize=CHUNK):
    rows = pd.Series(range(row0, row0 + len(chunk)), index=chunk.index)
    row0 += len(chunk)
    for col in ('account_id', 'occurred_at', 'event'):
        note(f'usage.{col}: missing value', chunk[col].isna(), rows, chunk[col])
    ts = pd.to_datetime(chunk['occurred_at'], utc=True, errors='coerce')
    note('usage.occurred_at: not a timestamp', ts.isna() & chunk['occurred_at'].notna(), rows, chunk['occurred_at'])
    q = pd.to_numeric(chunk['quantity'], errors='coerce')
    note('usage.quantity: not a number', q.isna() & chunk['quantity'].notna(), rows, chunk['quantity'])
    note('usage.quantity: out of range', q < 0, rows, chunk['quantity'])
    note('usage.account_id: not in accounts', ~chunk['account_id'].isin(known), rows, chunk['account_id'])
    ch = chunk['account_id'].map(churn_of)
    note('usage.occurred_at: after churn', ts.dt.tz_localize(None).dt.normalize() > ch, rows, chunk['occurred_at'])
    m = ts.max()
    if pd.notna(m) and (latest is None or m > latest):
        latest = m

print(json.dumps({'data_end': None if latest is None else latest.isoformat(), 'errors': errors}, indent=1))
sys.exit(2 if any(not k.endswith('after churn') and not k.endswith('not in accounts') for k in errors) else 0)
