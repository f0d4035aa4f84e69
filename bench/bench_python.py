#!/usr/bin/env python3
"""Python binding throughput (not a test): batched checks per second and per-call overhead.

(Batched = subjects converted once into a SubjectList, then checked by Checker.statuses:
one foreign call per batch, qaward_checker_fast_list; "bound" = the list bound to the
policy once with SubjectList.bind, qaward_subject_list_bind. Statuses: best of 3 runs.)

    QAWARD_LIBRARY=build/lib/libqaward.so PYTHONPATH=bindings/python \
        /usr/bin/python3 bench/bench_python.py [N]

Prints:
  * batched: one check_batch() call over N synthetic organisations (JSON in, JSON out;
    the subject document is encoded once per batch), brief results;
  * Checker.fast() per subject (one FFI call per check, handles reused);
  * check() per subject (subject conversion + full Verdict with reasons);
  * a bare FFI round trip (qaward_date_valid) = the floor of per-call overhead.
Goal (issue 6): >= 500,000 checks/s batched.
"""
import datetime as dt
import json
import sys
import time

import qaward
from qaward._lib import lib


def org(i: int) -> dict:
    y = 2012 + i % 12
    return {
        "id": f"ORG-{i:07d}", "kind": "organization", "region_code": "360802",
        "legal_person": True, "for_profit": i % 7 != 0,
        "registration_date": f"{y}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "excellence_model_since": "2021-06-01",
        "certificates": [{"type": "iso9001", "valid_from": f"{2016 + i % 9}-01-01", "valid_to": "2028-12-31"},
                         {"type": "safety_standardization", "level": "二级", "valid_from": "2022-01-01",
                          "valid_to": "2027-12-31"}],
        "net_profit_fen": {"2023": 100000 * (i % 5 - 1), "2024": 900000},
        "events": [],
        "attestations": {"supports_central_policies": True, "policy_compliance": True,
                         "notable_quality_benefits": True, "industry_leading": True,
                         "good_reputation": i % 11 != 0},
    }


def best_of(k: int, fn) -> float:
    """The shortest of k timed runs of fn() (seconds)."""
    best = float("inf")
    for _ in range(k):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:>12,.0f}/s  ({seconds / n * 1e6:8.3f} us each)"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    as_of = dt.date(2025, 4, 1)
    policy = qaward.Policy("jian-2023")
    subjects = [org(i) for i in range(n)]
    doc = json.dumps({"subjects": subjects}).encode()
    print(f"libqaward {qaward.version()} at {qaward.library_path}; N = {n:,}")

    if lib.has("qaward_check_batch_json"):
        qaward.check_batch(policy, subjects[:100], as_of)  # warm up
        t = time.perf_counter()
        res = qaward.check_batch(policy, doc, as_of)
        t = time.perf_counter() - t
        assert len(res) == n
        counts = {}
        for v in res:
            counts[v["status"]] = counts.get(v["status"], 0) + 1
        print(f"batched check_batch (JSON once per batch): {rate(n, t)}   {counts}")
        t = time.perf_counter()
        text = qaward.check_batch(policy, doc, as_of, raw=True)
        t = time.perf_counter() - t
        print(f"batched, raw JSON result (no json.loads):  {rate(n, t)}   {len(text):,} bytes")
    else:
        print("check_batch: library lacks qaward_check_batch_json")

    if lib.has("qaward_checker_fast"):
        t = time.perf_counter()
        lst = qaward.SubjectList(doc)
        t_load = time.perf_counter() - t
        print(f"batch conversion: SubjectList (JSON once): {rate(n, t_load)}")
        with qaward.Checker(policy) as ch:
            ch.statuses(lst, as_of)  # warm up
            t = best_of(3, lambda: ch.statuses(lst, as_of))
            codes = ch.statuses(lst, as_of)
            assert len(codes) == n
        print(f"batched Checker.statuses (loaded batch):  {rate(n, t)}   <- checks/s batched")
        print(f"  incl. one conversion per batch:          {rate(n, t + t_load)}")
        if lib.has("qaward_subject_list_bind"):
            # the same subjects in a second list bound to the policy (qaward_subject_list_bind)
            blst = qaward.SubjectList(doc)
            t_bind = best_of(1, lambda: blst.bind(policy))
            print(f"bind: SubjectList.bind (once per policy):  {rate(n, t_bind)}")
            with qaward.Checker(policy) as ch:
                ch.statuses(blst, as_of)  # warm up
                t = best_of(3, lambda: ch.statuses(blst, as_of))
                assert list(ch.statuses(blst, as_of)) == list(codes)  # binding changes speed only
            print(f"batched Checker.statuses (bound list):     {rate(n, t)}   <- checks/s batched, bound")
            print(f"  incl. conversion and bind per batch:     {rate(n, t + t_load + t_bind)}")
            blst.close()
        items = list(lst)
        with qaward.Checker(policy) as ch:
            t = time.perf_counter()
            ch.statuses(items, as_of)  # qaward_checker_fast_many over a handle array
            t = time.perf_counter() - t
        print(f"batched Checker.statuses (Subject list):   {rate(n, t)}   (handle array built per call)")
        # the former path: one FFI call per subject (qaward_checker_fast, status only)
        handles = [s.handle for s in items]
        import ctypes
        st, ear = ctypes.c_int(), ctypes.c_int32()
        pst, pear = ctypes.byref(st), ctypes.byref(ear)
        d = 20250401
        with qaward.Checker(policy) as ch:
            fast, h = lib.qaward_checker_fast, ch.handle
            t = time.perf_counter()
            for sh in handles:
                fast(pst, pear, None, None, 0, None, h, sh, d)
            t = time.perf_counter() - t
        print(f"one FFI call per subject (checker_fast):   {rate(n, t)}   (the per-call overhead path)")
        for size in (1, 10, 100, 1000):
            part = qaward.SubjectList(subjects[:size])
            reps = max(1, 20_000 // size)
            with qaward.Checker(policy) as ch:
                t = time.perf_counter()
                for _ in range(reps):
                    ch.statuses(part, as_of)
                t = time.perf_counter() - t
            print(f"  statuses() batch of {size:>5}: {t / reps * 1e6:9.2f} us per call, "
                  f"{rate(size * reps, t)}")

    m = min(n, 20_000)
    if lib.has("qaward_checker_fast"):
        subs = qaward.SubjectList(subjects[:m])
        items = list(subs)
        with qaward.Checker(policy) as ch:
            t = time.perf_counter()
            for s in items:
                ch.fast(s, as_of)
            t = time.perf_counter() - t
        print(f"per call Checker.fast (pre-loaded):        {rate(m, t)}")
    if lib.has("qaward_check"):
        k = min(m, 5_000)
        t = time.perf_counter()
        for s in subjects[:k]:
            qaward.check(policy, s, as_of)
        t = time.perf_counter() - t
        print(f"per call check() (dict -> full Verdict):   {rate(k, t)}")

    f = lib.qaward_date_valid
    k = 1_000_000
    t = time.perf_counter()
    for _ in range(k):
        f(20250401)
    t = time.perf_counter() - t
    print(f"bare FFI round trip (qaward_date_valid):   {rate(k, t)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
