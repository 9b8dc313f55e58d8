"""What every explorer shares: controls on top, a picture and a caption below, one redraw.

See :mod:`isslearn.widgets` for the promise every explorer keeps.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import ipywidgets as w
from traitlets import TraitError

from ..errors import SettingsError
from ..language import N_
from ..language import gettext as _
from ..plots.chart import Chart, LiveFigure, png_bytes

__all__ = [
    "ANY_AGENCY",
    "LABEL_STYLE",
    "WIDE",
    "ChartExplorer",
    "Explorer",
    "caption_html",
    "image_widget",
]

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler


WIDE = {"width": "95%"}
LABEL_STYLE = {"description_width": "initial"}
ANY_AGENCY = N_("(any, or none)")  # a value; its label goes through gettext


def image_widget(png: bytes) -> w.Image:
    image = w.Image(value=png, format="png", layout={"max_width": "100%"})
    image.add_class("isslearn-figure")
    return image


def caption_html(text: str) -> str:
    return f"<p><em>{html.escape(text)}</em></p>"


#: What an explorer shows: a Chart, or a pandas Styler for the expedition card.
ShownT = TypeVar("ShownT", bound="Chart | Styler")


class Explorer(w.VBox, Generic[ShownT]):
    """What every explorer is: ``controls`` (by name) above a ``picture`` and a ``caption``,
    and below them any ``extra`` widgets, all made in the constructor.

    Subclasses say how to show the current settings (:meth:`_show`) and what they show
    (:attr:`chart`); moving a control in the browser and calling :meth:`update` take the same
    path.
    """

    def __init__(
        self,
        controls: dict[str, w.Widget],
        picture: w.Widget,
        caption: w.HTML | None = None,
        layout_controls: w.Widget | None = None,
        extra: Sequence[w.Widget] = (),
    ) -> None:
        self.controls = controls
        self.picture = picture
        self.caption = caption
        box = layout_controls or w.HBox(list(controls.values()))
        shown = [box, picture, *([caption] if caption is not None else []), *extra]
        super().__init__(shown)
        self.add_class("isslearn-widget")
        for control in controls.values():
            control.observe(self._on_change, names="value")

    @property
    def values(self) -> dict[str, Any]:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    @property
    def chart(self) -> ShownT:
        """The static figure of what the explorer shows now."""
        raise NotImplementedError

    def forget(self) -> None:
        """Drop remembered pictures: the next setting is drawn afresh (an explorer that
        remembers nothing has nothing to drop)."""

    def _show(self) -> None:
        """Draw the controls' current values into the picture and the caption."""
        raise NotImplementedError

    def _on_change(self, _change: dict) -> None:
        self._show()

    def _set_caption(self, text: str) -> None:
        if self.caption is not None:
            self.caption.value = caption_html(text)

    def update(self, **values: Any) -> ShownT:
        """Set any controls given by name, redraw once, and return :attr:`chart`."""
        unknown = set(values) - set(self.controls)
        if unknown:
            raise SettingsError(
                _("{widget} has no control {name}; its controls are {controls}").format(
                    widget=type(self).__name__,
                    name=repr(sorted(unknown)[0]),
                    controls=", ".join(self.controls),
                )
            )
        for name, value in values.items():
            control = self.controls[name]
            control.unobserve(self._on_change, names="value")
            try:
                control.value = value
            except (TraitError, ValueError, TypeError) as error:  # the control's own check
                raise SettingsError(
                    _("{widget} cannot set {name} to {value}; {takes}").format(
                        widget=type(self).__name__,
                        name=name,
                        value=repr(value),
                        takes=_takes(control),
                    )
                ) from error
            finally:
                control.observe(self._on_change, names="value")
        self._show()
        return self.chart


