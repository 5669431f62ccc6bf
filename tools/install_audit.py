"""설치 점검: Colab 셀처럼 ``pip install git+…`` 로(편집 불가) helpers를 설치하고 학습자처럼 써 봅니다.

사용법::

    python tools/install_audit.py                      # 지금 파이썬
    python tools/install_audit.py --python 3.12 --python 3.13
    python tools/install_audit.py --python 3.12 --extra "matplotlib<3.11"   # Colab처럼 옛 matplotlib

CI의 컴퓨터와 학습자의 컴퓨터가 다른 곳을 봅니다.

1. **편집 불가 설치**: helpers/·pyproject.toml에 커밋하지 않은 변경이 없으면 ``git+file://저장소@HEAD``
   (Colab 셀과 같은 방식: git에 없는 파일은 설치되지 않음), 있으면 작업 폴더에서 설치하고 그렇다고 알립니다.
2. **다른 파이썬**: pyenv 등에 있는 3.12·3.13 (없으면 그렇다고 알리고 건너뜁니다).
3. **읽기 전용 설치 폴더, 쓸 수 없는 홈 폴더**: root이면 site-packages를 읽기 전용으로 다시 마운트하고
   (``unshare -m``; 안 되면 실행 전후의 파일 목록 비교로 대신), root가 아니면 쓰기 권한을 뺍니다.
   홈·캐시 폴더는 만들 수 없는 경로로 둡니다 (matplotlib은 임시 폴더로 물러납니다).

가상 환경은 파이썬 버전과 의존성 목록마다 임시 폴더에 한 번 만들어 다시 쓰고(의존성 설치는
PyPI가 필요합니다), helpers만 매번 새로 설치합니다. 결과는 표로 출력하고 ``--json`` 이면 JSON으로도.
종료 코드: 문제가 있으면 1.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("install_probe.py")


def find_python(version: str) -> str | None:
    """``3.12`` 같은 버전의 실제로 돌아가는 파이썬 실행 파일 (pyenv, 그다음 PATH). 없으면 None."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = sorted(glob.glob(str(pyenv / f"{version}.*" / "bin" / "python")), key=_version_key, reverse=True)
    candidates.append(shutil.which(f"python{version}") or "")  # pyenv 심(shim)은 버전이 없으면 실패합니다
    for candidate in filter(None, candidates):
        if _run([candidate, "-c", f"import sys; assert sys.version.startswith('{version}.')"]).returncode == 0:
            return candidate
    return None


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(p) for p in re.findall(r"\d+", Path(path).parents[1].name))


