#!/usr/bin/env bash
# CI: build the .deb from a frozen app, install it with dpkg -i, run it from the installed files,
# remove it with dpkg -r and check what is left.  Needs root (dpkg) and a Debian-based system.
#
#   packaging/debian/ci-check.sh [BUNDLE]     BUNDLE: the frozen app folder (default dist/ReportDesk)
set -euo pipefail
cd "$(dirname "$0")/../.."
BUNDLE=${1:-dist/ReportDesk}
OUT=$(mktemp -d /tmp/reportdesk-deb.XXXXXX)
WORK=$(mktemp -d /tmp/reportdesk-deb-check.XXXXXX)
SAMPLE=$PWD/resources/samples/sample-report-2022.json
fail() { echo "deb check FAILED: $*" >&2; exit 1; }
trap 'dpkg --purge reportdesk >/dev/null 2>&1 || true; rm -rf "$OUT" "$WORK"' EXIT

if dpkg-query -W -f='${Status}' reportdesk 2>/dev/null | grep -q "ok installed"; then
  fail "a reportdesk package is already installed on this machine; remove it first (dpkg -r reportdesk)"
fi

echo "== the system libraries the bundle needs are all in packaging/debian/depends.txt"
python packaging/debian/build_deb.py --bundle "$BUNDLE" --find-depends >/dev/null

echo "== build"
python packaging/debian/build_deb.py --bundle "$BUNDLE" --out "$OUT"
DEB=$(ls "$OUT"/reportdesk_*.deb)
ARCH=$(dpkg --print-architecture)
[[ "$DEB" == *"_${ARCH}.deb" ]] || fail "$DEB is not named for this machine's architecture $ARCH"
[ "$(dpkg-deb -f "$DEB" Architecture)" = "$ARCH" ] || fail "Architecture field is not $ARCH"
dpkg-deb -f "$DEB" Depends | grep -q "libxcb-cursor0" || fail "Depends lacks libxcb-cursor0"
CONTENTS=$(dpkg-deb --contents "$DEB")
for path in ./opt/reportdesk/reportdesk ./opt/reportdesk/reportdesk-gui ./usr/bin/reportdesk ./usr/bin/reportdesk-gui \
            ./usr/share/applications/org.reportdesk.ReportDesk.desktop \
            ./usr/share/mime/packages/org.reportdesk.ReportDesk.xml \
            ./usr/share/icons/hicolor/scalable/apps/org.reportdesk.ReportDesk.svg \
            ./usr/share/icons/hicolor/48x48/apps/org.reportdesk.ReportDesk.png \
            ./usr/share/metainfo/org.reportdesk.ReportDesk.metainfo.xml; do
  grep -q " $path\$" <<<"$CONTENTS" || fail "$path is not in the package"
done
[ "$(awk '{print $2}' <<<"$CONTENTS" | sort -u)" = "root/root" ] || fail "files not owned by root/root in the package"

echo "== install the libraries it depends on (if missing), then dpkg -i"
missing=()
for dep in $(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//' | tr -d ' '); do
  dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q "ok installed" || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
dpkg -i "$DEB"

echo "== run from the installed files"
export HOME="$WORK/home"
mkdir -p "$HOME"
unset REPORTDESK_HOME PYTHONPATH PYTHONHOME VIRTUAL_ENV
export PATH=/usr/bin:/bin:/usr/sbin:/sbin  # the installed commands, not a virtualenv's
cd "$WORK"
[ "$(command -v reportdesk)" = /usr/bin/reportdesk ] || fail "reportdesk is not /usr/bin/reportdesk"
[ "$(command -v reportdesk-gui)" = /usr/bin/reportdesk-gui ] || fail "reportdesk-gui is not on the PATH"
VERSION=$(reportdesk --version)
[ "$VERSION" = "reportdesk $(dpkg-deb -f "$DEB" Version)" ] || fail "--version said '$VERSION'"
reportdesk check "$SAMPLE" > check.txt || fail "reportdesk check exited $?"
grep -q "乐清市人力资源和社会保障局 2022 年" check.txt || fail "check output: $(cat check.txt)"
REPORTDESK_START_METHOD=spawn reportdesk check "$SAMPLE" "$SAMPLE" --jobs 2 --json > spawn.json \
  || fail "check under spawn exited $?"
reportdesk export "$SAMPLE" --docx "$WORK/年报.docx" --xlsx "$WORK/年报.xlsx" 2> export.txt \
  || fail "export: $(cat export.txt)"
[ -s "$WORK/年报.docx" ] && [ -s "$WORK/年报.xlsx" ] || fail "export wrote nothing"
REPORTDESK_EXIT_WHEN_READY=1 QT_QPA_PLATFORM=offscreen timeout 120 reportdesk-gui 2> gui.txt \
  || fail "GUI smoke test: $(cat gui.txt)"
mkdir -p "$HOME/.local/share/ReportDesk"
reportdesk new -o "$HOME/.local/share/ReportDesk/某局-2023.rdesk" --agency 某局 --year 2023 \
  || fail "could not make a draft in the user's drafts folder"
if command -v update-mime-database >/dev/null 2>&1; then
  [ -f /usr/share/mime/application/x-reportdesk-draft.xml ] || fail "the MIME database does not know .rdesk"
fi
if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate /usr/share/applications/org.reportdesk.ReportDesk.desktop
fi
grep -q "^Name\[zh_CN\]=信息公开年报助手" /usr/share/applications/org.reportdesk.ReportDesk.desktop \
  || fail "desktop entry without its Chinese name"

echo "== dpkg -r, and what is left"
cd /
dpkg -r reportdesk
for path in /opt/reportdesk /usr/bin/reportdesk /usr/bin/reportdesk-gui \
            /usr/share/applications/org.reportdesk.ReportDesk.desktop \
            /usr/share/mime/packages/org.reportdesk.ReportDesk.xml \
            /usr/share/icons/hicolor/scalable/apps/org.reportdesk.ReportDesk.svg; do
  [ ! -e "$path" ] || fail "$path is left after dpkg -r"
done
if [ -f /usr/share/mime/application/x-reportdesk-draft.xml ]; then
  fail "the MIME database still has .rdesk after dpkg -r"
fi
[ -s "$HOME/.local/share/ReportDesk/某局-2023.rdesk" ] || fail "dpkg -r touched the user's drafts"
[ -s "$WORK/年报.docx" ] || fail "dpkg -r touched the user's exports"
dpkg --purge reportdesk
! dpkg-query -W -f='${Status}' reportdesk 2>/dev/null | grep -Eq "ok (installed|config-files)" || fail "reportdesk is still known to dpkg"
[ -s "$HOME/.local/share/ReportDesk/某局-2023.rdesk" ] || fail "dpkg --purge touched the user's drafts"
echo "deb check passed: $(basename "$DEB") installs, runs (CLI, spawn, export, GUI) and removes cleanly"