class ChartExplorer(Explorer[Chart]):
    """Controls on top, then the figure as a PNG, then its description as a caption.

    ``draw(**values)`` is any function returning a :class:`Chart`; each control's value is
    passed by name, so ``explorer.update(start="2001-01-01")`` redraws without a browser.

    With ``live`` (a :class:`~isslearn.plots.chart.LiveFigure`), ``draw`` changes that one figure in
    place and only its changing artists are drawn again. The last ``remember`` pictures are
    kept by control values, so going back to a setting shows its picture at once. A control
    with a few fixed values (a toggle) can have all its pictures drawn up front: ``fixed``
    lists their settings, and those pictures are never forgotten.
    """

    caption: w.HTML  # always given

    def __init__(
        self,
        controls: dict[str, w.Widget],
        draw: Callable[..., Chart],
        layout_controls: w.Widget | None = None,
        live: LiveFigure | None = None,
        remember: int = 16,
        fixed: Iterable[dict[str, Any]] = (),
        extra: Sequence[w.Widget] = (),
    ) -> None:
        self._draw = draw
        self.live = live
        self.remember = remember
        self._pictures: OrderedDict[Hashable, tuple[Chart, bytes]] = OrderedDict()
        self._fixed: dict[Hashable, tuple[Chart, bytes]] = {}
        for values in fixed:
            chart = draw(**values)
            self._fixed[_cache_key(values)] = (chart, self._png(chart))
        self._chart, png = self._picture({n: c.value for n, c in controls.items()})
        super().__init__(
            controls,
            image_widget(png),
            w.HTML(caption_html(self._chart.description)),
            layout_controls,
            extra,
        )

    @property
    def image(self) -> w.Image:
        """The picture as an Image widget."""
        return self.picture

    @property
    def chart(self) -> Chart:
        """The Chart shown now."""
        return self._chart

    def _png(self, chart: Chart) -> bytes:
        return self.live.png() if self.live is not None else png_bytes(chart.figure, level=1)

    def _picture(self, values: dict[str, Any]) -> tuple[Chart, bytes]:
        key = _cache_key(values)
        known = self._fixed.get(key) if key is not None else None
        if known is None and key is not None:
            known = self._pictures.get(key)
            if known is not None:
                self._pictures.move_to_end(key)
        if known is not None:
            chart, png = known
            if self.live is not None:  # one shared figure: bring it to this setting
                chart = self._draw(**values)
            return chart, png
        chart = self._draw(**values)
        png = self._png(chart)
        if key is not None and self.remember > 0:
            self._pictures[key] = (chart, png)
            while len(self._pictures) > self.remember:
                self._pictures.popitem(last=False)
        return chart, png

    def forget(self) -> None:
        """Drop the remembered pictures (the fixed ones drawn up front stay)."""
        self._pictures.clear()

    def _show(self) -> None:
        self._chart, png = self._picture(self.values)
        self.picture.value = png
        self._set_caption(self._chart.description)


def _cache_key(values: dict[str, Any]) -> Hashable | None:
    """The control values as a dictionary key, or None when a value cannot be one."""
    key = tuple(values.items())
    try:
        hash(key)
    except TypeError:
        return None
    return key


def _takes(control: w.Widget) -> str:
    """What a control accepts, in words: its options, or its range."""
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in options]
        shown = ", ".join(repr(v) for v in values[:12]) + (", ..." if len(values) > 12 else "")
        if isinstance(control, w.SelectionRangeSlider | w.IntRangeSlider):
            return _("give a (first, last) pair from: {values}").format(values=shown)
        if isinstance(control, w.SelectMultiple):
            return _("give a tuple of any of: {values}").format(values=shown)
        return _("choose one of: {values}").format(values=shown)
    low, high = getattr(control, "min", None), getattr(control, "max", None)
    if low is not None and high is not None:
        if isinstance(control, w.IntRangeSlider):
            return _("give a (first, last) pair from {low} to {high}").format(low=low, high=high)
        return _("give a value from {low} to {high}").format(low=low, high=high)
    return _("see the control's description for what it takes")
