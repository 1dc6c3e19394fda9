# Sourced first by run.sh and scale.sh (after `here` and `repo` are set): the scratch folder
# and the peers' pinned versions from the environment, the check that the scratch folder is
# outside the repository, and `log`. `$1` is the calling script's name, for its messages.
scratch="${IAMDOJO_AUDIT_COMPARE_DIR:-/tmp/iamdojo-audit-compare}"
parliament_version="${PARLIAMENT_VERSION:-1.6.4}"
cloudsplaining_version="${CLOUDSPLAINING_VERSION:-0.9.1}"
policy_sentry_version="${POLICY_SENTRY_VERSION:-0.15.2}"

mkdir -p "$scratch"
scratch="$(cd "$scratch" && pwd)"
case "$scratch/" in
  "$repo"/*) echo "$1: the scratch folder $scratch is inside the repository; choose another (IAMDOJO_AUDIT_COMPARE_DIR)" >&2; exit 2 ;;
esac

log() { printf '==> %s\n' "$*" >&2; }
