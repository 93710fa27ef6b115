#!/usr/bin/env bash
# bench/run.sh [N...]: the scale benchmark of issue 6 (see docs/performance.md).
#
# For each N (default: 100 1000) it generates N variants of the bundled
# documents with bench/make_corpus (3 files each: a typeset PDF, a web page,
# a text or Markdown file), then measures on that corpus:
#   - a full `xref index` (wall, CPU = user+sys, peak RSS), and Recoll's
#     `recollindex` on the same files with a fresh configuration;
#   - the same index with `--in-process` (no worker processes), whose CPU
#     difference is the cost of the per-file isolation;
#   - PDF extraction alone: `xref extract` against `pdftotext`, one process
#     per PDF for both, CPU time and their ratio;
#   - `xref refresh` with nothing changed, after adding one paper, and after
#     changing ten;
#   - search latency over the 50 queries of bench/queries.txt, as whole
#     `xref search` processes and in-process (bench/search_bench);
#   - tagging throughput (bench/tag_bench, Google Benchmark), once;
# and prints one Markdown table, a column per N, with the machine it ran on.
#
# Needs: apt-get install time recoll poppler-utils hyperfine (and the build
# dependencies). Environment:
#   XREF_BENCH_BUILD  build folder (default: build-bench beside the sources),
#                     configured Release if it does not exist yet
#   XREF_BENCH_WORK   where corpora, indexes and logs go (default: $BUILD/bench-work)
#   XREF_BENCH_SEED   corpus seed (default 1); a corpus is reused when its
#                     N and seed match
#   XREF_BENCH_SEARCH_RUNS  runs of each query as a whole process (default 5)
#   XREF_BENCH_SEARCH_TIMEOUT  seconds after which one search is stopped and
#                     counted at that limit (default 10), in both search measures
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Absolute: Recoll refuses a relative topdirs, and the work folder is named in its configuration.
BUILD=$(realpath -m "${XREF_BENCH_BUILD:-$ROOT/build-bench}")
WORK=$(realpath -m "${XREF_BENCH_WORK:-$BUILD/bench-work}")
SEED=${XREF_BENCH_SEED:-1}
SEARCH_RUNS=${XREF_BENCH_SEARCH_RUNS:-5}
SEARCH_TIMEOUT=${XREF_BENCH_SEARCH_TIMEOUT:-10}
QUERIES=$ROOT/bench/queries.txt
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(100 1000); fi

log() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 2; }

missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v recollindex >/dev/null || missing+=(recoll)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ ${#missing[@]} -eq 0 ] || die "missing tools; run: apt-get install ${missing[*]}"

# --- build ------------------------------------------------------------------
mkdir -p "$WORK"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  log "configuring $BUILD (Release)"
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
targets=$(cmake --build "$BUILD" --target help 2>/dev/null | sed -n 's/^\([A-Za-z_]*\): .*/\1/p')
want=(xref make_corpus)
for t in search_bench tag_bench; do
  if grep -qx "$t" <<<"$targets"; then want+=("$t"); fi
done
log "building ${want[*]}"
cmake --build "$BUILD" --target "${want[@]}" -j2 >"$WORK/build.log" 2>&1 ||
  { tail -30 "$WORK/build.log" >&2; die "build failed (log: $WORK.build.log)"; }
XREF=$BUILD/xref
MAKE_CORPUS=$BUILD/bench/make_corpus
SEARCH_BENCH=$BUILD/bench/search_bench
TAG_BENCH=$BUILD/bench/tag_bench

# --- helpers ----------------------------------------------------------------
declare -A R   # R[key,N] = table cell

# measure OUT CMD...: runs CMD under /usr/bin/time; OUT gets "wall cpu rss_mib".
# CPU and memory include the children CMD waited for (worker processes,
# recollindex's filters, one process per file under xargs).
measure() {
  local out=$1; shift
  local t; t=$(mktemp)
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" || status=$?
  awk '{printf "%.2f %.2f %.0f\n", $1, $2 + $3, $4 / 1024}' "$t" >"$out"
  rm -f "$t"
  return $status
}
field() { awk -v i="$2" '{print $i}' "$1"; }
# summary LOG: "N added, N changed, ..." from xref's last summary line.
summary() { tr '\r' '\n' <"$1" | grep ' added, ' | tail -1 | sed 's/^.*: \([0-9]* added\)/\1/; s/ ([0-9.]* s)$//'; }

# hyperfine_median NAME CMD: median wall (ms) and mean CPU (ms) of 10 runs.
hyperfine_median() {
  local csv=$WORK/$1.csv; shift
  hyperfine -N --warmup 1 --runs 10 --export-csv "$csv" "$*" >/dev/null 2>&1 || return 1
  awk -F, 'NR == 2 {printf "%.0f %.0f\n", $4 * 1000, ($5 + $6) * 1000}' "$csv"
}

# children_cpu_ms: sets CHILDREN_CPU_MS to the user+sys of this shell's
# waited-for children, in ms. `times` must run in this shell: in a pipeline
# or a $(...) it would report the subshell's children (none).
children_cpu_ms() {
  times >"$WORK/times.$$"
  CHILDREN_CPU_MS=$(tail -1 "$WORK/times.$$" | awk '{
    n = 0
    for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] }
    printf "%d", n * 1000 }')
  rm -f "$WORK/times.$$"
}

