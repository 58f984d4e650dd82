"""Reads the named instances of WordNet 3.0's noun database (`data.noun`), for the generators
of the name lists. WordNet 3.0: Copyright 2006 by Princeton University; licence in
resources/annotate/LICENSE-wordnet.txt. The file comes with Debian's package wordnet-base:

    apt-get download wordnet-base && dpkg -x wordnet-base_*.deb /tmp/wordnet
    # then: /tmp/wordnet/usr/share/wordnet/data.noun
"""

# WordNet's lexicographer files (see lexnames(5WN)).
NOUN_LOCATION = 15
NOUN_OBJECT = 17
NOUN_PERSON = 18


def instance_names(data_noun, lexicographer_files):
    """The capitalized lemmas of the synsets of `lexicographer_files` that are instances of a
    class (named things: "Hitler", "Danube"), with spaces for underscores. A line of
    data.noun: offset, lexicographer file, type, word count (hex), word/lex_id pairs, pointer
    count, pointers of four fields each ('@i' marks an instance of a class), then the gloss
    after ' | '."""
    out = set()
    with open(data_noun, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            if int(fields[1]) not in lexicographer_files:
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
