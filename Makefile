# 케라스로 배우는 딥러닝 — 두 명령이면 충분합니다:
#   make book   책을 빌드합니다 (_build/html/index.html)
#   make test   모든 테스트를 실행합니다 (노트북 실행, 품질 검사, 브라우저 검사)
# 둘 다 필요한 것(가상 환경, 패키지, 시스템 패키지)을 스스로 설치합니다.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= 2

# 오프라인 데이터 미러: 저장소 옆 ../shared/datasets 가 있으면 로더가 그것을 읽습니다.
# 다른 위치라면 `make test DATA_MIRROR=/경로/datasets`.
DATA_MIRROR ?= $(abspath ../shared/datasets)
ifneq ($(wildcard $(DATA_MIRROR)/keras/datasets),)
KERAS_HOME_DIR := $(abspath _build/keras_home)
export KERAS_HOME := $(KERAS_HOME_DIR)
export DLBOOK_DATA_MIRROR := $(DATA_MIRROR)
export SCIKIT_LEARN_DATA := $(DATA_MIRROR)/sklearn
endif
export PYTHONUNBUFFERED := 1

NOTEBOOKS := $(shell $(PYTHON) tools/toc_notebooks.py)

.PHONY: help book test setup system-deps data unit notebooks book-from-cache browser pdf glossary strip set-repository nbtest sweep benchmark benchmark-threads runtime-page clean

help:
	@echo "make book   — 책 빌드 (_build/html/index.html)"
	@echo "make test   — 모든 테스트"
	@echo "make pdf    — 인쇄용 PDF (_build/latex/book.pdf)와 그 검사"
	@echo "make nbtest NB=chapters/01_perceptron.ipynb — 노트북 하나만 실행"
	@echo "make benchmark [NB=chapters/…] [RUNS=3] — 장별 시간·메모리·대표 결과와 노트의 레시피 비교 (benchmarks/README.md)"
	@echo "make sweep NB=chapters/… — 여러 시드로 실행해 glue 값의 최소·최대 보기"
	@echo "make glossary / make strip / make set-repository URL=https://github.com/..."

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q -e . --no-deps
	touch $@

setup: $(STAMP)

system-deps:
	@bash tools/install_system_deps.sh $(SYSTEM_DEPS)

data:
ifdef KERAS_HOME_DIR
	@mkdir -p $(KERAS_HOME_DIR)
	@ln -sfn $(DATA_MIRROR)/keras/datasets $(KERAS_HOME_DIR)/datasets
	@echo "오프라인 데이터 미러 사용: KERAS_HOME=$(KERAS_HOME) SCIKIT_LEARN_DATA=$(SCIKIT_LEARN_DATA)"
else
	@echo "오프라인 데이터 미러($(DATA_MIRROR))가 없어 로더가 인터넷에서 내려받습니다."
endif

# ---- 책 -------------------------------------------------------------------
# 빌드 명령은 book-from-cache 한 곳에 있습니다 (make test도 같은 명령으로 빌드합니다).
book: SYSTEM_DEPS = book
book: setup system-deps data book-from-cache
	@echo "책: $(abspath _build/html/index.html)"

# ---- 테스트 ---------------------------------------------------------------
# 노트북은 한 번만 실행합니다: pytest --nbmake로 복사본(.nbexec/, nbmake는 _build 아래를 건너뜁니다)을 실행하고(-n $(JOBS)),
# 그 결과를 책 빌드 캐시에 넣은 뒤 책을 빌드하므로 빌드가 노트북을 다시 실행하지 않습니다.
test: SYSTEM_DEPS = book browser test
test: setup system-deps data unit notebooks book-from-cache browser
	@echo "모든 테스트 통과"

unit:
	$(BIN)/python -m pytest -m "not browser and not pdf" -q

