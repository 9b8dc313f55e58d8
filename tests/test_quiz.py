"""Quiz items: feedback for every answer, working widgets, static text, catalogue generators."""

from __future__ import annotations

import pytest

from isslearn import load_agencies, load_modules, quiz
from isslearn.quiz_items import CHECK_CLASS, FEEDBACK_CLASS, QUIZ_CLASS

ZARYA_FIRST = quiz.MultipleChoice(
    "Which module was launched first?",
    (
        quiz.Option("Zarya", True, "Yes, November 1998."),
        quiz.Option("Unity", False, "Two weeks later."),
        quiz.Option("Zvezda", False, "That came in 2000."),
    ),
)


def parts(box):
    title, answer, check, feedback = box.children
    return title, answer, check, feedback


def test_wrong_option_shows_its_own_feedback_after_check():
    _title, choices, check, feedback = parts(ZARYA_FIRST.widget())
    choices.value = 2  # Zvezda
    check.click()
    assert "That came in 2000." in feedback.value
    assert "Not yet" in feedback.value
    choices.value = 0
    check.click()
    assert "Yes, November 1998." in feedback.value
    assert "Right" in feedback.value


def test_check_without_an_answer_asks_for_one():
    *_, check, feedback = parts(ZARYA_FIRST.widget())
    check.click()
    assert "Choose an answer first" in feedback.value


def test_widget_carries_the_css_class_contract():
    box = ZARYA_FIRST.widget()
    _title, _choices, check, feedback = parts(box)
    assert QUIZ_CLASS in box._dom_classes
    assert CHECK_CLASS in check._dom_classes
    assert FEEDBACK_CLASS in feedback._dom_classes
    assert (QUIZ_CLASS, CHECK_CLASS, FEEDBACK_CLASS) == (
        "isslearn-quiz",
        "isslearn-quiz-check",
        "isslearn-quiz-feedback",
    )


def test_every_option_has_feedback_even_without_teacher_text():
    item = quiz.MultipleChoice("Q?", (quiz.Option("a", True), quiz.Option("b")))
    assert item.check("a").message and item.check("b").message
    assert item.check("a").correct and not item.check(1).correct


def test_item_needs_exactly_one_correct_option():
    with pytest.raises(ValueError, match="exactly one correct"):
        quiz.MultipleChoice("Q?", (quiz.Option("a", True), quiz.Option("b", True)))
    with pytest.raises(ValueError, match="exactly one correct"):
        quiz.MultipleChoice("Q?", (quiz.Option("a"), quiz.Option("b")))


def test_html_in_teacher_text_is_escaped_in_the_widget_and_markdown():
    item = quiz.MultipleChoice(
        "Is <b>this</b> bold?",
        (quiz.Option("<i>yes</i>", True, "<script>x</script>"), quiz.Option("no")),
    )
    title, choices, check, feedback = parts(item.widget())
    assert "&lt;b&gt;this&lt;/b&gt;" in title.value and "<b>" not in title.value
    choices.value = 0
    check.click()
    assert "&lt;script&gt;" in feedback.value and "<script>" not in feedback.value
    # radio labels are drawn as text by ipywidgets, so they keep the teacher's characters
    assert choices.options[0][0] == "<i>yes</i>"
    static = item.to_markdown(answers=True)
    assert "<b>" not in static and "<script>" not in static and "&lt;i&gt;yes" in static


def test_ordering_reports_misplaced_items_and_the_right_order():
    item = quiz.Ordering(
        "Launch order", ("Zarya", "Unity", "Zvezda", "Destiny"), ("1998", "1998b", "2000", "2001")
    )
    verdict = item.check(["Zarya", "Zvezda", "Unity", "Destiny"])
    assert not verdict.correct
    assert verdict.misplaced == ("Zvezda", "Unity")
    assert "2 of 4 are out of place: Zvezda, Unity" in verdict.message
    assert "Zarya (1998) → Unity (1998b) → Zvezda (2000) → Destiny (2001)" in verdict.message
    assert item.check(item.items).correct
    assert "exactly once" in item.check(["Zarya", "Zarya", "Zvezda", "Destiny"]).message


