#!/usr/bin/env python3
"""Measure the world table's ambiguity filter on text it never saw: the test part of the
English Web Treebank (the filter learns its words from train and dev).

    cargo build --release
    python3 scripts/gazetteer/measure_filter.py [--ud ../shared/ud]

Runs `rashomon gazetteer` over every test sentence and counts the mentions of world-table
places, and how many fall on words the treebank tags as something other than a proper noun
(sure false positives: "Police said", "in May"). For the names the filter dropped or gated
(scripts/gazetteer/filtered.tsv), it counts how often they occur capitalised in the same
text, and on which tags: the mentions the filter took away.
"""

import argparse
import bisect
import collections
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def sentences(path):
    """(text, [(start, end, form, upos)]) per sentence, with character offsets."""
    text, toks = None, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# text = "):
            text, toks = line[9:], []
        elif line and line[0].isdigit() and text is not None:
            c = line.split("\t")
            if "-" in c[0] or "." in c[0]:
                continue
            toks.append((c[1], c[3]))
        elif not line and text is not None:
            spans, at = [], 0
            for form, upos in toks:
                i = text.find(form, at)
                if i < 0:
                    continue
                spans.append((i, i + len(form), form, upos))
                at = i + len(form)
            yield text, spans
            text = None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud", default=os.path.join(ROOT, "..", "shared", "ud"))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "rashomon"))
    args = ap.parse_args()
    sents = list(sentences(os.path.join(args.ud, "en_ewt-ud-test.conllu")))

    world = set()
    for line in open(os.path.join(ROOT, "data", "gazetteer-world.tsv"), encoding="utf-8"):
        if not line.startswith("#"):
            p = line.split("\t")
            if p[3]:
                world.add(p[0])

    # One sentence a paragraph, as the gazetteer reads paragraphs.
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        offsets, at = [], 0
        for text, _ in sents:
            offsets.append(at)
            f.write(text + "\n")
            at += len((text + "\n").encode("utf-8"))
        path = f.name
    out = subprocess.run([args.bin, "gazetteer", path], capture_output=True, text=True, check=True)
    os.unlink(path)
    starts = offsets
    kept = collections.Counter()
    examples = collections.defaultdict(list)
    covered = collections.defaultdict(list)  # sentence -> character spans of any mention
    for line in out.stdout.splitlines():
        span, kind, eid = line.split("\t")[:3]
        a, b = map(int, span.split(".."))
        k = bisect.bisect_right(starts, a) - 1
        text, toks = sents[k]
        raw = text.encode("utf-8")
        ca, cb = len(raw[: a - starts[k]].decode("utf-8")), len(raw[: b - starts[k]].decode("utf-8"))
        covered[k].append((ca, cb))
        if eid not in world:
            continue
        tags = {u for s, e, _, u in toks if s < cb and e > ca}
        verdict = "proper noun" if tags == {"PROPN"} else "other word"
        kept[verdict] += 1
        examples[verdict].append(f"{text[ca:cb]} ({eid})")

    filtered = collections.defaultdict(set)
    for line in open(os.path.join(ROOT, "scripts", "gazetteer", "filtered.tsv"), encoding="utf-8"):
        if line.startswith("#"):
            continue
        eid, name, verdict = line.split("\t")[:3]
        if verdict in "!?":
            filtered[name].add(verdict)
    removed = collections.Counter()
    rex = collections.defaultdict(collections.Counter)
    for k, (text, toks) in enumerate(sents):
        for s, e, form, upos in toks:
            # A name still found (as another entry, or inside a longer name) lost nothing.
            if form in filtered and not any(a < e and b > s for a, b in covered[k]):
                v = "proper noun" if upos == "PROPN" else "other word"
                removed[v] += 1
                rex[v][form] += 1

    n = sum(len(t) for _, t in sents)
    print(f"EWT test: {len(sents)} sentences, {n} words")
    print(f"world-table mentions found: {sum(kept.values())} "
          f"({kept['proper noun']} on proper nouns, {kept['other word']} on other words)")
    for v in ("other word", "proper noun"):
        print(f"  {v}:", "; ".join(sorted(set(examples[v]))[:40]) or "none")
    print(f"occurrences of names the filter dropped or gated, not found otherwise: {sum(removed.values())} "
          f"({removed['other word']} on other words, {removed['proper noun']} on proper nouns)")
    for v in ("other word", "proper noun"):
        print(f"  {v}:", ", ".join(f"{w} {c}" for w, c in rex[v].most_common(30)))


if __name__ == "__main__":
    sys.exit(main())
