"""교재 「케라스로 배우는 딥러닝」의 노트북이 함께 쓰는 작은 도우미 모음.

모듈마다 한 가지 일만 합니다.

- :mod:`helpers.environment` — 시드 고정, 실행 환경 보고, 조용한 TensorFlow 임포트
- :mod:`helpers.plotting` — 한글 글꼴 설정, 학습 곡선 그림
- :mod:`helpers.datasets` — ``keras.datasets``/``sklearn.datasets`` 얇은 래퍼, 멀티-핫 인코딩
- :mod:`helpers.checks` — 노트북 끝의 숨은 결과 확인(assert) 셀용 함수
- :mod:`helpers.glue` — 측정한 수를 책 본문에 붙이기 (myst-nb ``glue`` 와 같은 출력)

무거운 라이브러리(TensorFlow 등)는 각 모듈이 필요할 때 가져오므로
``import helpers``는 가볍습니다.
"""

__version__ = "0.1.0"

__all__ = ["checks", "datasets", "environment", "glue", "plotting"]
