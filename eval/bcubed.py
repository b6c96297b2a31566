#!/usr/bin/env python3
"""B-cubed precision and recall of a timeline's events against a gold file's events.

The items are the gold accounts the timeline found (a predicted account from the same
document whose span overlaps the gold quote, as ../shared/gold/score_timeline.py matches
them). An item's gold cluster is its gold event; its predicted cluster is the predicted event
holding the matching account (the first, when several match). Precision: how much of each
item's predicted event is its gold event; recall: how much of its gold event its predicted
event holds, both averaged over items.

usage: eval/bcubed.py TIMELINE.yaml GOLD.yaml CORPUS_DIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "gold"))
import score_timeline as st  # noqa: E402


def main():
    timeline, gold_path, corpus = sys.argv[1:4]
    docs = st.load_docs(corpus)
    gold = st.load_gold(gold_path)
    pred = st.load_pred(timeline, docs)
    items = []  # (gold event index, predicted event index)
    for gi, ge in enumerate(gold):
        for a in ge["accounts"]:
            span = st.find_span(docs[a["doc"]], a["quote"])
            hits = [pi for pi, pe in enumerate(pred) for pa in pe["accounts"]
                    if pa["doc"] == a["doc"] and st.span_overlap(pa["span"], span)]
            if hits:
                items.append((gi, hits[0]))
    if not items:
        print("no gold account found: B-cubed undefined")
        return
    p = r = 0.0
    for g, q in items:
        same_pred = [x for x in items if x[1] == q]
        same_gold = [x for x in items if x[0] == g]
        both = sum(1 for x in same_pred if x[0] == g)
        p += both / len(same_pred)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"B-cubed over {len(items)} found gold accounts: precision {p:.2f}  recall {r:.2f}  F1 {f:.2f}")


if __name__ == "__main__":
    main()