def project_dependencies() -> list[str]:
    """pyproject.toml의 ``dependencies`` (helpers가 설치하는 패키지)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^dependencies\s*=\s*\[(.*?)\]", text, re.S | re.M)
    return re.findall(r'"([^"]+)"', block.group(1)) if block else []


def install_source() -> tuple[str, str]:
    """(pip에 줄 설치 원본, 설명). 커밋하지 않은 helpers 변경이 있으면 작업 폴더."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", "helpers", "pyproject.toml"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if status.returncode == 0 and not status.stdout.strip():
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        if head:
            return f"git+file://{ROOT}@{head}", f"git+file (커밋 {head[:10]}, Colab 셀과 같은 방식)"
    return str(ROOT), "작업 폴더 (helpers/에 커밋하지 않은 변경이 있어 git 대신 — 편집 불가 설치는 같음)"


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def prepare_venv(python: str, extra: list[str]) -> Path:
    """의존성을 설치해 둔 가상 환경 (파이썬·의존성이 같으면 다시 씁니다)."""
    version = _run([python, "-c", "import sys; print(sys.version.split()[0])"]).stdout.strip()
    key = hashlib.sha256(json.dumps([version, project_dependencies(), extra]).encode()).hexdigest()[:12]
    user = os.getuid() if hasattr(os, "getuid") else "user"
    venv = Path(tempfile.gettempdir()) / f"dlbook-install-audit-{user}" / f"py{version}-{key}"
    bin_python = venv / "bin" / "python"
    if not (venv / ".ready").is_file():
        shutil.rmtree(venv, ignore_errors=True)
        for command in (
            [python, "-m", "venv", str(venv)],
            [str(bin_python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *project_dependencies(), *extra],
        ):
            result = _run(command, timeout=1800)
            if result.returncode != 0:
                raise RuntimeError(f"가상 환경을 만들지 못했습니다: {' '.join(command)}\n{result.stderr[-2000:]}")
        (venv / ".ready").touch()
    return venv


def site_packages(venv: Path) -> Path:
    return Path(glob.glob(str(venv / "lib" / "python*" / "site-packages"))[0])


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def audit(python: str, extra: list[str]) -> dict:
    """파이썬 하나로 점검한 결과 (탐침의 보고 + 설치 방식 + 설치 폴더가 바뀌었는지)."""
    venv = prepare_venv(python, extra)
    bin_python = str(venv / "bin" / "python")
    source, how = install_source()
    result = _run(
        [bin_python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
         "--force-reinstall", "--no-compile", source],
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"helpers를 설치하지 못했습니다 ({source}):\n{result.stderr[-2000:]}")
    site = site_packages(venv)
    with tempfile.TemporaryDirectory() as work:
        blocker = Path(work) / "not-a-folder"
        blocker.write_text("홈·캐시 폴더를 만들 수 없게 하는 파일\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "KERAS", "MPL"))}
        env.update(
            HOME=str(blocker / "home"), XDG_CACHE_HOME=str(blocker / "cache"), MPLCONFIGDIR=str(blocker / "mpl"),
            PYTHONDONTWRITEBYTECODE="1", TMPDIR=work,
        )
        probe = Path(work) / "probe.py"
        shutil.copyfile(PROBE, probe)
        before = snapshot(site)
        mode, command = "권한(쓰기 권한 뺌)", [bin_python, str(probe)]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            mode = "스냅숏 비교 (root: 읽기 전용 마운트를 못 함)"
            if shutil.which("unshare") and _run(["unshare", "-m", "true"]).returncode == 0:
                mode = "읽기 전용 마운트 (unshare -m)"
                script = 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && exec "$2" "$3"'
                command = ["unshare", "-m", "sh", "-c", script, "sh", str(site), bin_python, str(probe)]
        else:
            subprocess.run(["chmod", "-R", "a-w", str(site)], check=True)
        try:
            ran = _run(command, cwd=work, env=env, timeout=900)
        finally:
            if not (hasattr(os, "geteuid") and os.geteuid() == 0):
                subprocess.run(["chmod", "-R", "u+w", str(site)], check=True)
        changed = sorted(set(snapshot(site).items()) ^ set(before.items()))
    if ran.returncode != 0:
        return {"python": python, "error": ran.stdout[-3000:] + ran.stderr[-3000:], "install": how, "readonly": mode}
    report = json.loads(ran.stdout.strip().splitlines()[-1])
    report.update(install=how, readonly=mode, install_dir_changed=[name for name, _ in changed])
    return report


def problems(report: dict) -> list[str]:
    """점검 결과에서 문제만 (빈 목록이면 통과)."""
    if "error" in report:
        return [f"탐침이 실패했습니다: {report['error']}"]
    found = []
    if not report["non_editable"]:
        found.append(f"helpers가 편집 불가 설치에서 오지 않았습니다: {report['helpers_file']}")
    found += [f"helpers.{name} 임포트 실패: {msg}" for name, msg in report["imports"].items() if msg != "ok"]
    found += [f"그림 문제: {p}" for p in report["font"]["draw_problems"]]
    if report["leaked_modules"]:
        found.append(f"임포트하면 안 되는 모듈: {report['leaked_modules']}")
    if "noto" in report:
        if report["noto"]["family"] != "Noto Sans CJK KR":
            found.append(f"Noto CJK 글꼴 모음에서 한국어 글꼴을 고르지 못했습니다: {report['noto']}")
        found += [f"Noto 그림 문제: {p}" for p in report["noto"]["draw_problems"]]
    if report["install_dir_changed"]:
        found.append(f"읽기 전용이어야 할 설치 폴더에 쓴 파일: {report['install_dir_changed'][:5]}")
    for item in report["missing_dependencies"]:
        if item["package"] in {"seaborn"} and not (item["korean"] and item["names_package"] and item["says_how"]):
            found.append(f"{item['call']}: {item['package']}이 없을 때의 안내가 부족합니다: {item['message']}")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", default=[], help="점검할 파이썬 버전(예: 3.12) 또는 실행 파일 경로")
    parser.add_argument("--extra", action="append", default=[], help="함께 설치할 패키지 (예: 'matplotlib<3.11')")
    parser.add_argument("--json", action="store_true", help="결과를 JSON으로도 출력")
    args = parser.parse_args(argv)
    failed = False
    for wanted in args.python or [sys.executable]:
        python = wanted if os.sep in wanted else find_python(wanted)
        if python is None:
            print(f"== 파이썬 {wanted}: 이 컴퓨터에 없어 건너뜁니다 (pyenv install {wanted} 로 설치할 수 있습니다)")
            continue
        report = audit(python, args.extra)
        found = problems(report)
        failed |= bool(found)
        print(f"== {python} (Python {report.get('python', '?')}, matplotlib {report.get('matplotlib', '?')})")
        print(f"   설치: {report.get('install')} | 읽기 전용: {report.get('readonly')}")
        if "font" in report:
            font = report["font"]
            print(f"   글꼴: {font['family']} ← {font['source']} (번호 {font['face']}, {font['seconds']}초)")
        if "noto" in report:
            print(f"   Noto 글꼴 모음: {report['noto']['family']} (번호 {report['noto']['face']}) ← {report['noto']['file']}")
        for item in report.get("missing_dependencies", []):
            print(f"   {item['package']} 없음 → {item['call']}: {item['message'][:160]}")
        print("   통과" if not found else "   문제:\n" + "\n".join(f"    - {p}" for p in found))
        if args.json:
            print(json.dumps(report, ensure_ascii=False, indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
