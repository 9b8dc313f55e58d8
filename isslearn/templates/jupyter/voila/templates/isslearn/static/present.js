/* isslearn presenter view: the keys a teacher (or a presenter's remote) scrolls with.
 *
 * Voilà shows the lesson in a scrolling panel, not as the page itself, so until someone
 * clicks into it Page Down, Space and the arrow keys scroll nothing. Here they scroll the
 * lesson whenever no control has the keyboard; a focused slider or list keeps its own keys.
 */
(function () {
  "use strict";

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    var cells = document.getElementById("rendered_cells");
    if (!cells || (target !== document.body && target !== document.documentElement && target !== cells)) {
      return;
    }
    var screen = cells.clientHeight * 0.85;
    var line = 48;
    var moves = {
      PageDown: screen,
      PageUp: -screen,
      " ": event.shiftKey ? -screen : screen,
      ArrowDown: line,
      ArrowUp: -line,
      Home: -cells.scrollHeight,
      End: cells.scrollHeight,
    };
    if (!Object.prototype.hasOwnProperty.call(moves, event.key)) return;
    cells.scrollBy({ top: moves[event.key] });
    event.preventDefault();
  });
})();
