#!/bin/sh
# A corpus folder on a fresh shared volume starts as the corpus shipped in the image. Replicas start
# together: each copies aside, and one rename wins; the others drop their copy.
set -e
if [ -n "$CORPUS_DIR" ] && [ ! -e "$CORPUS_DIR" ]; then
  mkdir -p "$(dirname "$CORPUS_DIR")"
  staging="$CORPUS_DIR.staging.$$"
  cp -R /app/corpus "$staging"
  mv -T "$staging" "$CORPUS_DIR" 2>/dev/null || rm -rf "$staging"
fi
exec "$@"
