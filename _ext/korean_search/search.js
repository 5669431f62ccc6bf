/*
 * 한국어 검색: 질문을 색인과 같은 단위로 자릅니다 (_ext/korean_search/__init__.py의 SearchKorean과 짝).
 * 빌드할 때 스핑크스가 이 코드를 language_data.js에 넣고, DATA 자리에 조사 목록과 장의 글자를 채웁니다.
 *
 * - KoreanSearch.words(질문): 한글 낱말은 끝의 조사·어미를 떼고(「퍼셉트론을」→「퍼셉트론」), 영문은 소문자로.
 * - splitQuery(질문): 한글 낱말은 음절 바이그램(한 음절 낱말은 그 음절)으로, 영문은 그대로. 스핑크스는 이 조각을
 *   모두 가진 쪽을 찾습니다. 색인도 본문을 같은 조각으로 잘라 두었으므로 조사가 달라도 찾힙니다.
 * - KoreanSearch.teaching(문서): 질문한 낱말을 그 장의 제목·학습 목표·요약·절 제목이 부르는 정도 (scorer.js가 씀).
 */
const KoreanSearch = (() => {
  const DATA = /*KOREAN_SEARCH_DATA*/null;
  const PARTICLES = DATA.particles;            // 긴 것부터
  const PARTICLE_SET = new Set(PARTICLES);
  const AMBIGUOUS = new Set(DATA.ambiguous);   // 낱말 끝 음절이기도 한 한 음절 조사
  const ORDER = Object.keys(DATA.profiles);    // 문서 이름 순서 = 장 번호 순서 (chapters/NN_…)
  const HANGUL_RUN = /^[\uac00-\ud7a3]+$/;

  const isHangul = (text) => HANGUL_RUN.test(text);

  const stripEnding = (word) => {
    for (const particle of PARTICLES) {
      const rest = word.length - particle.length;
      if (word.endsWith(particle) && rest >= (AMBIGUOUS.has(particle) ? 2 : 1)) return word.slice(0, rest);
    }
    return word;
  };

  const ngrams = (run) =>
    run.length < 2 ? [run] : Array.from({ length: run.length - 1 }, (_, i) => run.slice(i, i + 2));

  const words = (query) => {
    const out = [];
    for (const token of query.split(/[^\p{Letter}\p{Number}_]+/u)) {
      const runs = token.match(/[\uac00-\ud7a3]+|[^\uac00-\ud7a3]+/g) || [];
      runs.forEach((run, i) => {
        const last = i === runs.length - 1;
        if (isHangul(run)) {
          if (last && i > 0 && PARTICLE_SET.has(run)) return; // 「Dense를」의 「를」
          out.push(last ? stripEnding(run) : run);
        } else out.push(run.toLowerCase());
      });
    }
    return out.filter((w) => w);
  };

  const countOf = (text, word) => (word ? text.split(word).length - 1 : 0);

  // 제목이 부르면 100점(+ 제목에서 낱말이 차지하는 비율), 학습 목표·요약·절 제목에서 부를 때마다 10점(최대 90점).
  // 같은 점수면 앞 장이 앞에 옵니다.
  const teaching = (docname, query) => {
    const profile = DATA.profiles[docname];
    const ws = words(query || "");
    if (!profile || !ws.length) return 0;
    const phrase = ws.join(" ");
    const count = (text) => {
      const lower = text.toLowerCase();
      const n = countOf(lower, phrase);
      return n > 0 || ws.length === 1 ? n : Math.min(...ws.map((w) => countOf(lower, w)));
    };
    const title = profile.title.toLowerCase();
    const inTitle = count(title) > 0;
    const mentions = Math.min(count(profile.text), 9);
    if (!inTitle && !mentions) return 0;
    const titleScore = inTitle ? 100 + Math.round(10 * Math.min(1, phrase.length / Math.max(title.length, 1))) : 0;
    return titleScore + 10 * mentions + (ORDER.length - ORDER.indexOf(docname)) / 1000;
  };

  return { isHangul, stripEnding, ngrams, words, teaching, lastQuery: "" };
})();

var splitQuery = (query) => {
  KoreanSearch.lastQuery = query;
  const terms = [];
  for (const word of KoreanSearch.words(query)) {
    terms.push(...(KoreanSearch.isHangul(word) ? KoreanSearch.ngrams(word) : [word]));
  }
  return terms;
};

/*
 * 스핑크스는 세 글자 미만의 질문 조각을 '있으면 좋은' 조각으로 셉니다(영어의 짧은 낱말을 위한 규칙). 한글 조각은
 * 모두 한두 글자이므로 세 글자 이상인 영문 낱말과 함께 물으면 한글 없이도 결과가 됩니다(「함수형 API」가 「API」만
 * 쓴 쪽을 찾음). 그래서 본문 검색 결과 가운데 한글 조각을 모두 가진 쪽만 남깁니다.
 */
const koreanRequirePieces = () => {
  if (typeof Search === "undefined" || !Search.performTermsSearch || Search.koreanPatched) return;
  const performTermsSearch = Search.performTermsSearch;
  const has = (files, i) => files !== undefined && (files === i || (Array.isArray(files) && files.includes(i)));
  Search.performTermsSearch = (searchTerms, excludedTerms) => {
    const pieces = [...searchTerms].filter((term) => KoreanSearch.isHangul(term));
    const { terms, titleterms, docnames } = Search._index;
    return performTermsSearch(searchTerms, excludedTerms).filter((result) => {
      const i = docnames.indexOf(result[0]);
      return pieces.every((piece) => has(terms[piece], i) || has(titleterms[piece], i));
    });
  };
  Search.koreanPatched = true;
};
koreanRequirePieces();  // 검색 쪽에서는 searchtools.js가 이 스크립트보다 먼저 실립니다
document.addEventListener("DOMContentLoaded", koreanRequirePieces);
