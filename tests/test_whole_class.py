"""A whole class presses "Run all" at once: eight lessons in eight kernels on this machine,
and every one of them finishes (the time each takes is a benchmark, not a test)."""

from __future__ import annotations

import pytest

from benchmarks.lessons import CLASS_SIZE, finish_run, lessons, start_run

pytestmark = pytest.mark.slow

LESSONS = lessons()


@pytest.mark.skipif(not LESSONS, reason="no lessons in notebooks/ yet")
def test_eight_lessons_at_once_all_finish():
    chosen = [LESSONS[i % len(LESSONS)] for i in range(CLASS_SIZE)]
    running = [(start_run(path, timeout=600), path) for path in chosen]
    results = [finish_run(process, path, timeout=1200) for process, path in running]
    failed = [f"{r['notebook']}: {r['error'][-800:]}" for r in results if not r["ok"]]
    assert not failed, "\n\n".join(failed)
    assert all(r["peak_rss_mb"] for r in results), "every kernel reported its peak memory"
