#!/usr/bin/env python3
"""A plain BM25 baseline for the linker (issue 5 compares against one).

  bench/bm25_link_baseline.py XREF DB CORPUS GOLD STRATEGY

XREF is the xref binary, DB an index of CORPUS made by it, GOLD an expected-links.json
of tests/data/fourth-corpus, STRATEGY the file name of the corpus's policy paper. Each
national entry of the register whose source is the policy paper is a query (its
wording's words, lower-cased, stop words out, a crude suffix stemmer); every
non-heading passage of the other papers is scored with BM25 (k1 1.2, b 0.75, IDF over
all the corpus's passages); the best single score threshold is chosen AFTER the fact
(an oracle xref does not have). Scored like tests/fourth_corpus_test.cc: a pair in
`links` is true, in `maybe` ignored, anything else false; recall over the gold links
whose commitment phrase is in an entry's wording. With TH=score in the environment
it also lists the pairs BM25 takes at or above that score that xref does not link."""
import json, math, re, subprocess, sys, collections, os
xref, db, corpus, gold_path, strategy = sys.argv[1:6]
gold = json.load(open(gold_path))
STOP = set("a an the and or but nor of to in on at by for from with as is are was were be been being will would shall should can could may might must this that these those it its their they them we our us you your he she his her which who whom whose what when where why how all any each every some such no not only own same so than too very into over under about after before between through during above below up down out off again further then once here there also per via".split())
def stem(w):
    for suf in ("ational","ations","ation","ings","ing","edly","ed","ies","es","s","ly","ment"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w
def terms(t):
    return [stem(w) for w in re.findall(r"[a-z][a-z']+", t.lower().replace("’", "'")) if w not in STOP and len(w) > 1]
passages = []
for f in sorted(os.listdir(corpus)):
    out = subprocess.run([xref, "extract", "--json", os.path.join(corpus, f)], capture_output=True, text=True).stdout
    for line in out.splitlines():
        p = json.loads(line); p["file"] = f
        if p.get("kind") != "heading": passages.append(p)
N = len(passages)
df = collections.Counter()
toks = []
for p in passages:
    t = terms(p["text"]); toks.append(collections.Counter(t)); df.update(set(t))
avgdl = sum(sum(c.values()) for c in toks) / N
def bm25(q, c):
    dl = sum(c.values()); s = 0.0
    for w in set(q):
        if w in c:
            idf = math.log(1 + (N - df[w] + 0.5) / (df[w] + 0.5))
            s += idf * c[w] * 2.2 / (c[w] + 1.2 * (0.25 + 0.75 * dl / avgdl))
    return s
entries = [json.loads(l) for l in subprocess.run([xref, "--db", db, "commitments", "--json"], capture_output=True, text=True).stdout.splitlines()]
entries = [e for e in entries if not e["local"] and os.path.basename(e["source"]["doc"]) == strategy]
def judge(e, p):
    for kind in ("links", "maybe"):
        for g in gold.get(kind, []):
            if g["commitment"] in e["text"] and g["doc"] == p["file"] and g["passage"] in p["text"]:
                return kind
    return "false"
scored = []
for e in entries:
    q = terms(e["text"]); selfs = bm25(q, collections.Counter(q)) or 1
    for p, c in zip(passages, toks):
        if p["file"] == strategy: continue
        j = judge(e, p)
        if j == "maybe": continue
        s = bm25(q, c)
        if s > 0: scored.append((s, s / selfs, j == "links", e["id"], p["file"], p["n"]))
G = sum(1 for g in gold["links"] if any(g["commitment"] in e["text"] for e in entries))
for col, name in ((0, "raw bm25"), (1, "bm25 / query self-score")):
    best = (0, 0, 0, 0)
    for th in sorted(set(x[col] for x in scored)):
        sel = [x for x in scored if x[col] >= th]
        tp = len(set((x[3], x[4], x[5]) for x in sel if x[2]))
        P = tp / len(sel) if sel else 0; R = tp / G
        F = 2 * P * R / (P + R) if P + R else 0
        if F > best[0]: best = (F, P, R, th)
    print(f"{name}: best F1 {best[0]:.3f} (P {best[1]:.3f} R {best[2]:.3f} at {best[3]:.3f}), gold links {G}")
# which true links BM25 finds at its best raw threshold that xref does not, and the false ones it takes
import sqlite3
con = sqlite3.connect(db)
docs = {r[0]: os.path.basename(r[1]) for r in con.execute("select id, path from documents")}
ours = set((r[0], docs[r[1]], r[2]) for r in con.execute("select commitment, doc_id, passage_n from commitment_links"))
th = float(os.environ.get("TH", "0"))
if th:
    for x in sorted(scored, reverse=True):
        if x[0] < th: break
        key = (x[3], x[4], x[5])
        if key in ours: continue
        text = next(p["text"] for p in passages if p["file"] == x[4] and p["n"] == x[5])
        print(f"{'TRUE ' if x[2] else 'false'} {x[0]:.2f} {x[1]:.3f} {x[3]} {x[4][:20]} p{x[5]} {text[:90]}")
