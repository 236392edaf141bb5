#!/usr/bin/env bash
# GRPO Scope engine bench: DJL engine vs the PyTorch reference (bench/reference.py), interleaved, then the
# instrumentation overhead and memory checks. Needs: apt-get install -y python3-torch libopenblas0-openmp
# Usage: bench/run.sh   (env: ROUNDS=3 interleaved rounds; THREADS=2 intra-op threads on both sides;
#                       RSS_STEPS=2000; BUILD_DIR=target-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD_DIR:-target-bench}"
ROUNDS="${ROUNDS:-3}"
RSS_STEPS="${RSS_STEPS:-2000}"
THREADS="${THREADS:-2}"
PY=/usr/bin/python3
OUT="$(mktemp -d)"

mvn -B -q -Dgrposcope.buildDir="$BUILD" -pl core -am compile dependency:build-classpath \
    -Dmdep.outputFile="$BUILD-classpath.txt" >/dev/null
CP="core/$BUILD/classes:assets/$BUILD/classes:$(cat "core/$BUILD-classpath.txt")"
JAVA=(java -Xmx2g -Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP")

for r in $(seq 1 "$ROUNDS"); do
  echo "round $r/$ROUNDS: engine" >&2
  "${JAVA[@]}" io.grposcope.core.engine.EngineBench speed 2>/dev/null | tail -1 >> "$OUT/engine.jsonl"
  echo "round $r/$ROUNDS: reference" >&2
  OPENBLAS_NUM_THREADS=1 LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp \
      "$PY" bench/reference.py --threads "$THREADS" | tail -1 >> "$OUT/reference.jsonl"
done
echo "instrumentation overhead" >&2
"${JAVA[@]}" io.grposcope.core.engine.EngineBench overhead 2>/dev/null | tail -1 > "$OUT/overhead.json"
echo "memory over $RSS_STEPS GRPO steps" >&2
"${JAVA[@]}" io.grposcope.core.engine.EngineBench rss "$RSS_STEPS" 2>/dev/null | tail -1 > "$OUT/rss.json"

"$PY" - "$OUT" <<'PY'
import json, statistics, sys, pathlib
out = pathlib.Path(sys.argv[1])
def load(name):
    return [json.loads(l) for l in (out / name).read_text().splitlines() if l.strip()]
eng, ref = load("engine.jsonl"), load("reference.jsonl")
print(f"interleaved rounds: {len(eng)}, {ref[0]['threads']} thread(s) each side"
      " (median of per-run medians; min = fastest single iteration)")
for key, label in (("train_ms", "train step B=64 T=48"), ("sample_kv_ms", "KV-cache sampling 64x32")):
    e = statistics.median(r[key] for r in eng)
    p = statistics.median(r[key] for r in ref)
    emin = min(r[key.replace("_ms", "_min_ms")] for r in eng)
    pmin = min(r[key.replace("_ms", "_min_ms")] for r in ref)
    print(f"{label:26s} engine {e:8.1f} ms (min {emin:7.1f})  reference {p:8.1f} ms (min {pmin:7.1f})"
          f"  engine/reference {e / p:.2f} (min-based {emin / pmin:.2f})")
o = json.loads((out / "overhead.json").read_text())
print(f"GRPO step, metrics on {o['grpo_step_metrics_on_ms']:.1f} ms vs off {o['grpo_step_metrics_off_ms']:.1f} ms:"
      f" overhead x{o['overhead_ratio']:.3f} ({o['steps_each']} steps each)")
m = json.loads((out / "rss.json").read_text())
mib = lambda kib: f"{kib / 1024:.0f}"
print(f"RSS after {m['steps']} GRPO steps: {[mib(v) for v in m['rss_kib']]} MiB (growth 200 -> {m['steps'][2]}:"
      f" {100 * m['rss_growth']:.1f} %); Java heap committed {[mib(v) for v in m['java_heap_committed_kib']]} MiB;"
      f" run-manager arrays {m['run_arrays']}")
PY