# 노트북 두 개를 동시에 실행할 때 커널마다 텐서플로·BLAS 스레드를 1개로 제한합니다. 2코어에서 두 커널이 저마다 스레드
# 풀을 만들면 서로 CPU를 빼앗습니다. 조용한 기계에서 잰 결과(benchmarks/ci_parallelism.json, 2회): 제한 없는 -n 2보다
# 벽시계 0.92배·0.86배, CPU 시간 0.88배. 학습자의 노트북 실행과 make benchmark에는 적용하지 않습니다.
NB_THREADS := TF_NUM_INTRAOP_THREADS=1 TF_NUM_INTEROP_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

notebooks:
	$(BIN)/python tools/build_guard.py prepare
	rm -rf .nbexec && mkdir -p .nbexec/chapters
	cp $(NOTEBOOKS) .nbexec/chapters/
	$(NB_THREADS) $(BIN)/python -m pytest --nbmake --overwrite -n $(JOBS) --durations=0 .nbexec/chapters -q
	$(BIN)/python tools/cache_executed.py .nbexec/chapters

# build_guard: helpers/·requirements.txt가 바뀌었거나 지난 빌드가 실패했으면 캐시·Sphinx 환경을 지우고(prepare),
# 빌드가 끝나면 모든 쪽에 실행 오류(traceback)가 없는지 HTML을 검사합니다(verify). tools/build_guard.py 참고.
book-from-cache:
	$(BIN)/python tools/build_guard.py prepare
	$(BIN)/jupyter-book build -W -n --keep-going .
	$(BIN)/python tools/build_guard.py verify

browser:
	$(BIN)/python -m pytest -m browser -q

# ---- PDF ------------------------------------------------------------------
# XeLaTeX + kotex. 노트북 실행 결과는 책 빌드의 캐시(_build/.jupyter_cache)를 다시 씁니다(make test/book 뒤라면
# 다시 실행하지 않음). 실패한 LaTeX 실행이 남긴 _build/latex는 다음 실행을 망가뜨리므로 매번 지우고 시작합니다.
pdf: SYSTEM_DEPS = pdf
pdf: setup system-deps data
	rm -rf _build/latex
	$(BIN)/python tools/build_guard.py prepare
	$(BIN)/jupyter-book build -W -n --keep-going --builder pdflatex .
	$(BIN)/python -m pytest -m pdf -q
	@echo "PDF: $(abspath _build/latex/book.pdf)"

# 속도·메모리 예산은 테스트가 아니라 벤치마크에 있습니다 (benchmarks/budgets.yml, benchmarks/README.md).
#   make benchmark                       전체: 목차의 모든 장 + 노트의 레시피, RUNS회씩 → benchmarks/results.json, docs/runtime.md
#   make benchmark NB=chapters/04_….ipynb 그 장의 행만 다시 재기
#   make benchmark-threads               CI의 nbmake 병렬 실행 설정 비교 (benchmarks/threads.py)
RUNS ?= 3
benchmark: setup data
	$(BIN)/python benchmarks/run.py --runs $(RUNS) $(if $(NB),--nb $(NB))

THREADS_ARGS ?=
benchmark-threads: setup data
	$(BIN)/python benchmarks/threads.py $(THREADS_ARGS)

runtime-page: setup
	$(BIN)/python tools/runtime_page.py

nbtest: setup data
	$(BIN)/python -m pytest --nbmake $(NB)

# 시드 훑기 (CI가 아닌 일회성 측정): make sweep NB=chapters/02_mlp_backprop.ipynb [SEEDS="0 1 42"]
SEEDS ?= 0 1 2 3 4 5 6 7 8 9 42
sweep: setup data
	$(BIN)/python tools/seed_sweep.py $(NB) --seeds "$(SEEDS)"

# ---- 집필 도구 -------------------------------------------------------------
glossary: setup
	$(BIN)/python tools/build_glossary.py

strip: setup
	$(BIN)/python tools/nbtools.py chapters/*.ipynb templates/*.ipynb

set-repository: setup
	$(BIN)/python tools/set_repository.py "$(URL)"

clean:
	rm -rf _build
