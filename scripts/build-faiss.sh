#!/usr/bin/env bash
# Builds faiss-node (the FAISS binding behind backend/src/modules/screening/vector-index.ts) against Debian's
# libfaiss-dev and installs it into node_modules/faiss-node, so `import('faiss-node')` works.
#
# Why: faiss-node's own install fetches a prebuilt binary from GitHub, or clones FAISS from GitHub and builds it.
# Neither works without GitHub access. Debian ships FAISS 1.7.3, so we build only the thin N-API binding
# against it: the npm tarball's CMakeLists is replaced by one that uses find_package(faiss), and faiss.cc gets
# the `faiss::idx_t` alias that FAISS 1.7.3 lacks (it only has faiss::Index::idx_t).
#
# Idempotent: exits at once when node_modules/faiss-node is this version and loads. FORCE=1 rebuilds.
# Without this the app still works: vector-index.ts falls back to exact search in plain code and says so.
set -euo pipefail

FAISS_NODE_VERSION=0.5.1
CMAKE_JS_VERSION=7.4.0
NODE_ADDON_API_VERSION=6.1.0
BINDINGS_VERSION=1.5.0

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT/node_modules/faiss-node"

log() { printf '[build:faiss] %s\n' "$*"; }

is_loadable() {
  # Resolved from backend/, the way the app resolves it.
  (cd "$ROOT/backend" && node -e "
    const f = require('faiss-node');
    if (require('faiss-node/package.json').version !== '$FAISS_NODE_VERSION') process.exit(1);
    const i = new f.IndexFlatIP(2); i.add([1, 0, 0, 1]);
    const r = i.search([0, 1], 1);
    if (r.labels[0] !== 1) process.exit(1);
  ") >/dev/null 2>&1
}

if [[ "${FORCE:-}" != "1" ]] && is_loadable; then
  log "faiss-node $FAISS_NODE_VERSION is already built and loads; nothing to do (FORCE=1 to rebuild)"
  exit 0
fi

# 1. System packages: FAISS + BLAS, and a C++ toolchain. Checked with dpkg/command -v so re-runs are quick.
missing=()
for pkg in libfaiss-dev libopenblas-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
if ((${#missing[@]} > 0)); then
  SUDO=""
  if [[ "$(id -u)" != "0" ]]; then
    SUDO="sudo"
  fi
  log "installing ${missing[*]} with apt-get"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/build-faiss.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# 2. Sources from the npm registry (not GitHub), and the build tools in a private prefix so the repo's
#    node_modules and lockfile are untouched.
log "fetching faiss-node@$FAISS_NODE_VERSION and build tools from the npm registry"
(cd "$WORK" && npm pack "faiss-node@$FAISS_NODE_VERSION" --silent >/dev/null && tar xzf "faiss-node-$FAISS_NODE_VERSION.tgz")
SRC="$WORK/package"
npm install --prefix "$WORK/tools" --no-save --no-package-lock --ignore-scripts --no-audit --no-fund --silent \
  "cmake-js@$CMAKE_JS_VERSION" "node-addon-api@$NODE_ADDON_API_VERSION" "bindings@$BINDINGS_VERSION" >/dev/null
NODE_ADDON_API_DIR="$(cd "$WORK/tools" && node -p "require('node-addon-api').include_dir")"
case "$NODE_ADDON_API_DIR" in
  /*) ;;
  *) NODE_ADDON_API_DIR="$WORK/tools/$NODE_ADDON_API_DIR" ;;
esac

# 3. Patches.
if ! grep -qs 'using idx_t' /usr/include/faiss/MetricType.h; then
  # FAISS < 1.7.4 has no namespace-level idx_t; faiss.cc expects one.
  sed -i 's|#include <faiss/impl/IDSelector.h>|&\nnamespace faiss { using idx_t = faiss::Index::idx_t; }|' "$SRC/src/faiss.cc"
  grep -q 'namespace faiss { using idx_t' "$SRC/src/faiss.cc" || { log "patching faiss.cc failed"; exit 1; }
fi
cat >"$SRC/CMakeLists.txt" <<'CMAKE'
# Replaces faiss-node's CMakeLists: link the system FAISS (find_package) instead of building deps/faiss from a
# GitHub clone, and drop the step that copies BLAS/OpenMP libraries next to the addon (they are system libs here).
cmake_minimum_required(VERSION 3.17 FATAL_ERROR)
cmake_policy(SET CMP0042 NEW)
project(faiss-node LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
add_definitions(-DNAPI_VERSION=6)
# Debian's faiss-targets.cmake names OpenMP::OpenMP_CXX in its link interface without finding it itself.
find_package(OpenMP REQUIRED)
find_package(faiss REQUIRED)
include_directories(${CMAKE_JS_INC} ${NODE_ADDON_API_DIR})
file(GLOB SOURCE_FILES "src/*.cc" "src/*.h")
add_library(${PROJECT_NAME} SHARED ${SOURCE_FILES} ${CMAKE_JS_SRC})
set_target_properties(${PROJECT_NAME} PROPERTIES PREFIX "" SUFFIX ".node")
target_link_libraries(${PROJECT_NAME} ${CMAKE_JS_LIB} faiss)
CMAKE

# 4. Build. faiss-node is an N-API addon (package.json "binary.napi_versions"), so cmake-js takes the headers
#    from the node-api-headers package it depends on and downloads nothing; nodedir points at the local Node
#    install as well, in case a cmake-js version wants the full headers.
NODE_PREFIX="$(dirname "$(dirname "$(command -v node)")")"
log "compiling the binding (cmake-js $CMAKE_JS_VERSION, node headers from $NODE_PREFIX/include/node)"
(
  cd "$SRC"
  npm_config_nodedir="$NODE_PREFIX" "$WORK/tools/node_modules/.bin/cmake-js" compile \
    --directory "$SRC" --CDNODE_ADDON_API_DIR="$NODE_ADDON_API_DIR" --log-level warn
) >"$WORK/build.log" 2>&1 || {
  tail -n 60 "$WORK/build.log"
  log "build failed"
  exit 1
}

# 5. Install as a normal package folder: lib/ (JS + types), the addon where `bindings` looks for it, and
#    `bindings` itself so the package does not depend on what happens to be hoisted.
log "installing into $TARGET"
rm -rf "$TARGET.tmp"
mkdir -p "$TARGET.tmp/build/Release" "$TARGET.tmp/node_modules"
cp -r "$SRC/package.json" "$SRC/lib" "$SRC/LICENSE" "$SRC/README.md" "$TARGET.tmp/"
cp "$SRC/build/Release/faiss-node.node" "$TARGET.tmp/build/Release/"
cp -r "$WORK/tools/node_modules/bindings" "$WORK/tools/node_modules/file-uri-to-path" "$TARGET.tmp/node_modules/"
rm -rf "$TARGET"
mv "$TARGET.tmp" "$TARGET"

if is_loadable; then
  log "faiss-node $FAISS_NODE_VERSION built and loads"
else
  log "faiss-node was installed but does not load:"
  (cd "$ROOT/backend" && node -e "require('faiss-node')") || true
  exit 1
fi
