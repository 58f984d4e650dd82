#!/usr/bin/env bash
# Trains the name tagger with several seeds (sentence orders) and scores each model on the
# three proxies of held-out news NER: UNER English PUD (test), UNER EWT (test) and the
# quarter of Wikigold that training holds out. Prints each seed's "all" F1 and the mean, so a
# change can be told from the orders' scatter; then restores the committed model (seed 0).
# Usage: bench/ner_seeds.sh [SEEDS...]   (default: 0 1 2)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=../shared/bench/ner-train
model=resources/annotate/ner_model.bin
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(0 1 2)

train() {
  cargo run --release --locked -q -p dossier-annotate --example train_ner -- --seed "$1" "$model" \
    "$bench/uner-en-ewt/en_ewt-ud-train.prelim-0c7ce0d.iob2" "$bench/uner-en-ewt/en_ewt-ud-dev.iob2" \
    "$bench/wikigold/wikigold.conll.txt@4" 2>/dev/null
}
score() {
  cargo run --release --locked -q -p dossier-annotate --example eval_iob -- "$1" |
    awk '$1 == "all" { print $7 }'
}

printf '%-6s %-6s %-6s %-8s\n' seed PUD EWT Wikigold
sums=(0 0 0)
for seed in "${seeds[@]}"; do
  train "$seed"
  row=()
  i=0
  for data in "$bench/uner-en-pud/en_pud-ud-test.iob2" "$bench/uner-en-ewt/en_ewt-ud-test.iob2" \
    "$bench/wikigold/wikigold.conll.txt@4"; do
    f1=$(score "$data")
    row+=("$f1")
    sums[i]=$(echo "${sums[i]} + $f1" | bc -l)
    i=$((i + 1))
  done
  printf '%-6s %-6s %-6s %-8s\n' "$seed" "${row[@]}"
done
n=${#seeds[@]}
printf '%-6s %-6.3f %-6.3f %-8.3f\n' mean "$(echo "${sums[0]} / $n" | bc -l)" \
  "$(echo "${sums[1]} / $n" | bc -l)" "$(echo "${sums[2]} / $n" | bc -l)"
[ "${seeds[-1]}" = 0 ] || train 0