# percentile P FILE: nearest-rank percentile of the numbers in FILE.
percentile() {
  sort -n "$2" | awk -v p="$1" '{v[NR] = $1} END {r = int(p * NR + 0.999999); if (r < 1) r = 1; printf "%.1f", v[r]}'
}

# The query lines of bench/queries.txt as arrays: query, then options.
mapfile -t QUERY_LINES < <(grep -v '^#' "$QUERIES" | grep -v '^$')

machine="$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- one corpus size --------------------------------------------------------
run_size() {
  local n=$1
  local corpus=$WORK/corpus-$n
  local db=$WORK/xref-$n.db
  local stamp=$corpus/.seed-$SEED
  local m=$WORK/m.$$

  if [ ! -f "$stamp" ]; then
    log "N=$n: generating the corpus"
    rm -rf "$corpus"
    measure "$m" "$MAKE_CORPUS" --seed "$SEED" "$n" "$corpus"
    touch "$stamp"
    R[generate,$n]="$(field "$m" 1) s"
  else
    R[generate,$n]="(reused)"
  fi
  local files pdfs bytes
  files=$(find "$corpus" -type f ! -name '.seed-*' | wc -l)
  pdfs=$(find "$corpus/pdf" -name '*.pdf' | wc -l)
  bytes=$(du -sm --exclude='.seed-*' "$corpus" | cut -f1)
  R[files,$n]="$files files, $bytes MB"

  # Full index, from an empty database.
  log "N=$n: xref index"
  rm -f "$db" "$db-wal" "$db-shm"
  if measure "$m" "$XREF" --db "$db" index "$corpus" >"$WORK/index-$n.log" 2>&1; then :; fi
  local xw xc xm
  read -r xw xc xm <"$m"
  R[index_wall,$n]="$xw s"; R[index_cpu,$n]="$xc s"; R[index_rss,$n]="$xm MiB"
  R[index_summary,$n]=$(summary "$WORK/index-$n.log")
  R[index_per_file,$n]=$(awk -v w="$xw" -v c="$xc" -v f="$files" 'BEGIN {printf "%.1f ms wall, %.1f ms CPU", 1000 * w / f, 1000 * c / f}')

  # The same index with extraction in this process instead of isolated
  # worker processes: the difference is what the isolation costs.
  log "N=$n: xref index --in-process"
  rm -f "$db.inproc" "$db.inproc-wal" "$db.inproc-shm"
  if measure "$m" "$XREF" --db "$db.inproc" index --in-process "$corpus" >"$WORK/index-inproc-$n.log" 2>&1; then :; fi
  local iw ic im
  read -r iw ic im <"$m"
  R[inproc_time,$n]="$iw s wall, $ic s CPU, $im MiB"
  R[isolation_cost,$n]=$(awk -v a="$xc" -v b="$ic" -v f="$files" 'BEGIN {printf "%+.1f s CPU (%+.1f ms per file)", a - b, 1000 * (a - b) / f}')
  rm -f "$db.inproc" "$db.inproc-wal" "$db.inproc-shm"

  # Recoll on the same files, with a fresh configuration. Its defaults run
  # the indexer at nice 19 and idle I/O class, which on a busy machine would
  # measure the other processes; both are set to normal here. aspell is off
  # (its dictionary build fails under C.UTF-8 and is not indexing work).
  log "N=$n: recollindex"
  local conf=$WORK/recoll-$n
  rm -rf "$conf"; mkdir -p "$conf"
  printf 'topdirs = %s\nidxniceprio = 0\nmonioniceclass = 2\nnoaspell = 1\nloglevel = 1\n' "$corpus" >"$conf/recoll.conf"
  measure "$m" recollindex -c "$conf" 2>"$WORK/recoll-$n.log" || true
  local rw rc rm_
  read -r rw rc rm_ <"$m"
  R[recoll_wall,$n]="$rw s"; R[recoll_cpu,$n]="$rc s"; R[recoll_rss,$n]="$rm_ MiB"
  R[vs_recoll,$n]=$(awk -v a="$rw" -v b="$xw" 'BEGIN {printf "%.2f× (target ≥ 2×)", (b > 0 ? a / b : 0)}')

  # PDF extraction alone, one process per file for both tools.
  log "N=$n: xref extract vs pdftotext over $pdfs PDFs"
  find "$corpus/pdf" -name '*.pdf' -print0 | sort -z >"$WORK/pdfs-$n"
  measure "$m" xargs -0 -n1 "$XREF" extract <"$WORK/pdfs-$n" >/dev/null 2>"$WORK/extract-$n.log" || true
  local ec; ec=$(field "$m" 2)
  measure "$m" xargs -0 -I{} pdftotext -q {} - <"$WORK/pdfs-$n" >/dev/null 2>&1 || true
  local pc; pc=$(field "$m" 2)
  R[extract_cpu,$n]="$ec s"; R[pdftotext_cpu,$n]="$pc s"
  R[extract_ratio,$n]=$(awk -v a="$ec" -v b="$pc" 'BEGIN {printf "%.2f× (target ≤ 1.2×)", (b > 0 ? a / b : 0)}')

  # Refresh: nothing changed (median of 10), then one new paper, then ten changed.
  log "N=$n: refresh"
  local hf
  if hf=$(hyperfine_median "refresh-noop-$n" "$XREF" --db "$db" refresh -q); then
    R[refresh_noop,$n]="$(cut -d' ' -f1 <<<"$hf") ms (CPU $(cut -d' ' -f2 <<<"$hf") ms)"
  else
    R[refresh_noop,$n]="failed"
  fi
  local extra=$WORK/extra-$n changed=$WORK/changed-$n backup=$WORK/backup-$n
  rm -rf "$extra" "$changed" "$backup"
  "$MAKE_CORPUS" --seed "$SEED" --start "$n" 1 "$extra"
  local added_file; added_file=$(find "$extra/pdf" -name '*.pdf' | head -1)
  cp "$added_file" "$corpus/pdf/"
  measure "$m" "$XREF" --db "$db" refresh >"$WORK/refresh-add-$n.log" 2>&1 || true
  R[refresh_add1,$n]="$(field "$m" 1) s (CPU $(field "$m" 2) s; $(summary "$WORK/refresh-add-$n.log" | cut -d, -f1))"
  # Ten changed: 4 PDFs, 3 web pages, 3 text files rewritten from another seed.
  "$MAKE_CORPUS" --seed "$((SEED + 1000))" --start 0 4 "$changed"
  mkdir -p "$backup"
  local f list=()
  for f in $(cd "$changed" && { find pdf -type f | sort | head -4; find html -type f | sort | head -3; find text -type f | sort | head -3; }); do
    list+=("$f")
    mkdir -p "$backup/$(dirname "$f")"
    cp -p "$corpus/$f" "$backup/$f"
    cp "$changed/$f" "$corpus/$f"
  done
  measure "$m" "$XREF" --db "$db" refresh >"$WORK/refresh-change-$n.log" 2>&1 || true
  R[refresh_change10,$n]="$(field "$m" 1) s (CPU $(field "$m" 2) s; $(summary "$WORK/refresh-change-$n.log" | cut -d, -f2 | sed 's/^ //'))"
  # Put the corpus back as generated, for the next run.
  rm -f "$corpus/pdf/$(basename "$added_file")"
  for f in "${list[@]}"; do cp -p "$backup/$f" "$corpus/$f"; done
  rm -rf "$extra" "$changed" "$backup"
  # The index now lags the corpus by those changes; bring it back in line so
  # that search runs over exactly the generated corpus.
  "$XREF" --db "$db" refresh -q >/dev/null 2>&1 || true

  # Search as whole processes: each query SEARCH_RUNS times, wall per process.
  log "N=$n: search, whole processes (${#QUERY_LINES[@]} queries × $SEARCH_RUNS)"
  local samples=$WORK/search-process-$n.txt line fields t0 t1 r us
  local cpu_before cpu_after
  : >"$samples"
  # Bash's `times` gives the CPU of the children waited for so far: nothing
  # but the xref processes is started inside the loop.
  children_cpu_ms; cpu_before=$CHILDREN_CPU_MS
  # A query still running after SEARCH_TIMEOUT seconds is stopped, counted
  # once at the limit and not repeated (it is named in search-timeouts-N.txt).
  local runs=0 timeouts=0 status
  : >"$WORK/search-timeouts-$n.txt"
  for line in "${QUERY_LINES[@]}"; do
    IFS=$'\t' read -r -a fields <<<"$line"
    for ((r = 0; r < SEARCH_RUNS; r++)); do
      t0=${EPOCHREALTIME/./}
      status=0
      timeout "$SEARCH_TIMEOUT" "$XREF" --db "$db" search "${fields[0]}" "${fields[@]:1}" >/dev/null 2>&1 || status=$?
      t1=${EPOCHREALTIME/./}
      us=$((t1 - t0))
      printf '%d.%03d\n' $((us / 1000)) $((us % 1000)) >>"$samples"
      runs=$((runs + 1))
      if [ "$status" -eq 124 ]; then
        timeouts=$((timeouts + 1))
        printf '%s\n' "$line" >>"$WORK/search-timeouts-$n.txt"
        break
      fi
    done
  done
  children_cpu_ms; cpu_after=$CHILDREN_CPU_MS
  local note=""
  [ "$timeouts" -eq 0 ] || note="; $timeouts timed out at ${SEARCH_TIMEOUT} s"
  R[search_process,$n]="p50 $(percentile 0.5 "$samples") ms, p99 $(percentile 0.99 "$samples") ms (mean CPU $(((cpu_after - cpu_before) / runs)) ms$note)"

  # Search in-process.
  if [ -x "$SEARCH_BENCH" ]; then
    log "N=$n: search, in-process"
    local out
    if out=$("$SEARCH_BENCH" --repeat 20 --timeout-ms "$((SEARCH_TIMEOUT * 1000))" --per-query "$db" "$QUERIES" 2>&1 | tee "$WORK/search-bench-$n.txt" | head -1) &&
       [[ $out == queries=* ]]; then
      local p50 p99 cpu50 cpu99
      p50=$(sed -n 's/.* p50_ms=\([0-9.]*\).*/\1/p' <<<"$out")
      p99=$(sed -n 's/.* p99_ms=\([0-9.]*\).*/\1/p' <<<"$out")
      cpu50=$(sed -n 's/.*cpu_p50_ms=\([0-9.]*\).*/\1/p' <<<"$out")
      cpu99=$(sed -n 's/.*cpu_p99_ms=\([0-9.]*\).*/\1/p' <<<"$out")
      local slow; slow=$(sed -n 's/.*timed_out=\([0-9]*\).*/\1/p' <<<"$out")
      R[search_inproc,$n]="p50 $p50 ms, p99 $p99 ms (CPU: p50 $cpu50 ms, p99 $cpu99 ms$([ "${slow:-0}" = 0 ] || echo "; $slow timed out at ${SEARCH_TIMEOUT} s"))"
    else
      R[search_inproc,$n]="failed: $out"
    fi
  else
    R[search_inproc,$n]="(search_bench not built)"
  fi
  rm -f "$m"
}

