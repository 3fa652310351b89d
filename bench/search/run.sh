#!/usr/bin/env sh
# Search benchmark: 10,000 generated articles, median and p99 query time inside the process.
# Usage: bench/search/run.sh [ARTICLE_COUNT]
set -eu
cd "$(dirname "$0")"
dotnet run -c Release --project SearchBench.csproj -- "$@"
