"""An Agg canvas that draws each piece of text once and then pastes its pixels.

Matplotlib rasterizes text glyph by glyph on every draw, and for a lesson figure that is most of
the drawing time. A live explorer redraws the same tick labels and notes again and again, so
:class:`SpriteCanvas` keeps every string it has drawn as a small RGBA picture (a sprite) and
pastes it at the nearest whole pixel next time: the same picture, shifted by at most half a
pixel. Only widget figures use it; static lesson figures are drawn by matplotlib as usual.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg

MAX_SPRITES = 2000  # a widget shows far fewer strings; this only bounds memory


class SpriteRenderer(RendererAgg):
    """A RendererAgg whose plain (non-maths) text comes from a cache of drawn sprites."""

    def __init__(self, width, height, dpi):
        super().__init__(width, height, dpi)
        self.sprites: dict[tuple, tuple[np.ndarray, int, int] | None] = {}

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if ismath or not s or (mtext is not None and _has_features(mtext)):
            return super().draw_text(gc, x, y, s, prop, angle, ismath=ismath, mtext=mtext)
        key = (
            s,
            hash(prop),
            float(angle),
            tuple(gc.get_rgb()),
            gc.get_alpha(),
            gc.get_forced_alpha(),
            gc.get_antialiased(),
        )
        sprite = self.sprites.get(key)
        if sprite is None:
            if len(self.sprites) >= MAX_SPRITES:
                self.sprites.clear()
            sprite = self.sprites[key] = self._make_sprite(gc, s, prop, angle)
        pixels, left, top = sprite  # offsets of the sprite's corner from the text's anchor
        if pixels.size == 0:
            return None
        paste = self.new_gc()
        paste.copy_properties(gc)
        paste.set_alpha(1.0)  # the sprite already carries the text's transparency
        x0 = round(x) + left
        y0 = self.height - (round(y) + top + pixels.shape[0])  # draw_image counts from below
        self.draw_image(paste, x0, y0, pixels)
        paste.restore()
        return None

    def _make_sprite(self, gc, s, prop, angle) -> tuple[np.ndarray, int, int]:
        width, height, _descent = self.get_text_width_height_descent(s, prop, ismath=False)
        long, short = math.ceil(width) + 8, math.ceil(height) + 8
        if angle % 180 == 0:  # room on every side of the anchor, as tight as is safe
            reach_x, reach_y = long, short
        elif angle % 180 == 90:
            reach_x, reach_y = short, long
        else:
            reach_x = reach_y = long + short
        scratch = RendererAgg(2 * reach_x, 2 * reach_y, self.dpi)
        pen = scratch.new_gc()
        pen.copy_properties(gc)
        pen.set_clip_rectangle(None)
        pen.set_clip_path(None)
        RendererAgg.draw_text(scratch, pen, reach_x, reach_y, s, prop, angle)
        pen.restore()
        rgba = np.asarray(scratch.buffer_rgba())
        rows = np.flatnonzero(rgba[..., 3].any(axis=1))
        cols = np.flatnonzero(rgba[..., 3].any(axis=0))
        if not len(rows):
            return np.zeros((0, 0, 4), dtype=np.uint8), 0, 0
        top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
        pixels = np.ascontiguousarray(rgba[top:bottom, left:right][::-1])  # rows bottom-up
        return pixels, int(left - reach_x), int(top - reach_y)


def _has_features(mtext) -> bool:
    features = getattr(mtext, "get_fontfeatures", lambda: None)()
    language = getattr(mtext, "get_language", lambda: None)()
    return bool(features) or bool(language)


class SpriteCanvas(FigureCanvasAgg):
    """A FigureCanvasAgg drawing with a :class:`SpriteRenderer` (see the module docstring)."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = SpriteRenderer(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer
