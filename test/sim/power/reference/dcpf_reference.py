#!/usr/bin/env python3
"""Independent DC power flow reference for the TypeScript engine's tests.

Implements MATPOWER's makeBdc.m / dcpf.m / runpf.m (DC branch) formulas directly with numpy and a
dense solve, on a case file parsed here (not by the TypeScript importer):

    b       = status / (x * tap)            tap 0 -> 1
    Bf      = diag(b) * Cft,  Bbus = Cft' * Bf
    Pfinj   = b * (-shift * pi/180),  Pbusinj = Cft' * Pfinj
    Pbus    = (Cg*Pg - Pd - Gs) / baseMVA - Pbusinj
    Va[non-ref] = Bbus[nr,nr] \\ (Pbus[nr] - Bbus[nr,ref] * Va[ref])
    Pf      = (Bf * Va + Pfinj) * baseMVA
    Pg[slack] += (Bbus[ref,:] * Va - Pbus[ref]) * baseMVA   (first in-service gen at the ref bus)

Usage: python3 dcpf_reference.py CASE.m OUT.json
(from the repo root: python3 test/sim/power/reference/dcpf_reference.py ../shared/data/power/case30.m
 test/sim/power/reference/case30-dcpf.json)
"""
import json
import re
import sys

import numpy as np


def read_matrix(text, name):
    m = re.search(r"mpc\.%s\s*=\s*\[(.*?)\]" % name, text, re.S)
    if not m:
        raise SystemExit("missing mpc.%s" % name)
    rows = []
    for line in m.group(1).split("\n"):
        line = line.split("%")[0]
        for part in line.split(";"):
            vals = part.split()
            if vals:
                rows.append([float(v) for v in vals])
    return np.array(rows)


def main(case_path, out_path):
    text = open(case_path).read()
    base = float(re.search(r"mpc\.baseMVA\s*=\s*([0-9.eE+-]+)", text).group(1))
    bus = read_matrix(text, "bus")
    gen = read_matrix(text, "gen")
    branch = read_matrix(text, "branch")

    ids = bus[:, 0].astype(int)
    idx = {b: i for i, b in enumerate(ids)}
    nb, nl = len(ids), len(branch)
    f = np.array([idx[int(v)] for v in branch[:, 0]])
    t = np.array([idx[int(v)] for v in branch[:, 1]])
    stat = (branch[:, 10] > 0).astype(float)
    tap = np.where(branch[:, 8] == 0, 1.0, branch[:, 8])
    b = stat / branch[:, 3] / tap

    cft = np.zeros((nl, nb))
    cft[np.arange(nl), f] = 1.0
    cft[np.arange(nl), t] = -1.0
    bf = b[:, None] * cft
    bbus = cft.T @ bf
    pfinj = b * (-branch[:, 9] * np.pi / 180)
    pbusinj = cft.T @ pfinj

    on = gen[:, 7] > 0
    gbus = np.array([idx[int(v)] for v in gen[:, 0]])
    pg_bus = np.zeros(nb)
    np.add.at(pg_bus, gbus[on], gen[on, 1])
    pbus = (pg_bus - bus[:, 2] - bus[:, 4]) / base - pbusinj

    has_gen = np.zeros(nb, bool)
    has_gen[gbus[on]] = True
    ref = [i for i in range(nb) if bus[i, 1] == 3 and has_gen[i]]
    if not ref:
        ref = [i for i in range(nb) if bus[i, 1] == 2 and has_gen[i]][:1]
    nonref = [i for i in range(nb) if i not in ref]

    va = bus[:, 8] * np.pi / 180
    rhs = pbus[nonref] - bbus[np.ix_(nonref, ref)] @ va[ref]
    va[nonref] = np.linalg.solve(bbus[np.ix_(nonref, nonref)], rhs)
    pf = (bf @ va + pfinj) * base

    pg = np.where(on, gen[:, 1], 0.0)
    slack = []
    for r in ref:
        g = int(np.flatnonzero(on & (gbus == r))[0])
        pg[g] += (bbus[r, :] @ va - pbus[r]) * base
        slack.append({"gen": g + 1, "bus": int(ids[r]), "pgMW": float(pg[g])})

    out = {
        "source": "test/sim/power/reference/dcpf_reference.py (numpy %s, dense solve of MATPOWER's makeBdc/dcpf formulas)" % np.__version__,
        "case": case_path.split("/")[-1],
        "baseMVA": base,
        "busIds": [int(v) for v in ids],
        "vaDeg": [float(v) for v in va * 180 / np.pi],
        "branchFlowMW": [float(v) for v in pf],
        "pgMW": [float(v) for v in pg],
        "slack": slack,
    }
    with open(out_path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
