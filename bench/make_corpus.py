#!/usr/bin/env python3
"""Builds a synthetic news corpus of at least --megabytes MB for the throughput benchmark.

Base articles: the text of the ECB+ and MEANTIME documents in ../shared/bench (news articles in
CAT XML, tokens joined back into text), the seed articles and the bundled example. Each base
article is written once as is and then as variants until the size is reached: a variant swaps
a quarter of the lower-case words for other words of the corpus, renames half of the
capitalised words and changes numbers, so the corpus holds many loose rewrites of each story,
like a real pile of syndicated news. Deterministic (fixed random seed).

Usage: make_corpus.py OUT_DIR [--megabytes 20] [--shared ../shared]
"""
import argparse
import glob
import os
import random
import re
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "'s", "n't", "''", "'"}


def detokenize(tokens):
    out = []
    for token in tokens:
        token = {"``": "\u201c", "''": "\u201d", "-LRB-": "(", "-RRB-": ")"}.get(token, token)
        if out and token not in NO_SPACE_BEFORE and token != "\u201d" and out[-1] not in ("(", "\u201c", "$"):
            out.append(" ")
        out.append(token)
    return "".join(out)


def cat_xml_text(path):
    sentences = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence")), []).append(token.text or "")
    return "\n\n".join(detokenize(sentences[k]) for k in sorted(sentences))


def base_articles(shared, repo):
    articles = []
    for path in sorted(glob.glob(os.path.join(shared, "bench/ecbplus/*/*.xml"))):
        articles.append(cat_xml_text(path))
    for path in sorted(glob.glob(os.path.join(shared, "bench/meantime/*/*.xml"))):
        articles.append(cat_xml_text(path))
    for path in sorted(glob.glob(os.path.join(shared, "corpus/seeds/*.txt"))):
        articles.append(open(path, encoding="utf-8").read())
    for path in sorted(glob.glob(os.path.join(repo, "examples/baltic-quota/*.txt"))):
        articles.append(open(path, encoding="utf-8").read())
    return [a for a in articles if a.strip()]


def variant(text, vocabulary, rng):
    def swap(match):
        word = match.group(0)
        if word[0].isdigit():
            return str(rng.randint(2, 999))
        if word[0].isupper():
            return rng.choice(NAMES) if rng.random() < 0.5 else word
        return rng.choice(vocabulary) if rng.random() < 0.25 else word

    return re.sub(r"[A-Za-z][a-z]+|\d+", swap, text)


SYLLABLES = ["ka", "lo", "mir", "va", "den", "sa", "to", "rin", "el", "bor", "na", "ti", "gor", "las", "un"]
NAMES = []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "../../shared"))
    args = parser.parse_args()
    rng = random.Random(20231007)
    NAMES.extend(
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(3000)
    )
    repo = os.path.join(os.path.dirname(__file__), "..")
    articles = base_articles(args.shared, repo)
    vocabulary = sorted({w for a in articles for w in re.findall(r"\b[a-z]{3,}\b", a)})
    os.makedirs(args.out_dir, exist_ok=True)
    target = int(args.megabytes * 1_000_000)
    written, count, round_ = 0, 0, 0
    while written < target:
        for index, article in enumerate(articles):
            text = article if round_ == 0 else variant(article, vocabulary, rng)
            day = 1 + (index + round_) % 28
            body = f" date 2023-{1 + round_ % 12:02d}-{day:02d}\n\n{text}\n"
            path = os.path.join(args.out_dir, f"r{round_:02d}-{index:05d}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(body)
            written += len(body.encode("utf-8"))
            count += 1
            if written >= target:
                break
        round_ += 1
    print(f"{count} articles, {written / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
