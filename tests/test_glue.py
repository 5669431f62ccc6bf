"""측정값은 glue로: 본문에 손으로 적은 측정 수치를 찾는 검사와 그 허용 목록."""

import pytest

import quality

ALLOW = quality.load_glue_allowlist()
TEXTS = quality.measured_texts()
FILES = sorted({file for file, _, _ in TEXTS})


@pytest.mark.parametrize("file", FILES)
def test_measured_numbers_are_glued(file):
    texts = [t for t in TEXTS if t[0] == file]
    assert quality.unglued_number_problems(texts, ALLOW) == []


def test_allowlist_entries_are_all_used():
    used: set[int] = set()
    quality.unglued_number_problems(TEXTS, ALLOW, used)
    stale = [entry for k, entry in enumerate(ALLOW) if k not in used]
    assert stale == [], f"어느 본문에도 맞지 않는 허용 목록 항목(지우세요): {stale}"


def _check(text, allow=()):
    return quality.unglued_number_problems([("99_x.ipynb", "planted", quality.prose(text))], list(allow))


@pytest.mark.parametrize(
    "text",
    ["테스트 정확도는 0.887입니다.", "검증 손실이 0.31까지 내려갔습니다.", "정확도 89.5%를 얻었습니다.",
     "한 에포크에 약 20초가 걸렸습니다.", "이 장은 2.5초 만에 끝납니다.", "평균 절대 오차(MAE)는 2.41이었습니다."],
)
def test_planted_hand_typed_measurements_are_caught(text):
    assert _check(text)


@pytest.mark.parametrize(
    "text",
    ["테스트 정확도는 {glue:text}`test_acc:.3f`입니다.", "학습률 0.001로 10 에포크 훈련합니다.",
     "## 3.5 출력층과 손실 함수", "He 초기화를 씁니다. 정확도 계산은 `np.mean(pred == y)`입니다.",
     "손실은 $-\\ln 0.7 \\approx 0.357$입니다.", "배치 크기 32, 에포크 30", "```python\nacc = 0.91  # 정확도\n```"],
)
def test_glued_settings_and_theory_are_not_flagged(text):
    assert _check(text) == []


def test_allowlist_entry_passes_and_is_counted():
    allow = [{"file": "99_x.ipynb", "pattern": r"무작위 추측.*50%", "reason": "두 클래스의 이론값"}]
    used: set[int] = set()
    assert quality.unglued_number_problems(
        [("99_x.ipynb", "planted", "무작위 추측의 정확도는 50%입니다.")], allow, used) == []
    assert used == {0}


def test_allowlist_needs_a_reason(tmp_path):
    path = tmp_path / "allow.yml"
    path.write_text("- {file: a.ipynb, pattern: '0.5', reason: ''}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reason"):
        quality.load_glue_allowlist(path)
