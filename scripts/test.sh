#!/usr/bin/env bash
# The project's test command (README Quick start, .ci/run): system packages the tests use, build, type check, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
npm run build
npm run typecheck
npx vitest run "$@"
