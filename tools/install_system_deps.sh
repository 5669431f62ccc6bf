#!/usr/bin/env bash
# 책과 테스트에 필요한 Debian/Ubuntu 패키지를 (없을 때만) 설치합니다.
#   book:    graphviz (keras.utils.plot_model), fonts-nanum (한글 글꼴 대체 경로)
#   browser: chromium (빌드된 책을 여는 테스트)
#   test:    fonts-noto-cjk (글꼴 모음(.ttc)에서 한국어 글꼴을 고르는 경로를 테스트가 매번 실행하도록)
#   pdf:     XeLaTeX·kotex·Noto CJK 글꼴·latexmk (make pdf), poppler-utils (PDF 검사)
# apt-get이 없는 시스템(macOS 등)에서는 필요한 것을 안내만 합니다.
set -euo pipefail
want=()
tex_has() { command -v kpsewhich >/dev/null && [ -n "$(kpsewhich "$1" 2>/dev/null)" ]; }
for group in "$@"; do
  case "$group" in
    book)    command -v dot >/dev/null || want+=(graphviz)
             [ -f /usr/share/fonts/truetype/nanum/NanumGothic.ttf ] || want+=(fonts-nanum) ;;
    browser) command -v chromium >/dev/null || want+=(chromium) ;;
    test)    [ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || want+=(fonts-noto-cjk) ;;
    pdf)     command -v xelatex >/dev/null || want+=(texlive-xetex)
             tex_has kotex.sty || want+=(texlive-lang-korean)
             tex_has tabulary.sty || want+=(texlive-latex-extra)         # 스핑크스 LaTeX 양식이 쓰는 패키지들
             tex_has texfonts.map || want+=(texlive-plain-generic)
             tex_has pzdr.tfm || want+=(texlive-fonts-recommended)
             { command -v fc-list >/dev/null && fc-list -q "Noto Serif CJK KR" && fc-list -q "Noto Sans Mono CJK KR"; } || want+=(fonts-noto-cjk)
             command -v latexmk >/dev/null || want+=(latexmk)
             command -v pdftotext >/dev/null || want+=(poppler-utils) ;;
    *) echo "알 수 없는 묶음: $group" >&2; exit 2 ;;
  esac
done
[ ${#want[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "다음 시스템 패키지를 직접 설치하세요: ${want[*]}" >&2
  [[ " ${want[*]} " == *" chromium "* ]] && exit 1   # 브라우저 테스트는 chromium 없이 돌 수 없습니다
  [[ " ${want[*]} " == *" texlive-xetex "* ]] && exit 1   # PDF는 XeLaTeX 없이 만들 수 없습니다
  exit 0
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "시스템 패키지 설치: ${want[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
