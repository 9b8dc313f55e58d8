"""Translated lessons, quiz files and teacher's guides: complete, and the same as the English.

Languages are found from the files (notebooks/<lang>/, isslearn/quizzes/<lang>/,
isslearn/guides/<lang>/), so a third language is checked like French without changing this file.
For every language:

- every English lesson has a translated notebook, quiz file and guide, and there is a glossary;
- a translated notebook has the English cells in the same order, with the same tags and metadata;
  its code cells are the English ones except the settings cell, which adds ``language="<lang>"``
  to ``isslearn.Lesson(...)``, the comments, and what a ``print(...)`` call prints (a sentence
  for the learner, translated, with its dates and numbers written the language's way); its
  markdown has the same
  headings, links the same glossary terms (each landing on a term) and states the same dates,
  clock times and numbers as the English cell (tests/i18n_tools.py's ``facts()``);
- a translated quiz file has the same items in the same order, each of the same kind with the
  right answer in the same place, the ``generate:`` entries untouched, the same facts in every
  text, and ``isslearn check`` finds neither a problem nor a notice in it;
- a translated guide has the same sections in the same order (the same facts in each), the same
  minutes in its timed plan, the same quiz key, an objective map that quotes the translated
  lesson's objectives word for word and names the same quiz items as the English map, and every
  written item's model answer and checklist as the translated quiz file words them.

Where a language has typographic rules (tests/i18n_tools.py's ``TYPOGRAPHY``), its prose keeps
them. A lesson still being translated is listed in ``PENDING``: its completeness check is an
expected failure naming exactly what is missing, and fails once the files land, so that the entry
is removed.
"""

from __future__ import annotations

import io
import json
import re
import tokenize
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml
from i18n_tools import facts, typography_problems

from isslearn import quiz
from isslearn.quiz import MultipleChoice, Ordering, WrittenAnswer
from isslearn.teacher.guide import REQUIRED_SECTIONS

REPO = Path(__file__).resolve().parent.parent
NOTEBOOKS = REPO / "notebooks"
QUIZZES = REPO / "isslearn" / "quizzes"
GUIDES = REPO / "isslearn" / "guides"
LESSONS = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
GLOSSARY = "glossary"

# (language, lesson) -> who is doing it. Remove an entry when its files land: the completeness
# test then fails until you do, so this list can only shrink.
PENDING: dict[tuple[str, str], str] = {}


def _folders(root: Path, pattern: str) -> set[str]:
    if not root.is_dir():
        return set()
    return {p.name for p in root.iterdir() if p.is_dir() and any(p.glob(pattern))}


def languages() -> list[str]:
    """Every language with a translated lesson, glossary, quiz file or guide."""
    found = _folders(NOTEBOOKS, "[0-9][0-9]_*.ipynb") | _folders(NOTEBOOKS, "glossary.md")
    found |= _folders(QUIZZES, "[0-9][0-9]_*.yaml") | _folders(GUIDES, "[0-9][0-9]_*.md")
    return sorted(found)


LANGUAGES = languages()


def expected_files(language: str, lesson: str) -> list[Path]:
    if lesson == GLOSSARY:
        return [NOTEBOOKS / language / "glossary.md"]
    return [
        NOTEBOOKS / language / f"{lesson}.ipynb",
        QUIZZES / language / f"{lesson}.yaml",
        GUIDES / language / f"{lesson}.md",
    ]


def translated(language: str, kind: str) -> list[tuple[str, str]]:
    """(language, lesson) for each translated file of one kind that exists."""
    index = {"notebook": 0, "quiz": 1, "guide": 2}[kind]
    return [
        (language, lesson)
        for language in LANGUAGES
        for lesson in LESSONS
        if expected_files(language, lesson)[index].is_file()
    ]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{language}/{lesson}" for language, lesson in cases]


def _relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


# ---------------------------------------------------------------- every lesson is translated


