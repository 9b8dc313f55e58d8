"""Quiz items: feedback for every answer, a second try, static forms, catalogue generators.

The widgets are real ipywidgets driven as a learner would: set the radio buttons or the
dropdowns, press Check (``button.click()``), read the feedback.
"""

from __future__ import annotations

import re

import ipywidgets as w
import pytest

from isslearn import load_events, load_expeditions, load_modules, quiz
from isslearn.quiz.live import CHECK_CLASS, FEEDBACK_CLASS, QUIZ_CLASS

ZARYA_FIRST = quiz.MultipleChoice(
    "Which module was launched first?",
    (
        quiz.Option("Zarya", True, "EXPLAINED: it went up in November 1998."),
        quiz.Option("Unity", False, "WHY-UNITY: it went up two weeks after another module."),
        quiz.Option("Zvezda", False, "WHY-ZVEZDA: it came in 2000."),
    ),
)
ORDER = quiz.Ordering(
    "Launch order", ("Zarya", "Unity", "Zvezda", "Destiny"), ("1998", "1998b", "2000", "2001")
)


def parts(box):
    title, answer, check, feedback = box.children
    return title, answer, check, feedback


def answer(box, choice):
    """Pick ``choice`` (an option's position, or an order for an ordering item), press Check."""
    _title, control, check, feedback = parts(box)
    if isinstance(control, w.RadioButtons):
        control.value = choice
    else:
        for dropdown, item in zip(control.children, choice, strict=True):
            dropdown.value = item
    check.click()
    return feedback.value


def test_a_first_miss_says_why_and_asks_for_a_second_try():
    box = ZARYA_FIRST.widget()
    shown = answer(box, 2)  # Zvezda
    assert "WHY-ZVEZDA" in shown and "Not yet" in shown and "Try again" in shown
    assert "EXPLAINED" not in shown and "Zarya" not in shown  # the answer is not given away
    shown = answer(box, 2)  # the same wrong choice again is not a second miss
    assert "Try again" in shown and "EXPLAINED" not in shown


def test_a_second_different_miss_names_and_explains_the_answer():
    box = ZARYA_FIRST.widget()
    answer(box, 2)
    shown = answer(box, 1)  # Unity: a second, different miss
    assert "WHY-UNITY" in shown and "Try again" not in shown
    assert "The answer is A) Zarya: EXPLAINED" in shown
    shown = answer(box, 0)
    assert "Right" in shown and "EXPLAINED" in shown


def test_the_explanation_shows_as_soon_as_the_learner_is_right():
    box = ZARYA_FIRST.widget()
    answer(box, 1)
    shown = answer(box, 0)
    assert "Right" in shown and "EXPLAINED" in shown and "WHY-UNITY" not in shown


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
    for static in (item.to_markdown(answers=True), quiz.static_html(item, link=str)):
        assert "<b>" not in static and "<script>" not in static and "&lt;i&gt;yes" in static


def test_ordering_names_the_misplaced_items_but_not_the_order_on_a_first_miss():
    verdict = ORDER.check(["Zarya", "Zvezda", "Unity", "Destiny"])
    assert not verdict.correct and not verdict.revealed
    assert verdict.misplaced == ("Zvezda", "Unity")
    assert verdict.message == "2 of 4 are out of place: Zvezda, Unity."
    assert ORDER.check(ORDER.items).correct
    assert "exactly once" in ORDER.check(["Zarya", "Zarya", "Zvezda", "Destiny"]).message


def test_ordering_widget_reveals_the_order_after_a_second_miss():
    box = ORDER.widget()
    dropdowns = parts(box)[1].children
    assert tuple(d.value for d in dropdowns) == ORDER.start_order != ORDER.items
    right = "Zarya (1998) → Unity (1998b) → Zvezda (2000) → Destiny (2001)"
    shown = answer(box, ["Zarya", "Zvezda", "Unity", "Destiny"])
    assert "out of place: Zvezda, Unity" in shown and "Try again" in shown
    assert right not in shown
    shown = answer(box, ["Zarya", "Zarya", "Zvezda", "Destiny"])  # a slip, not a miss
    assert "exactly once" in shown and right not in shown
    shown = answer(box, ["Unity", "Zarya", "Zvezda", "Destiny"])
    assert "out of place: Unity, Zarya" in shown and f"The right order is: {right}." in shown
    shown = answer(box, list(ORDER.items))
    assert "All in the right order" in shown and right in shown


