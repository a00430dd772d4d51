# Peak-RSS fallback for scripts/bench.mjs when GNU time is absent: runs one command, writes JSON to argv[1].
# Node cannot read a child's rusage, Python can. Wall time is taken here, around the child only, so the
# interpreter's own start-up is not counted; its RSS is (fork copies it), which bench.mjs measures as a floor.
import json
import resource
import subprocess
import sys
import time

out_path, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
try:
    code = subprocess.run(command).returncode  # stdio inherited: bench.mjs reads the child's output itself
except OSError as error:
    print(f"rusage.py: cannot run {command[0]}: {error}", file=sys.stderr)
    code = 127
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # ru_maxrss is in KiB on Linux
with open(out_path, "w") as out:
    json.dump({"wall_s": wall, "maxrss_kb": usage.ru_maxrss, "code": code}, out)
