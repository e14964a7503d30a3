#!/usr/bin/env bash
# Installs what anquan's builds and tests need on Debian, idempotently: a second run
# only checks. The typst CLI (pinned), a CJK font, poppler-utils for the PDF tests,
# python-docx and LibreOffice Writer for the DOCX tests.
set -euo pipefail

TYPST_VERSION=0.15.1

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo not found: install Rust first (https://rustup.rs), then rerun" >&2
  exit 1
fi

# typst, pinned: cargo install skips the build when this version is already installed.
if ! typst --version 2>/dev/null | grep -q "^typst ${TYPST_VERSION}"; then
  echo "setup: installing typst-cli ${TYPST_VERSION} (about 8 minutes, once)"
  cargo install --locked "typst-cli@${TYPST_VERSION}"
fi

# Debian packages: a CJK font for the PDFs, poppler-utils (pdftotext, pdffonts) and
# zbar-tools (zbarimg, reads the QR codes of boards back) for tests.
missing=()
[ -n "$(ls /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "error: missing ${missing[*]}: run  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# 仿宋 and 楷体 for the body and the second-level headings (GB/T 9704): FandolFang and
# FandolKai (free, from TeX Live). Only their two font files are taken out of Debian's
# texlive-lang-chinese package (a 50 MB download, about 2 s), not the TeX system.
have_fang=no
for f in /usr/local/share/fonts/fandol "${HOME}/.local/share/fonts/fandol" /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol; do
  [ -e "$f/FandolFang-Regular.otf" ] && have_fang=yes
done
if [ "$have_fang" = no ]; then
  if command -v apt-get >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then fonts=/usr/local/share/fonts/fandol; else fonts="${HOME}/.local/share/fonts/fandol"; fi
    echo "setup: installing FandolFang and FandolKai into ${fonts}"
    work=$(mktemp -d)
    fetch() { (cd "$work" && apt-get download -qq texlive-lang-chinese >/dev/null 2>&1); }
    # A fresh machine may have no package lists yet.
    fetch || { [ "$(id -u)" = 0 ] && apt-get update -qq && fetch; } || true
    if ls "$work"/texlive-lang-chinese_*.deb >/dev/null 2>&1 \
       && dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"; then
      mkdir -p "$fonts"
      cp "$work"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol{Fang,Kai}-Regular.otf "$fonts"/
    else
      echo "note: could not download texlive-lang-chinese: the PDFs use Noto Serif CJK for the body" >&2
    fi
    rm -rf "$work"
  else
    echo "note: no 仿宋 font: the PDFs use Noto Serif CJK for the body; install FandolFang (texlive-lang-chinese) for GB/T 9704 faces" >&2
  fi
fi

# The DOCX tests open every file with python-docx and convert some with LibreOffice.
if ! python3 -c 'import docx' >/dev/null 2>&1; then
  echo "setup: installing python-docx (pip)"
  # Debian's own Python refuses user installs without the flag (PEP 668).
  python3 -m pip install -q python-docx 2>/dev/null \
    || python3 -m pip install -q --user --break-system-packages python-docx \
    || echo "note: could not install python-docx: run  python3 -m pip install python-docx" >&2
fi
if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing libreoffice-writer-nogui (about a minute, once)"
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1; } \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui >/dev/null; }
  else
    echo "note: the DOCX conversion test needs LibreOffice: run  sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui" >&2
  fi
fi
