"""측정 도구: 노트북 하나를 새 커널에서 실행하며 재기, 스크립트 하나를 새 프로세스로 실행하며 재기, 기계 설명.

- 노트북: 커널이 준비된 뒤 첫 셀부터 마지막 셀까지의 벽시계 시간, 그동안 커널 프로세스가 쓴 CPU 시간
  (user+sys, 커널이 띄운 자식 프로세스 포함), 커널 프로세스 트리의 최대 상주 메모리(RSS), 노트북이 glue로 붙인
  ``headline_*`` 값. 최대 메모리는 커널의 ``VmHWM``(리눅스가 기록하는 RSS 최고점, 놓치는 순간이 없음)과
  0.1초마다 잰 프로세스 트리 RSS 합의 최고점 가운데 큰 값입니다.
- 스크립트: ``os.wait4``가 돌려주는 자식 프로세스의 CPU 시간과 ``ru_maxrss``(최대 RSS).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat
import psutil
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parents[1]
HEADLINE_PREFIX = "headline_"
GLUE_PREFIX = "application/papermill.record/"


# ---------------------------------------------------------------------------
# glue로 붙인 값
# ---------------------------------------------------------------------------


def glued_values(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """실행된 노트북에서 glue로 붙인 값 {이름: 값} (helpers.glue와 myst-nb가 내보내는 형식)."""
    import ast

    values: dict[str, Any] = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("scrapbook")
            if not meta:
                continue
            text = out.get("data", {}).get(meta.get("mime_prefix", GLUE_PREFIX) + "text/plain")
            if text is None:
                continue
            try:
                values[meta["name"]] = ast.literal_eval(text)
            except (ValueError, SyntaxError):
                values[meta["name"]] = text
    return values


def headline_values(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """장의 대표 결과: 이름이 ``headline_`` 으로 시작하는 glue 값."""
    return {k: v for k, v in glued_values(nb).items() if k.startswith(HEADLINE_PREFIX)}


def notebook_title(nb: nbformat.NotebookNode) -> str:
    """첫 마크다운 셀의 ``# 제목`` (없으면 빈 문자열)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+?)\s*$", cell.source, re.M)
            if m:
                return m.group(1)
    return ""


# ---------------------------------------------------------------------------
# 프로세스 측정
# ---------------------------------------------------------------------------


def _vm_hwm(pid: int) -> int:
    """리눅스 /proc/PID/status의 VmHWM (RSS 최고점, 바이트). 읽을 수 없으면 0."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    m = re.search(r"^VmHWM:\s+(\d+)\s+kB", text, re.M)
    return int(m.group(1)) * 1024 if m else 0


def _cpu_seconds(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system + getattr(t, "children_user", 0.0) + getattr(t, "children_system", 0.0)


class TreeWatcher:
    """프로세스 하나와 그 자손의 RSS 합을 주기적으로 재어 최고점을 기억합니다."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _sample(self) -> None:
        try:
            procs = [self.proc, *self.proc.children(recursive=True)]
        except psutil.Error:
            return
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        self.peak = max(self.peak, total)

    def _watch(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeWatcher":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()


def _kernel_pid(client: NotebookClient) -> int:
    km = client.km
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None)
    if process is None:
        raise RuntimeError("커널 프로세스를 찾지 못했습니다 (로컬 커널만 잴 수 있습니다).")
    return process.pid


async def _execute(client: NotebookClient, record: dict[str, Any]) -> None:
    from jupyter_core.utils import ensure_async

    client.reset_execution_trackers()
    launched = time.perf_counter()
    async with client.async_setup_kernel():
        assert client.kc is not None
        info = await client.async_wait_for_reply(await ensure_async(client.kc.kernel_info()))
        if info is not None and "language_info" in info["content"]:
            client.nb.metadata["language_info"] = info["content"]["language_info"]
        pid = _kernel_pid(client)
        kernel = psutil.Process(pid)
        record["startup_s"] = time.perf_counter() - launched
        cpu0 = _cpu_seconds(kernel)
        start = time.perf_counter()
        with TreeWatcher(pid) as watcher:
            try:
                for index, cell in enumerate(client.nb.cells):
                    await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            finally:
                record["wall_s"] = time.perf_counter() - start
                record["cpu_s"] = _cpu_seconds(kernel) - cpu0
                record["peak_rss_bytes"] = max(_vm_hwm(pid), watcher.peak)


