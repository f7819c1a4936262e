#!/bin/sh
# A corpus folder on a fresh shared volume starts as the corpus shipped in the image.
set -e
if [ -n "$CORPUS_DIR" ] && [ ! -e "$CORPUS_DIR" ]; then
  mkdir -p "$(dirname "$CORPUS_DIR")"
  cp -R /app/corpus "$CORPUS_DIR"
fi
exec "$@"