def test_languages_are_found_from_the_files():
    assert "fr" in LANGUAGES, "no notebooks/fr/, isslearn/quizzes/fr/ or isslearn/guides/fr/"
    assert "examples" not in LANGUAGES


COMPLETE_CASES = [(language, name) for language in LANGUAGES for name in [*LESSONS, GLOSSARY]]


@pytest.mark.parametrize("language, lesson", COMPLETE_CASES, ids=_ids(COMPLETE_CASES))
def test_every_lesson_and_the_glossary_are_translated(language, lesson):
    missing = [_relative(p) for p in expected_files(language, lesson) if not p.is_file()]
    pending = PENDING.get((language, lesson))
    if missing and pending:
        pytest.xfail(f"{language}: {lesson} not translated yet ({pending}); missing {missing}")
    assert not missing, f"{language}: {lesson} has no translation: write {missing}"
    assert not pending, (
        f"{language}: {lesson} is translated now: remove its entry from PENDING in "
        f"{Path(__file__).name}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_without_an_english_lesson(language):
    english = set(LESSONS)
    for folder, suffix in ((NOTEBOOKS, ".ipynb"), (QUIZZES, ".yaml"), (GUIDES, ".md")):
        for path in sorted((folder / language).glob(f"*{suffix}")):
            if path.name != "glossary.md":
                assert path.stem in english, f"{_relative(path)}: no English lesson {path.stem}"


# ---------------------------------------------------------------- notebooks


@cache
def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def english_and_translation(language: str, lesson: str) -> tuple[dict, dict]:
    return (
        read_notebook(NOTEBOOKS / f"{lesson}.ipynb"),
        read_notebook(NOTEBOOKS / language / f"{lesson}.ipynb"),
    )


def source(cell: dict) -> str:
    text = cell["source"]
    return text if isinstance(text, str) else "".join(text)


def code_tokens(code: str) -> list[tuple[int, str]]:
    """The code's tokens without comments or line layout: what the cell does, not how it reads."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING, tokenize.ENDMARKER}
    try:
        return [
            (token.type, token.string)
            for token in tokenize.generate_tokens(io.StringIO(code).readline)
            if token.type not in skip
        ]
    except (tokenize.TokenError, SyntaxError, IndentationError):  # IPython syntax: compare lines
        lines = (line.split("#", 1)[0].rstrip() for line in code.splitlines())
        return [(0, line) for line in lines if line]


def without_language_argument(tokens: list[tuple[int, str]], language: str) -> list:
    """The tokens with ``language="<lang>"`` (and its comma) taken out of the call."""
    wanted = [(tokenize.NAME, "language"), (tokenize.OP, "=")]
    for i in range(len(tokens) - 2):
        if tokens[i : i + 2] == wanted and tokens[i + 2][0] == tokenize.STRING:
            assert tokens[i + 2][1].strip("\"'") == language, tokens[i + 2][1]
            start, end = i, i + 3
            if end < len(tokens) and tokens[end] == (tokenize.OP, ","):
                end += 1
            elif start > 0 and tokens[start - 1] == (tokenize.OP, ","):
                start -= 1
            return tokens[:start] + tokens[end:]
    raise AssertionError(f'the settings cell does not pass language="{language}"')


def without_print_arguments(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The tokens with the arguments of every ``print(...)`` call left out: what a cell prints
    for the learner is text to translate, the rest of the code is not."""
    kept: list[tuple[int, str]] = []
    depth = 0
    for n, token in enumerate(tokens):
        if depth:
            depth += {"(": 1, ")": -1}.get(token[1], 0) if token[0] == tokenize.OP else 0
            if not depth:
                kept.append(token)
            continue
        kept.append(token)
        if token == (tokenize.OP, "(") and n and tokens[n - 1] == (tokenize.NAME, "print"):
            depth = 1
    return kept


def is_settings_cell(cell: dict) -> bool:
    return cell["cell_type"] == "code" and "isslearn.Lesson(" in source(cell)


NOTEBOOK_CASES = [case for language in LANGUAGES for case in translated(language, "notebook")]


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_same_cells_tags_and_metadata(language, lesson):
    english, other = english_and_translation(language, lesson)
    kinds = [c["cell_type"] for c in english["cells"]]
    assert [c["cell_type"] for c in other["cells"]] == kinds, "cells differ in number or kind"
    for n, (a, b) in enumerate(zip(english["cells"], other["cells"], strict=True)):
        meta_a = {k: v for k, v in a.get("metadata", {}).items() if k != "execution"}
        meta_b = {k: v for k, v in b.get("metadata", {}).items() if k != "execution"}
        assert meta_a == meta_b, f"cell {n}: metadata or tags {meta_b} instead of {meta_a}"
    ran = {"language_info", "widgets"}  # written by running the notebook
    assert set(english["metadata"]) - ran == set(other["metadata"]) - ran
    for key in set(english["metadata"]) - ran - {"title"}:
        assert english["metadata"][key] == other["metadata"][key], key
    if "title" in english["metadata"]:
        assert other["metadata"]["title"] != english["metadata"]["title"], "title untranslated"


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_code_cells_are_the_english_ones_but_the_language_and_the_comments(language, lesson):
    english, other = english_and_translation(language, lesson)
    settings = [n for n, c in enumerate(english["cells"]) if is_settings_cell(c)][:1]
    assert settings, f"{lesson}: no settings cell in the English lesson"
    for n, (a, b) in enumerate(zip(english["cells"], other["cells"], strict=True)):
        if a["cell_type"] != "code":
            continue
        ours = code_tokens(source(b))
        if n in settings:
            assert f'language="{language}"' in source(b), f"cell {n}: the settings cell"
            ours = without_language_argument(ours, language)
        theirs = without_print_arguments(code_tokens(source(a)))
        assert without_print_arguments(ours) == theirs, (
            f"cell {n}: the code differs from the English cell (only the settings cell's "
            f"language, the comments and what print() prints may):\n{source(b)}"
        )


def test_only_what_print_prints_may_differ():
    english = code_tokens('x = load("a.csv")\nprint(f"{len(x)} rows", sep="")')
    ours = code_tokens('x = load("a.csv")\nprint(f"{len(x)} lignes")')
    assert without_print_arguments(ours) == without_print_arguments(english)
    other_file = code_tokens('x = load("b.csv")\nprint(f"{len(x)} lignes")')
    assert without_print_arguments(other_file) != without_print_arguments(english)


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_files_the_code_reads_are_beside_the_translation_too(language, lesson):
    """The code reads example files by paths relative to the lesson (examples/our_class.xlsx), so
    they must be beside the translation as well: the same files, since the lesson's quiz and
    prose name their cells and lines."""
    english, _ = english_and_translation(language, lesson)
    code = "\n".join(source(c) for c in english["cells"] if c["cell_type"] == "code")
    for name in sorted(set(re.findall(r"[\"'](examples/[^\"']+)[\"']", code))):
        ours, theirs = NOTEBOOKS / language / name, NOTEBOOKS / name
        assert ours.is_file(), f"{lesson} reads {name}: copy {_relative(theirs)} beside it"
        assert ours.read_bytes() == theirs.read_bytes(), f"{_relative(ours)} is not the English one"


FENCE = re.compile(r"^ *```.*?^ *```[^\n]*$", re.M | re.S)


def headings(markdown: str) -> list[int]:
    """The levels of a markdown text's headings, outside fenced code."""
    return [len(m) for m in re.findall(r"^(#{1,6}) ", FENCE.sub("", markdown), flags=re.M)]


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_same_headings_in_every_markdown_cell(language, lesson):
    english, other = english_and_translation(language, lesson)
    for n, (a, b) in enumerate(zip(english["cells"], other["cells"], strict=True)):
        if a["cell_type"] == "markdown":
            assert headings(source(b)) == headings(source(a)), f"cell {n}: headings"


def anchors(glossary: Path) -> set[str]:
    """Anchors of a glossary: GitHub-style heading slugs, explicit ids and MyST labels."""
    text = glossary.read_text(encoding="utf-8")
    found = {
        re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        for heading in re.findall(r"^#{1,6} (.+)$", text, flags=re.M)
    }
    found |= set(re.findall(r"""\b(?:id|name)=["']([^"']+)["']""", text))
    found |= set(re.findall(r"^\(([\w-]+)\)=\s*$", text, flags=re.M))
    return found


def glossary_links(nb: dict) -> Counter[str]:
    text = "\n".join(source(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    return Counter(re.findall(r"\]\(glossary\.md#([^)\s]+)\)", text))


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_the_same_glossary_terms_are_linked_and_each_lands_on_a_term(language, lesson):
    english, other = english_and_translation(language, lesson)
    links = glossary_links(other)
    assert set(links) == set(glossary_links(english)), "not the English lesson's glossary terms"
    own = NOTEBOOKS / language / "glossary.md"
    # Until a language's glossary lands (PENDING), its translator keeps the English anchors.
    terms = anchors(own if own.is_file() else NOTEBOOKS / "glossary.md")
    assert not set(links) - terms, f"glossary.md has no {sorted(set(links) - terms)}"


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_links_to_lessons_stay_in_the_language(language, lesson):
    _, other = english_and_translation(language, lesson)
    text = "\n".join(source(c) for c in other["cells"] if c["cell_type"] == "markdown")
    for target in re.findall(r"\]\(([^)\s#]+\.ipynb)", text):
        path = (NOTEBOOKS / language / target).resolve()
        pending = (language, Path(target).stem) in PENDING
        assert path.is_file() or pending, f"{lesson} links {target}: no such lesson"


def _same_clock(a: tuple[int, int, int | None], b: tuple[int, int, int | None]) -> bool:
    """An English time with no am/pm ("9:03 in the evening") read on a 24-hour clock (21 h 03)."""
    return a[0] < 12 and (a[0] + 12, *a[1:]) == b


SLASHED = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])")


def fact_problems(english: str, other: str, language: str) -> list[str]:
    """How the dates, clock times and numbers of a translation differ from its English.

    A numeric date written the same in both ("15/01/2016", shown as a wrong way to write a date)
    states the same thing, though the two languages read its order differently: it is left out.
    """
    for token in set(SLASHED.findall(english)) & set(SLASHED.findall(other)):
        english, other = english.replace(token, " "), other.replace(token, " ")
    source_facts, target_facts = facts(english, "en"), facts(other, language)
    problems = []
    for kind in ("dates", "times", "numbers"):
        lost = getattr(source_facts, kind) - getattr(target_facts, kind)
        added = getattr(target_facts, kind) - getattr(source_facts, kind)
        if kind == "times":
            for a in list(lost.elements()):
                match = next((b for b in added.elements() if _same_clock(a, b)), None)
                if match:
                    lost[a] -= 1
                    added[match] -= 1
            lost, added = +lost, +added
        if lost or added:
            problems.append(
                f"{kind}: English only {sorted(map(str, lost.elements()))}, "
                f"translation only {sorted(map(str, added.elements()))}"
            )
    return problems


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_every_markdown_cell_states_the_english_facts(language, lesson):
    english, other = english_and_translation(language, lesson)
    problems = [
        f"cell {n}: {problem}"
        for n, (a, b) in enumerate(zip(english["cells"], other["cells"], strict=True))
        if a["cell_type"] == "markdown"
        for problem in fact_problems(source(a), source(b), language)
    ]
    assert not problems, "\n".join(problems)


PROTECTED = re.compile(
    r"^ *```.*?^ *```[^\n]*$"  # fenced code
    r"|`[^`\n]*`"  # inline code
    r"|<https?://[^>\s]+>|https?://\S+"  # addresses
    r"|\]\([^)\s]*\)"  # link targets
    r"|<[^<>\n]+>"  # HTML tags
    r"|\b[A-Z]{2,}[ \u00a0]\d+",  # reference numbers such as TIAS 12927
    re.M | re.S,
)


def prose_lines(markdown: str) -> list[str]:
    """The lines a reader reads as prose: no code, addresses, link targets or HTML tags."""
    text = PROTECTED.sub("CODE", markdown)  # a word, so the punctuation after it is checked
    lines = (re.sub(r"^[ \t>|*#-]*(?:\d+\. )?", "", line).strip(" |") for line in text.split("\n"))
    return [re.sub(r"(?<=\S) {2,}(?=\S)", " ", line) for line in lines if re.search(r"\w", line)]


def typography_of(text: str, language: str) -> list[str]:
    lines = prose_lines(text)
    return [problem for line in lines for problem in typography_problems(line, language)]


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_markdown_is_translated_and_keeps_the_languages_typography(language, lesson):
    english, other = english_and_translation(language, lesson)
    problems = []
    for n, (a, b) in enumerate(zip(english["cells"], other["cells"], strict=True)):
        if a["cell_type"] != "markdown":
            continue
        if prose_lines(source(a)) and prose_lines(source(a)) == prose_lines(source(b)):
            problems.append(f"cell {n}: the same as the English")
        problems += [f"cell {n}: {p}" for p in typography_of(source(b), language)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language, lesson", NOTEBOOK_CASES, ids=_ids(NOTEBOOK_CASES))
def test_as_many_objectives_as_the_english(language, lesson):
    english, other = english_and_translation(language, lesson)
    a, b = lesson_objectives(english), lesson_objectives(other)
    assert len(a) == len(b), f"{len(b)} objectives, the English has {len(a)}"


def objectives_cell(nb: dict) -> str:
    """The markdown cell of the learning objectives: the first one with a numbered list."""
    for cell in nb["cells"][:6]:
        if cell["cell_type"] == "markdown" and re.search(r"^1\. ", source(cell), re.M):
            return source(cell)
    raise AssertionError("no learning objectives near the top of the lesson")


def lesson_objectives(nb: dict) -> list[str]:
    """The lesson's objectives, as the guide's map must quote them."""
    items: list[str] = []
    for line in objectives_cell(nb).splitlines():
        start = re.match(r"^\s*\d+\.\s+(.*)$", line)
        if start:
            items.append(start.group(1))
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
    return [clean_objective(item) for item in items]


def clean_objective(text: str) -> str:
    """Objective text to compare: links as their words, no emphasis, no closing ';' or '.'."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text).replace("**", "")
    return re.sub(r"\s+", " ", text).strip().rstrip(";.").strip()


# ---------------------------------------------------------------- quiz files


QUIZ_CASES = [case for language in LANGUAGES for case in translated(language, "quiz")]


def quiz_path(language: str | None, lesson: str) -> Path:
    return (QUIZZES / language if language else QUIZZES) / f"{lesson}.yaml"


@cache
def raw_entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def texts(entry: object, where: str = "") -> dict[str, str]:
    """Every value of a quiz entry by its place ("options.2.feedback", "options.1.correct")."""
    if isinstance(entry, dict):
        found: dict[str, str] = {}
        for key, value in entry.items():
            found |= texts(value, f"{where}.{key}" if where else str(key))
        return found
    if isinstance(entry, list):
        found = {}
        for n, value in enumerate(entry):
            found |= texts(value, f"{where}.{n}")
        return found
    return {} if entry is None else {where: str(entry)}  # YAML reads 2016-01-15 as a date


@pytest.mark.parametrize("language, lesson", QUIZ_CASES, ids=_ids(QUIZ_CASES))
def test_isslearn_check_finds_no_problem_and_no_notice(language, lesson, capsys):
    from isslearn.teacher.cli import main

    assert main(["check", str(quiz_path(language, lesson))]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and ": OK, " in out[0], out


@pytest.mark.parametrize("language, lesson", QUIZ_CASES, ids=_ids(QUIZ_CASES))
def test_same_items_kinds_answers_and_generated_entries(language, lesson):
    english = quiz.read_quiz_file(quiz_path(None, lesson)).items
    ours = quiz.read_quiz_file(quiz_path(language, lesson)).items
    assert [type(i).__name__ for i in ours] == [type(i).__name__ for i in english]
    for n, (a, b) in enumerate(zip(english, ours, strict=True), start=1):
        if isinstance(a, MultipleChoice):
            assert len(b.options) == len(a.options), f"Q{n}: number of options"
            assert b.options.index(b.answer) == a.options.index(a.answer), f"Q{n}: answer moved"
        if isinstance(a, Ordering):
            assert len(b.items) == len(a.items), f"Q{n}: number of items to order"
    raw_a, raw_b = raw_entries(quiz_path(None, lesson)), raw_entries(quiz_path(language, lesson))
    for n, (a, b) in enumerate(zip(raw_a, raw_b, strict=True), start=1):
        assert set(a) == set(b), f"Q{n}: fields {sorted(b)} instead of {sorted(a)}"
        if "generate" in a:
            assert a == b, f"Q{n}: a generate: entry is the library's to translate; keep it as is"
        else:
            assert set(texts(a)) == set(texts(b)), f"Q{n}: not the same options, items or levels"


@pytest.mark.parametrize("language, lesson", QUIZ_CASES, ids=_ids(QUIZ_CASES))
def test_every_quiz_text_states_the_english_facts_in_good_typography(language, lesson):
    raw_a, raw_b = raw_entries(quiz_path(None, lesson)), raw_entries(quiz_path(language, lesson))
    problems = []
    for n, (a, b) in enumerate(zip(raw_a, raw_b, strict=True), start=1):
        if "generate" in a:
            continue
        ours = texts(b)
        for place, english in texts(a).items():
            if place == "lessons" or ours[place] == english:  # code, names and numbers stay
                continue
            found = fact_problems(english, ours[place], language)
            found += typography_problems(ours[place], language)
            problems += [f"Q{n} {place}: {p}" for p in found]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language, lesson", QUIZ_CASES, ids=_ids(QUIZ_CASES))
def test_the_right_option_is_not_the_longest_more_often_than_chance(language, lesson):
    choices = [
        i
        for i in quiz.read_quiz_file(quiz_path(language, lesson)).items
        if isinstance(i, MultipleChoice)
    ]
    longest = 0
    for item in choices:
        lengths = [len(o.text) for o in item.options]
        right = lengths[item.options.index(item.answer)]
        longest += right == max(lengths) and lengths.count(right) == 1
    assert longest <= sum(1 / len(i.options) for i in choices), f"longest {longest} times"


# ---------------------------------------------------------------- teacher's guides


GUIDE_CASES = [case for language in LANGUAGES for case in translated(language, "guide")]


def guide(language: str | None, lesson: str) -> str:
    return ((GUIDES / language if language else GUIDES) / f"{lesson}.md").read_text("utf-8")


def guide_sections(text: str) -> list[tuple[str, str]]:
    """The guide's ``## `` sections in order, (heading, body)."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


def section(language: str | None, lesson: str, name: str) -> str:
    """A section's body, found by its place in the English order (headings are translated)."""
    return guide_sections(guide(language, lesson))[REQUIRED_SECTIONS.index(name)][1]


NO_EXERCISE = {"", "—", "-", "–"}


def table_rows(body: str) -> list[list[str]]:
    rows = []
    for line in body.splitlines():
        if line.startswith("|") and not re.match(r"^\|[\s|:-]+\|$", line):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows


@pytest.mark.parametrize("language, lesson", GUIDE_CASES, ids=_ids(GUIDE_CASES))
def test_same_sections_in_the_same_order_with_the_same_facts(language, lesson):
    english = guide_sections(guide(None, lesson))
    ours = guide_sections(guide(language, lesson))
    assert len(english) == len(REQUIRED_SECTIONS)
    assert len(ours) == len(english), [heading for heading, _ in ours]
    problems = [
        f"section {n + 1} ({a[0]} / {b[0]}): {problem}"
        for n, (a, b) in enumerate(zip(english, ours, strict=True))
        for problem in fact_problems(f"{a[0]}\n{a[1]}", f"{b[0]}\n{b[1]}", language)
    ]
    title_a, title_b = (guide(x, lesson).split("\n", 1)[0] for x in (None, language))
    problems += [f"title: {p}" for p in fact_problems(title_a, title_b, language)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language, lesson", GUIDE_CASES, ids=_ids(GUIDE_CASES))
def test_the_timed_plan_has_the_same_minutes(language, lesson):
    a = [row[0] for row in table_rows(section(None, lesson, "Timed plan"))]
    b = [row[0] for row in table_rows(section(language, lesson, "Timed plan"))]
    assert a[1:] == b[1:] and len(a) > 2, f"minutes {b[1:]} instead of {a[1:]}"


@pytest.mark.parametrize("language, lesson", GUIDE_CASES, ids=_ids(GUIDE_CASES))
def test_the_objective_map_quotes_the_translated_lesson(language, lesson):
    def rows(lang: str | None) -> list[list[str]]:
        body = section(lang, lesson, "Objectives and how they are assessed")
        return [r for r in table_rows(body) if len(r) == 3 and re.match(r"^\d+\.", r[0])]

    english, ours = rows(None), rows(language)
    notebook = read_notebook(NOTEBOOKS / language / f"{lesson}.ipynb")
    objectives = [clean_objective(r[0].split(".", 1)[1]) for r in ours]
    assert objectives == lesson_objectives(notebook), "objectives not quoted word for word"
    assert len(ours) == len(english), "not as many rows as the English map"
    for a, b in zip(english, ours, strict=True):
        assert re.findall(r"\bQ\d+\b", b[1]) == re.findall(r"\bQ\d+\b", a[1]), a[0]
        # "Q6; transfer Q7, Q8; written Q9": the same items in each kind, whatever its word
        groups = [[len(re.findall(r"\bQ\d+\b", part)) for part in x[1].split(";")] for x in (a, b)]
        assert groups[0] == groups[1], f"{a[0]}: items grouped as {b[1]!r}, not as {a[1]!r}"
        assert (a[2] in NO_EXERCISE) == (b[2] in NO_EXERCISE), f"{a[0]}: exercise in one map only"


@pytest.mark.parametrize("language, lesson", GUIDE_CASES, ids=_ids(GUIDE_CASES))
def test_the_quiz_key_and_the_rubrics_follow_the_translated_quiz(language, lesson):
    def key(lang: str | None) -> list[tuple[str, str]]:
        """The lettered answers of the key: the first paragraph that gives any ("Q1 B, 15")."""
        paragraphs = section(lang, lesson, "Answers to the exercises").split("\n\n")
        lettered = (re.findall(r"\bQ(\d+) ([A-H]),", p) for p in paragraphs)
        return next((found for found in lettered if found), [])

    assert key(language) == key(None) and key(None)
    answers = re.sub(r"\s+", " ", section(language, lesson, "Answers to the exercises"))
    answers = answers.replace("**", "")
    for n, item in enumerate(quiz.read_quiz_file(quiz_path(language, lesson)).items, start=1):
        if isinstance(item, WrittenAnswer):
            for text in (item.model_answer, *item.checklist):
                flat = re.sub(r"\s+", " ", text)
                assert flat in answers, f"Q{n}: the guide lacks {flat[:60]!r}…"


@pytest.mark.parametrize("language, lesson", GUIDE_CASES, ids=_ids(GUIDE_CASES))
def test_guide_prose_keeps_the_languages_typography(language, lesson):
    problems = typography_of(guide(language, lesson), language)
    assert not problems, "\n".join(problems)
