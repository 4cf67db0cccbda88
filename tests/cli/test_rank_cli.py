"""`kxplan rank`: every format, the options, and errors as one line with exit status 2."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from support import invoke

from kxplan.reports.ranking import markdown_escape, truncate
from kxplan.scoring import rank, robustness
from kxplan.storage import load

PLAN = """\
schema = 1
title = "Rank test"

[[initiatives]]
id = "tracking-link"
title = "Tracking link | in every *order* confirmation, with a title long enough to be cut"
areas = ["unnecessary_demand"]
effort = 2
customer_value = 4
efficiency = 5
estimates = [
  { participant = "Ann", effort = 1, customer_value = 4 },
  { participant = "Bo", effort = 3, customer_value = 5 },
]

[[initiatives]]
id = "chat"
title = "Chat all day"
areas = ["accessibility"]
effort = 1
customer_value = 3
efficiency = 2

[[initiatives]]
id = "one-view"
title = "One case view"
effort = 4
customer_value = 5
efficiency = 5
depends_on = ["chat"]

[[initiatives]]
id = "old"
title = "Already done"
status = "done"
effort = 1
customer_value = 5
efficiency = 5

[[initiatives]]
id = "vague"
title = "Not scored yet"
customer_value = 3
"""
# ratio: tracking-link effort median 2, value 4.5, efficiency 5 → impact 4.75 ÷ 2 = 2.375
#        chat 2.5 ÷ 1 = 2.5;  one-view 5 ÷ 4 = 1.25  →  chat, tracking-link, one-view


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_table_lists_ranked_then_unscored(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Ranked by ratio: Impact ÷ effort"
    assert lines[2].split() == [
        "Rank", "Id", "Title", "Effort", "Impact", "Score", "Quadrant", "Agreement",
    ]  # fmt: skip
    rows = [line.split()[:2] for line in lines[4:7]]
    assert rows == [["1", "chat"], ["2", "tracking-link"], ["3", "one-view"]]
    assert "Tracking link | in every *order* confir…" in result.output
    assert "Not ranked, effort or impact missing: vague" in result.output
    assert "Left out: 1 done, dropped or outside the chosen area" in result.output
    # columns line up: every row's Effort column ends where the header's does
    header = lines[2]
    end = header.index("Effort") + len("Effort")
    assert all(line[end - 1] != " " for line in lines[4:7])


def test_json_matches_the_engine(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--format", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    expected = rank(load(plan_file)).results
    assert [r["id"] for r in records] == [r.id for r in expected]
    for record, item in zip(records, expected, strict=True):
        assert record["rank"] == item.rank
        assert record["score"] == pytest.approx(item.score)
        assert (record["effort"], record["impact"]) == (item.effort, item.impact)
        assert record["quadrant"] == item.quadrant
        assert record["agreement"] == item.agreement
        assert record["explanation"] == item.explanation
    assert records[1]["score"] == pytest.approx(2.375)
    assert records[1]["agreement"] == "medium"  # effort estimates 1 and 3


def test_json_with_robustness_matches_the_engine(plan_file: Path) -> None:
    result = invoke(
        "rank", str(plan_file), "-f", "json", "--robust", "--seed", "3", "--samples", "200"
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    expected = robustness(load(plan_file), samples=200, seed=3, top_k=5)
    for record in records:
        found = expected[record["id"]]
        assert (record["rank_low"], record["rank_high"]) == (found.rank_low, found.rank_high)
        assert record["p_top_k"] == found.p_top_k
        assert record["top_k"] == 5
        assert record["unstable"] == found.unstable


def test_csv_has_a_header_and_a_row_per_initiative(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == ["chat", "tracking-link", "one-view"]
    assert rows[1]["title"].startswith("Tracking link | in every *order*")
    assert rows[0]["quadrant"] == "fill_in"  # impact 2.5 < 3


def test_markdown_is_a_table_with_escaped_text(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[2].startswith("| Rank | Id | Title |")
    assert lines[3].startswith("| ---: | --- | --- |")
    assert "Tracking link \\| in every \\*order\\* confirmation" in result.output
    assert "- Not ranked, effort or impact missing: vague" in result.output


def test_robust_table_adds_interval_and_chance(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--robust", "--top", "2", "--samples", "100")
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[2]
    assert header.split()[-4:] == ["Interval", "P(top", "2)", "Stable"]
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines[4:6]] == ["1", "2"]
    assert lines[4].split()[-3:] == ["1–2", "100%", "stable"]  # always in the top 2
    assert lines[6] == ""  # only two rows


def test_top_limits_the_rows(plan_file: Path) -> None:
    records = json.loads(invoke("rank", str(plan_file), "-f", "json", "-n", "1").stdout)
    assert [r["id"] for r in records] == ["chat"]


def test_method_option_and_dependency_note(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--method", "quadrant")
    assert result.exit_code == 0, result.output
    # quadrant: tracking-link (impact 4.75, effort 2) is the only quick win; one-view a major
    # project, but it depends on chat (impact 2.5, a fill-in), so chat goes before it
    rows = [line.split()[:2] for line in result.output.splitlines()[4:7]]
    assert rows == [["1", "tracking-link"], ["2", "chat"], ["3*", "one-view"]]
    assert "* one-view is placed after chat, which it depends on." in result.output
    assert "high impact: ≥ 3, high effort: > 3" in result.output


def test_dependency_marker(tmp_path: Path) -> None:
    path = tmp_path / "deps.toml"
    path.write_text(
        PLAN.replace('depends_on = ["chat"]', "").replace(
            'id = "chat"', 'id = "chat"\ndepends_on = ["one-view"]'
        ),
        encoding="utf-8",
    )
    result = invoke("rank", str(path))
    assert result.exit_code == 0, result.output
    assert "  3*  chat" in result.output
    assert "* chat is placed after one-view, which it depends on." in result.output


def test_area_and_include_done(plan_file: Path) -> None:
    records = json.loads(
        invoke("rank", str(plan_file), "-f", "json", "--area", "accessibility").output
    )
    assert [r["id"] for r in records] == ["chat"]
    records = json.loads(invoke("rank", str(plan_file), "-f", "json", "--include-done").stdout)
    assert records[0]["id"] == "old"


def test_compare_methods_side_by_side(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--compare-methods", "-f", "json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records[0] == {
        "id": "chat",
        "title": "Chat all day",
        "ranks": {"ratio": 1, "quadrant": 2, "ice": 2},
    }
    table = invoke("rank", str(plan_file), "--compare-methods")
    assert table.output.splitlines()[2].split() == ["Id", "Title", "ratio", "quadrant", "ice"]
    csv_rows = list(
        csv.reader(
            io.StringIO(invoke("rank", str(plan_file), "--compare-methods", "-f", "csv").output)
        )
    )
    assert csv_rows[0] == ["id", "title", "ratio", "quadrant", "ice"]
    markdown = invoke(
        "rank", str(plan_file), "--compare-methods", "-f", "markdown", "-m", "ice"
    ).output
    assert "| Id | Title | ice | ratio | quadrant |" in markdown


def test_a_method_some_initiatives_lack_inputs_for_ranks_the_rest(plan_file: Path) -> None:
    """WSJF needs time criticality and risk reduction: chat has both and is ranked; the
    others are listed on stderr with what they lack, and the exit status is 0."""
    text = plan_file.read_text(encoding="utf-8")
    text = text.replace(
        "efficiency = 2\n", "efficiency = 2\ntime_criticality = 2\nrisk_reduction = 1\n", 1
    )
    text = text.replace('depends_on = ["chat"]', 'depends_on = ["chat"]\ntime_criticality = 3', 1)
    plan_file.write_text(text, encoding="utf-8")
    result = invoke("rank", str(plan_file), "--method", "wsjf", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == ["chat"]
    assert result.stderr.splitlines() == [
        f"{plan_file}: not ranked by wsjf (2), for want of what the method needs:",
        "  Tracking link | in every *order* confirmation, with a title long enough to be cut "
        "(tracking-link): lacks time criticality, risk reduction",
        "  One case view (one-view): lacks risk reduction",
        f"{plan_file}: not ranked, effort or impact missing: vague",
    ]
    robust = invoke("rank", str(plan_file), "--method", "wsjf", "--robust", "-f", "json")
    assert robust.exit_code == 0, robust.stderr
    assert [r["id"] for r in json.loads(robust.stdout)] == ["chat"]


def test_a_method_no_initiative_has_the_inputs_for_says_so(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--method", "rice")
    assert result.exit_code == 0
    assert "No initiative has the inputs rice needs yet" in result.stdout
    assert "chat: lacks reach" not in result.stderr  # named by title
    assert "  Chat all day (chat): lacks reach" in result.stderr.splitlines()


def test_weighted_without_criteria_is_one_line_and_exit_2(plan_file: Path) -> None:
    result = invoke("rank", str(plan_file), "--method", "weighted")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "weighted needs criteria" in result.stderr
    assert str(plan_file) in result.stderr


def test_an_invalid_plan_is_reported_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('schema = 1\ntitle = "x"\n[[initiatives]]\nid = "a"\ntitle = "A"\neffort = 9\n')
    result = invoke("rank", str(path))
    assert result.exit_code == 2
    assert "effort" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke("rank", str(tmp_path / "nope.toml"))
    assert result.exit_code == 2


def test_helpers_for_text() -> None:
    assert truncate("a" * 50, 10) == "aaaaaaaaa…"
    assert truncate("short\nline") == "short line"
    assert markdown_escape("a|b *c* <d>") == "a\\|b \\*c\\* \\<d>"  # the one escaper: "<" is enough
    assert truncate("red \x1b[31mtext") == "red \\x1b[31mtext"  # shown, not obeyed


def test_csv_and_json_keep_hostile_titles_literal_and_numbers_plain(tmp_path: Path) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(
        'schema = 1\ntitle = "T"\n[[initiatives]]\nid = "a"\n'
        "title = \"=cmd|' /C calc'!A0 \\u001b[31mred\\u009b\"\n"
        "effort = 2\ncustomer_value = 3\nefficiency = 3\n",
        encoding="utf-8",
    )
    csv_out = invoke("rank", str(path), "-f", "csv").output
    row = next(csv.DictReader(io.StringIO(csv_out)))
    assert row["title"] == "'=cmd|' /C calc'!A0 \\x1b[31mred\\x9b"  # shown, not run
    assert (row["effort"], row["score"]) == ("2", "1.5")  # 2, not 2.0
    json_out = invoke("rank", str(path), "-f", "json").output
    assert "\x1b" not in json_out
    assert "\x9b" not in json_out  # written \u009b
    assert json.loads(json_out)[0]["title"] == "=cmd|' /C calc'!A0 \x1b[31mred\x9b"
