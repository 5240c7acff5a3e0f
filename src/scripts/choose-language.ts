// The root page sends readers to the language their browser prefers; without JavaScript it is a
// plain page with a link to each language.
const links = document.querySelectorAll<HTMLAnchorElement>('[data-language-choice] a[data-lang]');
const preferred =
  navigator.languages
    .find((code) => /^(zh|en)\b/i.test(code))
    ?.slice(0, 2)
    .toLowerCase() ?? 'en';
const target = [...links].find((link) => link.dataset.lang === preferred);
if (target) location.replace(target.href);