def test_tries_is_the_rule_the_widget_uses():
    tries = quiz.Tries(ZARYA_FIRST)
    assert not tries.check("Unity").revealed
    assert not tries.check(1).revealed  # the same option by position
    assert tries.check("Zvezda").revealed
    assert tries.check("Zarya").correct


SECRETS = ("EXPLAINED", "WHY-UNITY", "WHY-ZVEZDA", "1998b", "2001", "✔", "✘", "Right")


def test_the_static_version_shows_the_question_once_and_no_answer():
    """Before, the static twin held every option's feedback in collapsed <details> blocks, so
    the page's source (and the website's) gave every answer away."""
    for item in (ZARYA_FIRST, ORDER):
        page = quiz.static_html(item, 3)
        assert page.count(item.title) == 1
        assert "<strong>3. " in page
        for secret in SECRETS:
            assert secret not in page, secret
        assert "<details" not in page and "comes first" not in page  # no hint giving item 1
    listed = re.findall(r"<li>(.*?)</li>", quiz.static_html(ORDER))
    assert listed == list(ORDER.start_order) != list(ORDER.items)


def test_on_the_website_each_option_links_to_a_page_with_its_feedback_only():
    from isslearn.quiz.static import feedback_pages

    page = quiz.static_html(ZARYA_FIRST, 1, link=lambda name: f"q1-{name}.html", anchor="q1")
    assert re.findall(r'<a href="(q1-[a-z]\.html)">([A-C]\) \w+)</a>', page) == [
        ("q1-a.html", "A) Zarya"),
        ("q1-b.html", "B) Unity"),
        ("q1-c.html", "C) Zvezda"),
    ]
    assert 'id="q1"' in page and "EXPLAINED" not in page
    pages = feedback_pages(ZARYA_FIRST)
    assert list(pages) == ["a", "b", "c"]
    assert "✔ Right." in pages["a"][1] and "EXPLAINED" in pages["a"][1]
    assert "✘ Not this one." in pages["b"][1] and "WHY-UNITY" in pages["b"][1]
    assert "EXPLAINED" not in pages["b"][1] and "Zarya" not in pages["b"][1]
    ((_title, order),) = feedback_pages(ORDER).values()
    assert re.findall(r"<li>(.*?)</li>", order) == [
        "Zarya (1998)", "Unity (1998b)", "Zvezda (2000)", "Destiny (2001)"
    ]  # fmt: skip


def test_an_item_packs_and_unpacks_whole_and_unreadable():
    from isslearn.quiz.static import item_from_dict, pack, unpack

    written = quiz.WrittenAnswer("Why?", "MODEL-ANSWER", ("all", "some", "none"))
    for item in (ZARYA_FIRST, ORDER, written):
        packed = pack(item)
        assert item_from_dict(unpack(packed)) == item
        for secret in ("EXPLAINED", "WHY-UNITY", "1998b", "MODEL-ANSWER"):
            assert secret not in packed


def test_handout_forms_hide_answers_unless_asked():
    questions, key = quiz.static_markdown([ZARYA_FIRST, ORDER])
    assert "Which module was launched first?" in questions and "- C) Zvezda" in questions
    for secret in ("EXPLAINED", "WHY-UNITY", "Answer", "Right order", "<details>"):
        assert secret not in questions
    assert "Answer: A) Zarya" in key and "WHY-UNITY" in key and "Right order" in key


def modules_by_plain_name():
    modules = load_modules()
    return {quiz.plain_module_name(row): row for _, row in modules.iterrows()}


def test_launch_order_question_matches_catalogue_dates():
    by_name = {name.lower(): row for name, row in modules_by_plain_name().items()}
    for seed in range(10):
        item = quiz.launch_order_question(n=4, seed=seed)
        dates = [by_name[name.lower()].launch_date for name in item.items]
        assert dates == sorted(dates) and len(set(dates)) == 4
        for name, detail in zip(item.items, item.details, strict=True):
            d = by_name[name.lower()].launch_date
            assert detail == f"launched {d.day} {d:%b %Y}"
        assert all(by_name[n.lower()].id in quiz.generated.LESSON_MODULES for n in item.items)


def test_plain_names_read_as_one_name_not_a_list():
    for name in modules_by_plain_name():
        assert ", " not in name and "(" not in name, name
    assert quiz.plain_module_name("Zvezda (Service Module)") == "Zvezda"
    assert quiz.plain_module_name("Bigelow Expandable Activity Module (BEAM)") == "BEAM"


