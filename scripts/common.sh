# Shared steps of scripts/run and scripts/test: install what is missing, configure, build.
# Sourced, not executed.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${DEEPPACKET_BUILD_DIR:-$ROOT/build}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the given packages, or those of scripts/debian-packages.txt, that are not installed
# yet.
install_packages() {
    local wanted missing=()
    if [ $# -gt 0 ]; then
        wanted="$*"
    else
        wanted=$(grep -v '^\s*#' "$ROOT/scripts/debian-packages.txt" | grep -v '^\s*$')
    fi
    for pkg in $wanted; do
        grep -q 'install ok installed' <<< "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" ||
            missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! command -v apt-get >/dev/null; then
        echo "Missing packages: ${missing[*]} (no apt-get here: see README.md for other systems)" >&2
        return 1
    fi
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    log "Installing ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# LibTorch's dense layers run ~30x slower on the reference BLAS, and 3-5x slower on the pthread
# OpenBLAS: say so when the system picked either.
check_blas() {
    command -v update-alternatives >/dev/null || return 0
    local blas
    blas=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/{print $2}')
    case "$blas" in
        *openblas-openmp*|"") ;;
        *) echo "warning: libblas.so.3 is $blas; install libopenblas0-openmp and select it:" >&2
           echo "  sudo update-alternatives --config libblas.so.3-x86_64-linux-gnu" >&2 ;;
    esac
}

# The machine the figures of a benchmark come from: CPU, cores, memory, kernel, BLAS.
machine_info() {
    echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')"
    echo "cores:    $(nproc 2>/dev/null), memory $(awk '/MemTotal/{printf "%.1f GB", $2/1048576}' /proc/meminfo)"
    echo "kernel:   $(uname -sr)"
    echo "BLAS:     $(readlink -f "$(ldconfig -p | awk '/libblas.so.3 /{print $NF; exit}')" 2>/dev/null || echo unknown)"
}

# Configures (Release, Ninja) and builds the given targets, or everything when none are given.
build() {
    log "Configuring in $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DDEEPPACKET_WERROR=ON >/dev/null
    log "Building ${*:-everything}"
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    cmake --build "$BUILD_DIR" --parallel "$(nproc 2>/dev/null || echo 2)" "${targets[@]}"
}
