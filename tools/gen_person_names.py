#!/usr/bin/env python3
"""Generates resources/annotate/person_names.tsv, the given-name and surname list the name
tagger reads as features (never as a rule: "Young", "Brown" and "Clinton" are surnames and
common words or places too; the tagger learns how far to trust each class).

Data: the 1990 US Census name frequency files (dist.male.first, dist.female.first,
dist.all.last; US Government work, public domain), as shipped in the PyPI package `names`
0.3.0 (MIT); and the first names of other countries in `nam_dict.txt` (Jörg Michael,
2007-2008, GNU Free Documentation License 1.2 or later; about 45,000 names from 54 countries
and languages, European, Arabic, Turkish, Persian, South and East Asian), as shipped in the
PyPI package `gender-guesser` 0.4.0; and the names of the persons WordNet 3.0 lists as
instances (noun.person synsets with an instance-hypernym pointer: "Hitler", "Plato", "Boris
Yeltsin"; WordNet 3.0 licence, Princeton University, Copyright 2006), from Debian's package
wordnet-base. Run from the workspace root:

    python3 -m venv /tmp/names && /tmp/names/bin/pip install names==0.3.0 gender-guesser==0.4.0
    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb /tmp/wordnet
    /tmp/names/bin/python tools/gen_person_names.py /tmp/wordnet/usr/share/wordnet/data.noun \
        > resources/annotate/person_names.tsv

Output: one `class<TAB>Name` line per name, sorted. Classes by frequency rank in their file:
given1 / surname1 (the 1,000 most frequent), given2 / surname2 (the rest; surnames cut at
rank 30,000, below which the list is mostly very rare names); given3 for the given names of
nam_dict.txt that the census lists lack ("Rachida", "Corrado", "Sergei"); famous for the
capitalized names of WordNet's persons. Deterministic.
"""

import os
import sys

import gender_guesser
import names

SURNAME_LIMIT = 30_000
COMMON_RANK = 1_000
# nam_dict.txt rates a name's frequency in each country from 1 (rare) to 13 (very common);
# names rated below this everywhere are left out.
MIN_FREQUENCY = 5


def read(filename):
    """Names in rank order (the files are sorted by frequency), title-cased."""
    path = os.path.join(os.path.dirname(names.__file__), filename)
    with open(path, encoding="ascii") as f:
        return [line.split()[0].title() for line in f if line.strip()]


def classes(prefix, ranked, limit=None):
    out = {}
    for rank, name in enumerate(ranked[:limit]):
        if name not in out:
            out[name] = f"{prefix}{1 if rank < COMMON_RANK else 2}"
    return out


def other_given_names():
    """The first names of nam_dict.txt. Its fixed columns: gender code, name in columns 4-29,
    a sort marker in column 30 ('+' lines repeat a name with expanded umlauts: skipped). A '+'
    inside a name stands for a space, a hyphen or nothing ("Abdel+Aziz"): the spaced and the
    joined forms are both kept."""
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(("#", "=")) or len(line) < 31 or line[29] == "+":
                continue
            name = line[3:29].strip()
            frequencies = [int(c, 16) for c in line[30:85] if c in "0123456789ABCDEF"]
            if max(frequencies, default=0) < MIN_FREQUENCY:
                continue
            if "+" in name:
                out.add(name.replace("+", " "))
                out.add(name.replace("+", "").title())
            elif name:
                out.add(name)
    return out


# WordNet's lexicographer file of persons (see lexnames(5WN)).
NOUN_PERSON = 18


def famous_persons(data_noun):
    """The capitalized lemmas of WordNet's person instances. A line of data.noun: offset,
    lexicographer file, type, word count (hex), word/lex_id pairs, pointer count, pointers of
    four fields each ('@i' marks an instance of a class), then the gloss after ' | '."""
    out = set()
    with open(data_noun, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            if int(fields[1]) != NOUN_PERSON:
                continue
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(count)]
            pointers = int(fields[4 + 2 * count])
            symbols = fields[5 + 2 * count :: 4][:pointers]
            if "@i" not in symbols:
                continue
            for lemma in lemmas:
                name = lemma.split("(")[0].replace("_", " ")
                if name[:1].isupper():
                    out.add(name)
    return out


def main():
    male, female = read("dist.male.first"), read("dist.female.first")
    # Interleave so that rank means rank in either list.
    given = [name for pair in zip(male, female) for name in pair]
    given += male[len(female):] + female[len(male):]
    rows = {}
    for name, cls in classes("given", given).items():
        rows[(cls, name)] = True
    for name, cls in classes("surname", read("dist.all.last"), SURNAME_LIMIT).items():
        rows[(cls, name)] = True
    census_given = set(given)
    for name in other_given_names() - census_given:
        rows[("given3", name)] = True
    for name in famous_persons(sys.argv[1]):
        rows[("famous", name)] = True
    print("# source: generated by tools/gen_person_names.py from the 1990 US Census name files")
    print("# (public domain) in the PyPI package names 0.3.0 (MIT), and (class given3) from")
    print("# nam_dict.txt by Joerg Michael (GNU FDL 1.2 or later) in the PyPI package gender-guesser")
    print("# 0.4.0; this file is under the GNU FDL too; (class famous) the persons of WordNet 3.0")
    print("# (Copyright 2006 by Princeton University; licence in LICENSE-wordnet.txt). class<TAB>")
    print("# name; read as tagger features.")
    for cls, name in sorted(rows):
        print(f"{cls}\t{name}")


if __name__ == "__main__":
    main()