def run_notebook(path: Path, *, timeout: int | None = None) -> dict[str, Any]:
    """노트북 하나를 새 커널에서 처음부터 끝까지 실행하며 잽니다 (셀 작업 폴더는 노트북 폴더).

    Returns:
        ``wall_s``, ``cpu_s``, ``startup_s``, ``peak_rss_bytes``, ``headline``, ``title``, ``error``
        (실패하면 오류 요약, 성공하면 ``None``).
    """
    nb = nbformat.read(path, as_version=4)
    timeout = timeout or nb.metadata.get("execution", {}).get("timeout", 600)
    client = NotebookClient(nb, timeout=timeout, resources={"metadata": {"path": str(path.parent)}})
    record: dict[str, Any] = {"title": notebook_title(nb), "error": None}
    try:
        asyncio.run(_execute(client, record))
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc))  # 색 코드 제거
        lines = [line for line in text.splitlines() if line.strip()]
        errors = [line for line in lines if "Error" in line]
        record["error"] = (errors[-1] if errors else lines[-1] if lines else repr(exc))[:500]
    record["headline"] = headline_values(client.nb)
    return record


def run_script(argv: list[str], *, timeout: float = 3600, env: dict[str, str] | None = None) -> dict[str, Any]:
    """파이썬 스크립트 하나를 새 프로세스로 실행하고, 스크립트가 ``--json``에 쓴 결과에 프로세스 측정을 더합니다.

    ``os.wait4``로 기다리므로 CPU 시간(user+sys)과 최대 RSS(``ru_maxrss``)를 커널이 센 그대로 얻습니다.
    """
    with tempfile.TemporaryDirectory(prefix="dlbook-bench-") as tmp:
        out, log = Path(tmp) / "result.json", Path(tmp) / "log.txt"
        with open(log, "w") as log_file:
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, *argv, "--json", str(out)], cwd=ROOT,
                                    stdout=log_file, stderr=subprocess.STDOUT, env=env)
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        measured = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
                    "peak_rss_bytes": usage.ru_maxrss * 1024}
        text = log.read_text(errors="replace")
        if proc.returncode != 0 or not out.is_file():
            tail = "\n".join(text.strip().splitlines()[-15:])
            return {"error": f"종료 코드 {proc.returncode}: {tail}", "process": measured}
        result = json.loads(out.read_text(encoding="utf-8"))
        result["process"] = measured
        result["error"] = None
        return result


# ---------------------------------------------------------------------------
# 기계 설명
# ---------------------------------------------------------------------------


def _version(*names: str) -> str | None:
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def gpu_names() -> list[str]:
    """``nvidia-smi``가 보고하는 GPU 이름 (없으면 빈 목록)."""
    exe = shutil.which("nvidia-smi")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, "--query-gpu=name", "--format=csv,noheader"], capture_output=True,
                             text=True, timeout=30, check=True).stdout
    except (subprocess.SubprocessError, OSError):
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


def describe_machine() -> dict[str, Any]:
    """결과 파일에 적는 기계 설명 (코어 수, CPU 모델, 메모리, 소프트웨어 버전, 날짜)."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - 리눅스가 아닌 곳
        usable = os.cpu_count() or 0
    return {
        "cpu_model": _cpu_model(),
        "logical_cores": os.cpu_count(),
        "usable_cores": usable,
        "physical_cores": psutil.cpu_count(logical=False),
        "memory_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "gpus": gpu_names(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "tensorflow": _version("tensorflow-cpu", "tensorflow", "tensorflow-intel"),
        "keras": _version("keras"),
        "numpy": _version("numpy"),
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def fingerprint(machine: dict[str, Any]) -> str:
    """같은 기계·같은 소프트웨어인지 가리는 짧은 문자열 (날짜 제외)."""
    return "|".join(str(machine.get(k)) for k in ("cpu_model", "usable_cores", "tensorflow", "keras", "python"))


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:  # pragma: no cover
        return []
