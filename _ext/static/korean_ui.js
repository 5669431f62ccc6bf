/*
 * 브라우저에서 만들어지는 영어 문구를 한국어로 (지역 확장 _ext/korean_ui.py가 copybutton.js, togglebutton.js 뒤에 싣습니다).
 *
 * - sphinx-copybutton: 언어별 문구 표(messages)에 한국어가 없어 영어("Copy", "Copied!")가 나옵니다.
 *   copybutton.js의 전역 변수 messages/locale/iconCopy/iconCheck는 스크립트 사이에서 함께 쓰이므로, 단추를 만들기
 *   (DOMContentLoaded) 전에 한국어를 넣습니다.
 * - sphinx-togglebutton: 접기 단추의 aria-label이 영어("Toggle hidden content")로 고정되어 있어 단추를 만든 뒤 고칩니다.
 */
"use strict";

if (typeof messages !== "undefined" && document.documentElement.lang === "ko") {
  messages.ko = {
    copy: "복사",
    copy_to_clipboard: "클립보드에 복사",
    copy_success: "복사했습니다",
    copy_failure: "복사하지 못했습니다",
  };
  locale = "ko";
  const retitle = (svg, text) => svg.replace(/<title>[^<]*<\/title>/, `<title>${text}</title>`);
  iconCopy = retitle(iconCopy, messages.ko.copy_to_clipboard);
  iconCheck = retitle(iconCheck, messages.ko.copy_success);
}

const koreanToggleLabels = () => {
  document.querySelectorAll("button.toggle-button").forEach((button) => {
    button.setAttribute("aria-label", "숨긴 내용 펼치기·접기");
  });
};

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", koreanToggleLabels);
} else {
  koreanToggleLabels();
}
