/*
 * 검색 결과 순위 (html_search_scorer). 스핑크스의 기본 점수(searchtools.js의 Scorer와 같은 값)에 더해,
 * 질문한 낱말을 가르치는 장(제목·학습 목표·요약·절 제목이 그 낱말을 부르는 장)을 다른 모든 결과보다 앞에 둡니다.
 * 스핑크스의 본문 검색은 낱말이 있는 쪽에 모두 같은 점수를 주므로, 이것이 없으면 장 제목의 가나다순이 됩니다.
 */
var Scorer = {
  score: (result) => {
    const [docname, title, anchor, descr, score] = result;
    if (KoreanSearch.highlighted !== KoreanSearch.lastQuery && typeof SPHINX_HIGHLIGHT_ENABLED !== "undefined" && SPHINX_HIGHLIGHT_ENABLED) {
      // 쪽을 열었을 때 강조할 낱말: 바이그램 조각이 아니라 조사를 뗀 낱말 (「퍼셉트론」)
      localStorage.setItem("sphinx_highlight_terms", KoreanSearch.words(KoreanSearch.lastQuery).join(" "));
      KoreanSearch.highlighted = KoreanSearch.lastQuery;
    }
    const teaching = KoreanSearch.teaching(docname, KoreanSearch.lastQuery);
    return teaching > 0 ? score + 1000 + teaching : score;
  },

  // 아래는 스핑크스 7.4 searchtools.js의 기본값 그대로입니다.
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,
};
