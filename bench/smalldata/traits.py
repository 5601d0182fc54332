#!/usr/bin/python3
"""Give a simulated CSV history the traits of small real ones: usage starts LATE_MONTHS after the
first account (an analytics tool adopted late), and every account has a champion from its start, so
champion engagement is NULL exactly when the champion has left."""
import sys, pandas as pd
src, late = sys.argv[1], int(sys.argv[2])
a = pd.read_csv(f"{src}/accounts.csv")
c = pd.read_csv(f"{src}/contacts.csv")
u = pd.read_csv(f"{src}/usage.csv")
first = pd.Timestamp(a.started_at.min())
cut = first + pd.DateOffset(months=late)
u = u[pd.to_datetime(u.occurred_at) >= cut]
u.to_csv(f"{src}/usage.csv", index=False)
champ = c[c.role == "champion"].groupby("account_id").started_at.min()
rows = []
for _, r in a.iterrows():
    s = champ.get(r.account_id)
    if s is None or s > r.started_at:
        rows.append({"account_id": r.account_id, "contact_id": f"{r.account_id}-CX", "role": "champion",
                     "started_at": r.started_at, "ended_at": s if s is not None else None})
c = pd.concat([c, pd.DataFrame(rows)], ignore_index=True)
c.to_csv(f"{src}/contacts.csv", index=False)
