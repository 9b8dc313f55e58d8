/* The lessons' website as the presenter fallback: a "Present" button on every lesson page.
 *
 * When the room has no network or no kernel, a teacher projects the website instead of
 * `isslearn present`. The button (or opening the page with ?present in its address) switches
 * the page to large type, code hidden, no sidebars, one section of the lesson per screen
 * (present.css). Keys: Page Down, Right arrow or Space for the next screen (a section taller
 * than the screen is scrolled first), Page Up or Left arrow for the previous one, Home for the
 * start, Escape to leave. A presenter's remote sends Page Down and Page Up. Nothing is loaded
 * from anywhere: this file and present.css are all of it.
 */
(function () {
  "use strict";

  var PRESENT = "isslearn-present";
  var root = document.documentElement;
  // The words are the site language's (docs/words.toml, docs/<code>/words.toml): conf.py sets
  // window.ISSLEARN_PRESENT_WORDS on every page; English when a page has none.
  var WORDS = window.ISSLEARN_PRESENT_WORDS || {
    button: "Present",
    title: "Project this lesson: large type, no code, one section per screen",
    bar: "Presentation",
    previous: "Previous",
    next: "Next",
    leave: "Leave"
  };

  function lessonArticle() {
    var article = document.querySelector("article.bd-article");
    return article && article.querySelector(".cell") ? article : null;
  }

  // The screens: each second-level section of the lesson (the title shows above the first).
  function screens(article) {
    return Array.prototype.filter.call(article.querySelectorAll("section"), function (s) {
      return s.querySelector(":scope > h2") !== null;
    });
  }

  function top(element) {
    return element.getBoundingClientRect().top + window.scrollY;
  }

  // Where the section's content ends (its box is at least a screen tall, mostly empty).
  function contentBottom(section) {
    var bottom = top(section);
    Array.prototype.forEach.call(section.children, function (child) {
      var box = child.getBoundingClientRect();
      if (box.height) bottom = Math.max(bottom, box.bottom + window.scrollY);
    });
    return bottom;
  }

  function current(list) {
    var now = 0;
    list.forEach(function (screen, index) {
      if (index === 0 || top(screen) <= window.scrollY + 8) now = index;
    });
    return now;
  }

  function show(list, index) {
    var target = index <= 0 ? 0 : top(list[index]);
    window.scrollTo({ top: target, behavior: "auto" });
    status(list, index);
  }

  function status(list, index) {
    var label = document.querySelector(".isslearn-present-where");
    if (label) label.textContent = (index + 1) + " / " + list.length;
  }

  function step(list, direction) {
    if (!list.length) return;
    var index = current(list);
    var screen = list[index];
    if (direction > 0) {
      var end = window.scrollY + window.innerHeight;
      var rest = contentBottom(screen) - end;
      if (rest > 48) {  // a long section: show the rest of it before moving on
        window.scrollBy({ top: Math.min(rest + 24, window.innerHeight * 0.85) });
        return;
      }
      if (index < list.length - 1) show(list, index + 1);
    } else if (window.scrollY > (index <= 0 ? 0 : top(screen)) + 8) {
      show(list, index);  // back to the top of this section first
    } else {
      show(list, Math.max(0, index - 1));
    }
  }

  function controls(list, leave) {
    var bar = document.createElement("nav");
    bar.className = "isslearn-present-controls";
    bar.setAttribute("aria-label", WORDS.bar);
    [
      [WORDS.previous, function () { step(list, -1); }],
      [WORDS.next, function () { step(list, 1); }],
      [WORDS.leave, leave],
    ].forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = item[0];
      button.addEventListener("click", item[1]);
      bar.appendChild(button);
    });
    var where = document.createElement("span");
    where.className = "isslearn-present-where";
    bar.insertBefore(where, bar.lastChild);
    return bar;
  }

  function setUp(article) {
    var list = screens(article);
    var bar = null;

    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var inControl = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
      if (inControl) return;
      var key = event.key;
      if (key === "PageDown" || key === "ArrowRight" || (key === " " && !event.shiftKey)) {
        step(list, 1);
      } else if (key === "PageUp" || key === "ArrowLeft" || (key === " " && event.shiftKey)) {
        step(list, -1);
      } else if (key === "Home") {
        show(list, 0);
      } else if (key === "Escape") {
        leave();
      } else {
        return;
      }
      event.preventDefault();
    }

    function onScroll() { status(list, current(list)); }

    function enter() {
      root.classList.add(PRESENT);
      bar = controls(list, leave);
      document.body.appendChild(bar);
      document.addEventListener("keydown", onKey);
      window.addEventListener("scroll", onScroll, { passive: true });
      history.replaceState(null, "", location.pathname + "?present" + location.hash);
      show(list, list.length ? current(list) : 0);
    }

    function leave() {
      root.classList.remove(PRESENT);
      if (bar) bar.remove();
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", onScroll);
      history.replaceState(null, "", location.pathname + location.hash);
    }

    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm isslearn-present-button";
    button.textContent = WORDS.button;
    button.title = WORDS.title;
    button.addEventListener("click", enter);
    var buttons = document.querySelector(".article-header-buttons");
    if (buttons) buttons.insertBefore(button, buttons.firstChild);

    if (/(^|[?&])present(=|&|$)/.test(location.search.slice(1))) enter();
  }

  function start() {
    var article = lessonArticle();
    if (article) setUp(article);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
