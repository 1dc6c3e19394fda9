# Sourced by run.sh and scale.sh after common.sh: the peers, pinned, in a venv of the scratch
# folder; sets `py` to its Python.
# parliament imports pkg_resources, which setuptools 81 drops and which a venv of Python 3.12+
# does not have: pin setuptools.
if [ ! -x "$scratch/venv/bin/python" ]; then
  log "python3 -m venv $scratch/venv"
  python3 -m venv "$scratch/venv"
fi
py="$scratch/venv/bin/python"
# (not `pip show | grep -q`: grep quitting early fails the pipe under pipefail)
installed() { "$py" -c 'import sys, importlib.metadata as m; sys.exit(m.version(sys.argv[1]) != sys.argv[2])' "$1" "$2" 2>/dev/null; }
if ! installed parliament "$parliament_version" || ! installed cloudsplaining "$cloudsplaining_version" ||
   ! installed policy-sentry "$policy_sentry_version"; then
  log "pip install parliament==$parliament_version cloudsplaining==$cloudsplaining_version"
  "$py" -m pip install --quiet --disable-pip-version-check "setuptools<81" \
    "parliament==$parliament_version" "cloudsplaining==$cloudsplaining_version" \
    "policy-sentry==$policy_sentry_version"
fi