for n in "${SIZES[@]}"; do
  [[ $n =~ ^[0-9]+$ ]] || die "N must be a number: $n"
  run_size "$n"
done

# Tagging throughput does not depend on N: once.
tagging="(bench/tag_bench not built)"
if [ -x "$TAG_BENCH" ]; then
  log "tag_bench"
  if "$TAG_BENCH" --benchmark_format=csv >"$WORK/tag-bench.csv" 2>/dev/null; then
    # name,iterations,real_time,cpu_time,time_unit,bytes_per_second,items_per_second,...
    tagging=$(awk -F, '/^"/ && $6 != "" {gsub(/"/, "", $1); printf "%s%s %.1f MB/s", sep, $1, $6 / 1e6; sep = "; "}' "$WORK/tag-bench.csv")
    [ -n "$tagging" ] || tagging="see $WORK/tag-bench.csv"
  else
    tagging="tag_bench failed"
  fi
fi

# --- the table --------------------------------------------------------------
rows=(
  "files|corpus"
  "generate|generating it (make_corpus, wall)"
  "index_wall|xref index: wall"
  "index_cpu|xref index: CPU (user+sys)"
  "index_rss|xref index: peak RSS"
  "index_summary|xref index: summary"
  "index_per_file|xref index: per file"
  "inproc_time|xref index --in-process (no worker processes)"
  "isolation_cost|isolation cost (index CPU minus --in-process CPU)"
  "recoll_wall|recollindex: wall"
  "recoll_cpu|recollindex: CPU (user+sys)"
  "recoll_rss|recollindex: peak RSS"
  "vs_recoll|Recoll wall ÷ xref wall"
  "extract_cpu|xref extract, all PDFs: CPU"
  "pdftotext_cpu|pdftotext, same PDFs: CPU"
  "extract_ratio|xref extract ÷ pdftotext CPU"
  "refresh_noop|xref refresh, nothing changed (median of 10)"
  "refresh_add1|xref refresh after adding 1 PDF"
  "refresh_change10|xref refresh after changing 10 files"
  "search_process|xref search, whole process (50 queries)"
  "search_inproc|search in-process (50 queries × 20)"
)
echo
echo "Machine: $machine; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Command: bench/run.sh ${SIZES[*]} (seed $SEED), $(date -u +%Y-%m-%d)"
echo
header="| measure |"; rule="| --- |"
for n in "${SIZES[@]}"; do header+=" N=$n ($((3 * n)) files) |"; rule+=" --- |"; done
echo "$header"; echo "$rule"
for row in "${rows[@]}"; do
  key=${row%%|*}; label=${row#*|}
  line="| $label |"
  for n in "${SIZES[@]}"; do line+=" ${R[$key,$n]:-} |"; done
  echo "$line"
done
echo "| tagging throughput (tag_bench) | $tagging |"
