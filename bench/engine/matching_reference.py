#!/usr/bin/env python3
"""Solves a `wblmatch solve` instance (without reserved seats) with the PyPI package `matching`
(HospitalResident, resident-optimal), recomputing the lottery as docs/engine.md specifies.

    python matching_reference.py INSTANCE.json OUT.json

Writes {"assignments": [{"student", "position"}...], "unmatched": [...]} sorted like wblmatch's output.
Doubles as an independent audit of the lottery derivation.
"""
import json
import sys
import warnings

from matching.games import HospitalResident

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def lottery(seed, ids):
    """Lottery number (1 = first drawn) of each id, as docs/engine.md derives it."""
    canonical = sorted(ids, key=lambda s: s.encode("utf-8"))
    draws = [(mix((seed + (i + 1) * GOLDEN) & MASK), i) for i in range(len(canonical))]
    draws.sort()
    return {canonical[i]: place + 1 for place, (_, i) in enumerate(draws)}


def main(path, out_path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    students, positions = data["students"], data["positions"]
    if any(p.get("reserved", 0) for p in positions):
        sys.exit("matching_reference: the matching package has no reserved seats; use an instance without them")
    number = lottery(data.get("seed", 0), [s["id"] for s in students])
    infeasible = {(x["student"], x["position"]) for x in data.get("infeasible", [])}
    tiers = {}
    for p in positions:
        ranking = p.get("ranking")
        if ranking is None:
            tiers[p["id"]] = None
            continue
        t = {}
        for k, entry in enumerate(ranking):
            for s in [entry] if isinstance(entry, str) else entry:
                t[s] = k + 1
        tiers[p["id"]] = t

    def acceptable(s, p):
        return (s, p) not in infeasible and (tiers[p] is None or s in tiers[p])

    resident_prefs, applicants = {}, {p["id"]: [] for p in positions}
    for st in students:
        prefs = [p for p in st["preferences"] if acceptable(st["id"], p)]
        if prefs:
            resident_prefs[st["id"]] = prefs
            for p in prefs:
                applicants[p].append(st["id"])
    hospital_prefs, capacities = {}, {}
    for p in positions:
        pid = p["id"]
        if applicants[pid] and p["capacity"] > 0:
            t = tiers[pid]
            hospital_prefs[pid] = sorted(applicants[pid], key=lambda s: ((t[s] if t else 1), number[s]))
            capacities[pid] = p["capacity"]
    # Students who listed a position without seats must not name it.
    for s, prefs in list(resident_prefs.items()):
        kept = [p for p in prefs if p in hospital_prefs]
        if kept:
            resident_prefs[s] = kept
        else:
            del resident_prefs[s]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
        result = game.solve(optimal="resident")
    assigned = {}
    for hospital, residents in result.items():
        for r in residents:
            assigned[r.name] = hospital.name
    ids = sorted((s["id"] for s in students), key=lambda s: s.encode("utf-8"))
    out = {
        "assignments": [{"student": s, "position": assigned[s]} for s in ids if s in assigned],
        "unmatched": [s for s in ids if s not in assigned],
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f)


if __name__ == "__main__":
    # The package deep-copies players that point at each other: give that recursion room.
    import threading
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    failure = []
    def run():
        try:
            main(sys.argv[1], sys.argv[2])
        except BaseException as e:  # report in the main thread
            failure.append(e)
    t = threading.Thread(target=run)
    t.start()
    t.join()
    if failure:
        raise failure[0]