def test_ordering_widget_starts_shuffled_and_checks_the_dropdowns():
    item = quiz.Ordering("Launch order", ("Zarya", "Unity", "Zvezda"))
    _title, places, check, feedback = parts(item.widget())
    dropdowns = places.children
    assert tuple(d.value for d in dropdowns) == item.start_order != item.items
    check.click()
    assert "out of place" in feedback.value
    for dropdown, right in zip(dropdowns, item.items, strict=True):
        dropdown.value = right
    check.click()
    assert "All in the right order" in feedback.value


def test_static_markdown_hides_answers_unless_asked():
    plain = ZARYA_FIRST.to_markdown(answers=False)
    key = ZARYA_FIRST.to_markdown(answers=True)
    assert "Which module was launched first?" in plain and "- C) Zvezda" in plain
    assert "Two weeks later." not in plain and "Answer" not in plain
    assert "Answer: A) Zarya" in key and "Two weeks later." in key


def test_launch_order_question_matches_catalogue_dates():
    modules = load_modules()
    by_name = {
        name.split(" (")[0]: date
        for name, date in zip(modules.name, modules.launch_date, strict=False)
    }
    for seed in range(10):
        item = quiz.launch_order_question(n=4, seed=seed)
        dates = [by_name[name] for name in item.items]
        assert dates == sorted(dates) and len(set(dates)) == 4
        for name, detail in zip(item.items, item.details, strict=True):
            d = by_name[name]
            assert detail == f"launched {d.day} {d:%b %Y}"


def test_generators_are_deterministic_with_a_seed():
    assert quiz.launch_order_question(seed=3) == quiz.launch_order_question(seed=3)
    assert quiz.launch_order_question(seed=3).start_order == (
        quiz.launch_order_question(seed=3).start_order
    )
    assert quiz.which_agency_built("columbus", seed=2) == quiz.which_agency_built(
        "columbus", seed=2
    )


def test_which_agency_built_names_the_responsible_agency():
    modules = load_modules().set_index("id")
    partners = set(load_agencies().query("kind == 'partner'").code)
    for module_id in ("zarya", "columbus", "kibo-pm", "canadarm2", "zvezda"):
        item = quiz.which_agency_built(module_id, seed=1)
        assert item.answer.text == modules.loc[module_id, "agency"]
        assert {o.text for o in item.options} <= partners | {item.answer.text}
        for option in item.options:
            assert option.feedback  # every option explains itself


def test_unknown_module_suggests_the_closest_id():
    with pytest.raises(ValueError, match="did you mean 'columbus'"):
        quiz.which_agency_built("colombus")


def test_expedition_question_matches_the_catalogue():
    from isslearn import load_expeditions

    first = load_expeditions().iloc[0]
    item = quiz.expedition_question(int(first.number), seed=0)
    assert item.answer.text == first.commander
    assert all(option.feedback for option in item.options)


def test_event_year_question_matches_the_catalogue():
    from isslearn import load_events

    event = load_events().iloc[0]
    item = quiz.event_year_question(event.id, seed=4)
    assert item.answer.text == str(event.date.year)
    wrong = next(o for o in item.options if not o.correct)
    assert "too" in wrong.feedback and str(event.date.year) in wrong.feedback


def test_show_publishes_widget_and_static_twin(monkeypatch):
    published = []
    import IPython.display

    monkeypatch.setattr(
        IPython.display, "display", lambda *a, **k: published.append((a, k))
    )  # capture what a notebook would receive; the quiz itself runs for real
    quiz.show([ZARYA_FIRST])
    (bundle,), kwargs = published[0]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/markdown"].startswith("**Which module was launched first?**")
    assert "<details>" in bundle["text/markdown"]
    meta = kwargs["metadata"]["isslearn"]["quiz"]
    assert "Two weeks later." in meta["key"] and "Two weeks later." not in meta["questions"]
