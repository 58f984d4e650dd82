#!/usr/bin/env bash
# Throughput benchmark of the whole pipeline: words per second and peak memory of
# `dossier analyze` on a synthetic corpus of at least 20 MB (bench/make_corpus.py), next to
# `wc -w` on the same files as a floor. Usage: bench/throughput.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-20}"
work=bench/work
corpus="$work/corpus-${megabytes}mb"
out="$work/out"

cargo build --release --locked -q -p dossier-cli
if [ ! -d "$corpus" ]; then
  python3 bench/make_corpus.py "$corpus" --megabytes "$megabytes"
fi
rm -rf "$out"
words=$(cat "$corpus"/* | wc -w)
bytes=$(cat "$corpus"/* | wc -c)

start=$(date +%s.%N)
cat "$corpus"/* | wc -w >/dev/null
floor_seconds=$(echo "$(date +%s.%N) - $start" | bc -l)

/usr/bin/time -f "%e %M" -o "$work/time.txt" \
  target/release/dossier analyze "$corpus" --out "$out" --quiet
read -r seconds peak_kb <"$work/time.txt"

echo "corpus:      $(ls "$corpus" | wc -l) articles, $words words, $((bytes / 1000000)) MB"
echo "dossier:     ${seconds}s, $(echo "$words / $seconds" | bc) words/s, peak memory $((peak_kb / 1024)) MB"
echo "wc -w floor: $(printf '%.2f' "$floor_seconds")s, $(echo "$words / $floor_seconds" | bc) words/s"
echo "machine:     $(nproc) cores"
