"""Names found by a spaCy model in the texts eval_iob wrote (`eval_iob FILE --write-texts DIR`),
printed as eval_iob reads them with `--predictions`: N<TAB>start<TAB>end<TAB>LABEL, byte offsets.

spaCy's PERSON is PER, ORG is ORG, GPE and LOC are LOC; other labels (NORP, FAC, dates...) are
left out, as eval_iob leaves out our NORP and MISC. Usage: python spacy_ner.py MODEL_PATH DIR
"""
import pathlib
import sys
import warnings

import spacy

# W031: the 2.2 model under spaCy 2.3 (see bench/ner_peer.sh).
warnings.filterwarnings("ignore", message=r"\[W031\]")

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def main() -> None:
    model_path, texts = sys.argv[1], pathlib.Path(sys.argv[2])
    nlp = spacy.load(model_path)
    files = sorted(texts.glob("*.txt"), key=lambda p: int(p.stem))
    for path in files:
        text = path.read_text(encoding="utf-8")
        for ent in nlp(text).ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            start = len(text[: ent.start_char].encode("utf-8"))
            end = start + len(ent.text.encode("utf-8"))
            print(f"{path.stem}\t{start}\t{end}\t{label}")


if __name__ == "__main__":
    main()