def test_generators_are_deterministic_with_a_seed():
    assert quiz.launch_order_question(seed=3) == quiz.launch_order_question(seed=3)
    assert quiz.launch_order_question(seed=3).start_order == (
        quiz.launch_order_question(seed=3).start_order
    )
    assert quiz.which_agency_built("columbus", seed=2) == quiz.which_agency_built(
        "columbus", seed=2
    )
    assert quiz.event_year_question("launch-zarya", seed=5) == quiz.event_year_question(
        "launch-zarya", seed=5
    )


@pytest.mark.parametrize("ask, column", [("built", "built_by"), ("owns", "agency")])
def test_who_built_and_who_owns_follow_the_catalogue_for_every_module(ask, column):
    modules = load_modules()
    for _, module in modules.iterrows():
        if module[column] not in ("NASA", "Roscosmos", "ESA", "JAXA", "CSA"):
            continue  # e.g. BEAM, built by a company
        item = quiz.which_agency_built(module.id, seed=1, ask=ask)
        right = module[column]
        assert item.answer.text.split(" (")[0] == right, module.id
        assert len(item.options) == 4
        for option in item.options:
            assert option.feedback
            if not option.correct:  # why it is wrong, without giving the answer away
                assert not re.search(rf"\b{right}\b", option.feedback), (module.id, option)
                assert "provided" not in option.feedback


def test_zarya_is_built_by_russia_and_owned_by_nasa():
    built = quiz.which_agency_built("zarya", seed=1, ask="built")
    owns = quiz.which_agency_built("zarya", seed=1, ask="owns")
    assert built.answer.text == "Roscosmos" and owns.answer.text == "NASA"
    assert "built in Russia" in built.answer.feedback and "NASA" in built.answer.feedback
    nasa = built.option("NASA")
    assert "owns Zarya" in nasa.feedback  # the owner-for-builder mix-up is named


def test_unknown_module_suggests_the_closest_id():
    with pytest.raises(ValueError, match="did you mean 'columbus'"):
        quiz.which_agency_built("colombus")


def test_expedition_question_matches_the_catalogue_and_never_gives_it_away():
    for number in (1, 20, 40):
        row = load_expeditions().set_index("number").loc[number]
        item = quiz.expedition_question(number, seed=0)
        assert item.answer.text == row.commander
        for option in item.options:
            assert option.feedback
            if not option.correct:
                assert row.commander not in option.feedback


def test_event_year_question_reads_well_and_offers_years_either_side():
    event = load_events().set_index("id").loc["launch-zarya"]
    item = quiz.event_year_question("launch-zarya", seed=5)
    assert "In which year:" not in item.question and event.title in item.question
    assert item.answer.text == str(event.date.year)
    years = [int(o.text) for o in item.options]
    assert years == sorted(years) and len(set(years)) == 4
    for option in item.options:
        if not option.correct:
            assert str(event.date.year) not in option.feedback
            assert ("before" in option.feedback) == (int(option.text) > event.date.year)
    mine = quiz.event_year_question("launch-zarya", question="In which year was Zarya launched?")
    assert mine.question == "In which year was Zarya launched?"


def test_busiest_rocket_question_counts_the_chart_rows():
    vehicles = load_modules().launch_vehicle
    shuttle = int(vehicles.str.startswith("Space Shuttle").sum())
    item = quiz.busiest_rocket_question()
    assert item.answer.text == "Space Shuttle"
    assert f"{shuttle} of the {len(vehicles)} pieces" in item.answer.feedback
    for option in item.options:
        if not option.correct:
            assert "Shuttle" not in option.feedback


def test_arrival_day_offers_the_launch_day_as_the_launch_versus_arrival_mix_up():
    modules = load_modules().set_index("id")
    for module_id in quiz.generated.LESSON_MODULES:
        module = modules.loc[module_id]
        item = quiz.arrival_day_question(module_id, seed=3)
        arrived, launched = module.attach_date, module.launch_date
        assert item.answer.text == f"{arrived.day} {arrived:%b %Y}", module_id
        assert 3 <= len(item.options) <= 4
        wrong = {o.text: o.feedback for o in item.options if not o.correct}
        if launched != arrived:
            launch_day = f"{launched.day} {launched:%b %Y}"
            assert "was launched" in wrong[launch_day]
        for feedback in wrong.values():
            assert item.answer.text not in feedback  # why it is wrong, not the answer
    unity = quiz.arrival_day_question("unity")
    assert "launched on 4 Dec 1998 and joined to the station 3 days later" in (
        unity.answer.feedback
    )


def test_who_built_refuses_a_module_no_partner_built():
    with pytest.raises(ValueError, match="Bigelow, is not one of the partner agencies"):
        quiz.which_agency_built("beam")
