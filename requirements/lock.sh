#!/usr/bin/env bash
# Regenerates the hash-pinned lock files from pyproject.toml (needs `uv` on PATH; a developer
# step, not part of `make demo` or `make test`, which only install from the locks).
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--python-version 3.11 --universal --generate-hashes --quiet)
uv pip compile pyproject.toml requirements/build.in "${common[@]}" -o requirements/base.lock
uv pip compile pyproject.toml requirements/build.in --extra test "${common[@]}" -o requirements/test.lock
