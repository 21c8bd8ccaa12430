"""Read and check 903 files: a folder of CSVs or one XML file per collection year, into plain
rows and problems; several years at once into one history.

No database here: the import service (services.py) writes what this module has checked, and
only when it found no problem at all (DESIGN 4.7). Every problem names the file, the row (the
line in the file, the header being line 1), the column, the value and why it is wrong.

Hostile or mistaken files must fail quickly and clearly, never with a traceback: a CSV field
longer than Python's csv limit is a problem, not an exception; a file with only a header row is
"nothing to import"; and the problems kept are bounded (`MAX_PROBLEMS_SHOWN`, with counts by
kind of every one found), a file being abandoned after `MAX_PROBLEMS_PER_FILE`, so that 10MB of
junk is refused in seconds with a short report instead of a million lines.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lxml import etree

from careleavers.core import dfe_codes
from careleavers.people.validators import is_child_id
from careleavers.returns import ssda903

PLACE_PROVIDER_CODES = dfe_codes.codes(dfe_codes.PLACE_PROVIDER)  # validator rule 178
MOTHER_CODES = ("0", "1")  # validator rule 165
UPN_UNKNOWN_CODES = dfe_codes.codes(dfe_codes.UPN_UNKNOWN)
POSTCODE_MAX_LENGTH = 8
URN_MAX_LENGTH = 7

# Bounds on what a refused import reports: every problem is counted by kind, the first few of
# each kind are listed up to a total, and a file is abandoned once it has this many (the rest
# of it is not read).
MAX_PROBLEMS_SHOWN = 300
MAX_SHOWN_PER_KIND = 10
MAX_PROBLEMS_PER_FILE = 2_000


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str
    value: str
    why: str

    def __str__(self) -> str:
        where = f"{self.file} row {self.row}" if self.row else self.file
        column = f", {self.column}" if self.column else ""
        value = f" {self.value!r}" if self.value else ""
        return f"{where}{column}{value}: {self.why}"

    @property
    def kind(self) -> tuple[str, str, str]:
        """What is wrong, without where: problems are counted by kind."""
        return (self.file, self.column, self.why)


@dataclass(frozen=True)
class ChildRow:
    child_id: str
    sex: str
    date_of_birth: date
    ethnicity: str
    upn: str
    upn_unknown_reason: str
    # MOTHER ("0", "1" or "" when not given) and MC_DOB, the first child's date of birth.
    mother: str = ""
    first_child_born_on: date | None = None


@dataclass(frozen=True)
class EpisodeRow:
    child_id: str
    start: date
    end: date | None
    reason_new_episode: str
    legal_status: str
    category_of_need: str
    placement_type: str
    placement_provider: str
    reason_ended: str
    reason_place_change: str
    home_postcode: str
    placement_postcode: str
    urn: str


@dataclass(frozen=True)
class Oc3Row:
    child_id: str
    in_touch: str
    activ: str
    accom: str


@dataclass
class Problems:
    """Every problem counted by kind; the first few of each kind kept to be listed."""

    shown: list[Problem] = field(default_factory=list)
    count: int = 0
    kinds: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    per_file: Counter[str] = field(default_factory=Counter)

    def add(self, problem: Problem) -> None:
        self.count += 1
        self.kinds[problem.kind] += 1
        self.per_file[problem.file] += 1
        if len(self.shown) < MAX_PROBLEMS_SHOWN and self.kinds[problem.kind] <= MAX_SHOWN_PER_KIND:
            self.shown.append(problem)

    def extend(self, other: Problems) -> None:
        room = MAX_PROBLEMS_SHOWN - len(self.shown)
        self.shown.extend(other.shown[: max(room, 0)])
        self.count += other.count
        self.kinds.update(other.kinds)
        self.per_file.update(other.per_file)

    def too_many_in(self, file: str) -> bool:
        return self.per_file[file] >= MAX_PROBLEMS_PER_FILE

    def __bool__(self) -> bool:
        return self.count > 0


@dataclass
class ParsedReturn:
    """What a 903 return holds that this service keeps, and everything wrong with it."""

    children: dict[str, ChildRow] = field(default_factory=dict)
    episodes: list[EpisodeRow] = field(default_factory=list)
    uasc: set[str] = field(default_factory=set)
    oc3: dict[str, Oc3Row] = field(default_factory=dict)
    found: Problems = field(default_factory=Problems)
    files_read: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    # Columns checked but not kept, said in the report so nobody expects them back.
    not_kept: tuple[str, ...] = ("DUC",)
    latest_episode_date: date | None = None
    header_ids: set[str] = field(default_factory=set)
    rows_read: int = 0

    @property
    def problems(self) -> list[Problem]:
        """The problems to list (the first of each kind; `found` counts them all)."""
        return self.found.shown

    def add_problem(self, problem: Problem) -> None:
        self.found.add(problem)

    @property
    def is_valid(self) -> bool:
        return not self.found


Row = Mapping[str, str]


class _Rows:
    """Checks the values of one file's rows, collecting problems."""

    def __init__(self, parsed: ParsedReturn, file: str) -> None:
        self.parsed = parsed
        self.file = file

    def problem(self, row: int | None, column: str, value: str, why: str) -> None:
        # A value is shown as far as a person can read it; junk can be megabytes long.
        shown = value if len(value) <= 60 else value[:57] + "..."
        self.parsed.add_problem(Problem(self.file, row, column, shown, why))

    def records(self, records: Iterable[tuple[int, Row]]) -> Iterator[tuple[int, Row]]:
        """The rows of the file, until it has had too many problems to be worth reading on."""
        for row, record in records:
            if self.parsed.found.too_many_in(self.file):
                self.problem(
                    row,
                    "",
                    "",
                    f"has {MAX_PROBLEMS_PER_FILE:,} problems or more: the rest of the file was "
                    "not checked",
                )
                return
            yield row, record

    def code(
        self, row: int, record: Row, column: str, allowed: Iterable[str], *, blank: bool = False
    ) -> str:
        value = record.get(column, "").strip().upper()
        if not value:
            if not blank:
                self.problem(row, column, "", "is missing")
            return ""
        if value not in set(allowed):
            self.problem(row, column, value, "is not a valid code")
        return value

    def day(self, row: int, record: Row, column: str, *, blank: bool = False) -> date | None:
        value = record.get(column, "").strip()
        if not value:
            if not blank:
                self.problem(row, column, "", "is missing")
            return None
        try:
            return ssda903.parse_date(value)
        except ValueError:
            self.problem(row, column, value, "is not a date in the form dd/mm/yyyy")
            return None

    def text(self, row: int, record: Row, column: str, max_length: int) -> str:
        value = record.get(column, "").strip().upper()
        if len(value) > max_length:
            self.problem(row, column, value, f"is longer than {max_length} characters")
        return value

    def child(self, row: int, record: Row, *, known: bool = True) -> str:
        value = record.get("CHILD", "").strip()
        if not value:
            self.problem(row, "CHILD", "", "is missing")
        elif len(value) > ssda903.CHILD_ID_MAX_LENGTH:
            self.problem(
                row,
                "CHILD",
                value,
                f"is longer than {ssda903.CHILD_ID_MAX_LENGTH} characters",
            )
        elif not is_child_id(value):
            self.problem(row, "CHILD", value, "must only include letters A to Z and numbers")
        elif known and value not in self.parsed.header_ids:
            self.problem(row, "CHILD", value, "is not in the header file")
        return value


def _read_header(rows: _Rows, records: Iterable[tuple[int, Row]]) -> None:
    parsed = rows.parsed
    for row, record in rows.records(records):
        child_id = rows.child(row, record, known=False)
        parsed.header_ids.add(child_id)
        raw_sex = record.get("SEX", "").strip()
        sex = ""
        try:
            sex = ssda903.normalise_sex(raw_sex)
        except KeyError:
            rows.problem(row, "SEX", raw_sex, "is not a valid code (M, F, U, or the old 1 or 2)")
        born = rows.day(row, record, "DOB")
        if born is not None and born > date.today():
            rows.problem(row, "DOB", record.get("DOB", ""), "is in the future")
        ethnicity = rows.code(row, record, "ETHNIC", dfe_codes.codes(dfe_codes.ETHNIC))
        upn = record.get("UPN", "").strip().upper()
        reason = ""
        if upn in UPN_UNKNOWN_CODES:
            upn, reason = "", upn
        elif upn and not ssda903.is_upn(upn):
            rows.problem(row, "UPN", upn, "is not a unique pupil number or UN1 to UN5")
        mother = rows.code(row, record, "MOTHER", MOTHER_CODES, blank=True)
        first_child = rows.day(row, record, "MC_DOB", blank=True)
        # Rule 611 and 612: MC_DOB goes with MOTHER 1, and only with it.
        if mother == "1" and first_child is None and not record.get("MC_DOB", "").strip():
            rows.problem(row, "MC_DOB", "", "is missing: MOTHER is 1, so MC_DOB must be given")
        if mother != "1" and first_child is not None:
            rows.problem(row, "MC_DOB", record.get("MC_DOB", ""), "is given but MOTHER is not 1")
        if born and first_child and first_child <= born:
            rows.problem(row, "MC_DOB", record.get("MC_DOB", ""), "is not after the DOB")
        if child_id in parsed.children:
            rows.problem(row, "CHILD", child_id, "appears more than once in the header file")
            continue
        if child_id and born and sex:
            parsed.children[child_id] = ChildRow(
                child_id, sex, born, ethnicity, upn, reason, mother, first_child
            )


def _read_episodes(rows: _Rows, records: Iterable[tuple[int, Row]]) -> None:
    parsed = rows.parsed
    seen: set[tuple[str, date]] = set()
    places = dfe_codes.codes(dfe_codes.PLACE) + dfe_codes.codes(dfe_codes.PLACE_RETIRED)
    for row, record in rows.records(records):
        child_id = rows.child(row, record)
        start = rows.day(row, record, "DECOM")
        end = rows.day(row, record, "DEC", blank=True)
        episode = EpisodeRow(
            child_id=child_id,
            start=start or date.min,
            end=end,
            reason_new_episode=rows.code(row, record, "RNE", dfe_codes.codes(dfe_codes.RNE)),
            legal_status=rows.code(row, record, "LS", dfe_codes.codes(dfe_codes.LS)),
            category_of_need=rows.code(row, record, "CIN", dfe_codes.codes(dfe_codes.CIN)),
            placement_type=rows.code(row, record, "PLACE", places),
            placement_provider=rows.code(
                row, record, "PLACE_PROVIDER", PLACE_PROVIDER_CODES, blank=True
            ),
            reason_ended=rows.code(row, record, "REC", dfe_codes.codes(dfe_codes.REC), blank=True),
            reason_place_change=rows.code(
                row,
                record,
                "REASON_PLACE_CHANGE",
                dfe_codes.codes(dfe_codes.REASON_PLACE_CHANGE),
                blank=True,
            ),
            home_postcode=rows.text(row, record, "HOME_POST", POSTCODE_MAX_LENGTH),
            placement_postcode=rows.text(row, record, "PL_POST", POSTCODE_MAX_LENGTH),
            urn=rows.text(row, record, "URN", URN_MAX_LENGTH),
        )
        if start and end and end < start:
            rows.problem(row, "DEC", record.get("DEC", ""), "is before DECOM")
        # Validator rule 148: the date and the reason an episode ceased go together.
        if end and not episode.reason_ended:
            rows.problem(row, "REC", "", "is missing: DEC is given, so REC must be too")
        if episode.reason_ended and not record.get("DEC", "").strip():
            rows.problem(row, "DEC", "", "is missing: REC is given, so DEC must be too")
        if start and child_id:
            if (child_id, start) in seen:
                rows.problem(
                    row,
                    "DECOM",
                    record.get("DECOM", ""),
                    "another episode for this child starts on the same day",
                )
            seen.add((child_id, start))
            latest = max(day for day in (start, end) if day is not None)
            if parsed.latest_episode_date is None or latest > parsed.latest_episode_date:
                parsed.latest_episode_date = latest
        parsed.episodes.append(episode)


def _check_dob(rows: _Rows, row: int, record: Row, child_id: str) -> None:
    born = rows.day(row, record, "DOB")
    child = rows.parsed.children.get(child_id)
    if born and child and born != child.date_of_birth:
        rows.problem(row, "DOB", record.get("DOB", ""), "is not the DOB in the header file")


def _read_uasc(rows: _Rows, records: Iterable[tuple[int, Row]]) -> None:
    for row, record in rows.records(records):
        child_id = rows.child(row, record)
        _check_dob(rows, row, record, child_id)
        raw_sex = record.get("SEX", "").strip()
        try:
            ssda903.normalise_sex(raw_sex)
        except KeyError:
            rows.problem(row, "SEX", raw_sex, "is not a valid code (M, F, U, or the old 1 or 2)")
        rows.day(row, record, "DUC", blank=True)
        if child_id in rows.parsed.uasc:
            rows.problem(row, "CHILD", child_id, "appears more than once in the UASC file")
        rows.parsed.uasc.add(child_id)


def _read_oc3(rows: _Rows, records: Iterable[tuple[int, Row]]) -> None:
    for row, record in rows.records(records):
        child_id = rows.child(row, record)
        _check_dob(rows, row, record, child_id)
        values = [record.get(column, "").strip() for column in ("IN_TOUCH", "ACTIV", "ACCOM")]
        if not any(values):
            continue
        in_touch = rows.code(row, record, "IN_TOUCH", dfe_codes.codes(dfe_codes.IN_TOUCH))
        activ = rows.code(row, record, "ACTIV", dfe_codes.codes(dfe_codes.ACTIV))
        accom = rows.code(row, record, "ACCOM", dfe_codes.codes(dfe_codes.ACCOM))
        # Rules 344 and 345: the values must agree with IN_TOUCH.
        if in_touch in ssda903.IN_TOUCH_NEEDS_ZERO and (activ, accom) != ("0", "0"):
            rows.problem(row, "IN_TOUCH", in_touch, "needs ACTIV and ACCOM to be 0")
        if in_touch == "YES" and "0" in (activ, accom):
            rows.problem(row, "IN_TOUCH", in_touch, "needs ACTIV and ACCOM to be known, not 0")
        if child_id in rows.parsed.oc3:
            rows.problem(row, "CHILD", child_id, "appears more than once in the OC3 file")
        rows.parsed.oc3[child_id] = Oc3Row(child_id, in_touch, activ, accom)


_READERS: dict[str, Callable[[_Rows, Iterable[tuple[int, Row]]], None]] = {
    "header": _read_header,
    "episodes": _read_episodes,
    "uasc": _read_uasc,
    "oc3": _read_oc3,
}


def _decode(file: str, content: bytes, parsed: ParsedReturn) -> str | None:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.add_problem(Problem(file, None, "", "", "is not UTF-8 text"))
        return None
    if "\x00" in text:
        # A NUL character never belongs in a CSV file and PostgreSQL cannot store one in text,
        # so the file is refused whole, with the line to look at, before any row is read.
        line = text.count("\n", 0, text.index("\x00")) + 1
        parsed.add_problem(
            Problem(file, line, "", "", "holds a NUL character (byte 0), which is not text")
        )
        return None
    return text


def _csv_rows(
    name: str, text: str, parsed: ParsedReturn
) -> tuple[list[str], list[tuple[int, Row]]] | None:
    """The header and the rows of one CSV file; None (and a problem) when it cannot be read.

    Python's csv module raises on a field longer than its limit (131,072 characters) and on
    some malformed quoting; a 903 field is never longer than 13 characters, so either means the
    file is not a 903 file, and is reported as such rather than raised.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, Row]] = []
    try:
        header = next(reader, None)
        if header is None:
            parsed.add_problem(Problem(name, None, "", "", "is empty: nothing to import"))
            return None
        columns = [column.strip().upper() for column in header]
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, as spreadsheets leave at the end
            records.append(
                (
                    reader.line_num,
                    {
                        column: (cells[index] if index < len(cells) else "")
                        for index, column in enumerate(columns)
                    },
                )
            )
            if len(cells) > len(columns) and any(cell.strip() for cell in cells[len(columns) :]):
                parsed.add_problem(
                    Problem(name, reader.line_num, "", "", "has more values than columns")
                )
                if parsed.found.too_many_in(name):
                    return None
    except csv.Error as error:
        parsed.add_problem(
            Problem(
                name,
                reader.line_num or 1,
                "",
                "",
                f"cannot be read as CSV ({error}); a 903 file has short values only",
            )
        )
        return None
    return columns, records


def read_csv_files(files: Mapping[str, bytes]) -> ParsedReturn:
    """Read 903 CSVs (file name to content). Each is recognised by its headers, not its name."""
    parsed = ParsedReturn()
    tables: dict[str, tuple[str, list[tuple[int, Row]]]] = {}
    for name in sorted(files):
        text = _decode(name, files[name], parsed)
        if text is None:
            continue
        read = _csv_rows(name, text, parsed)
        if read is None:
            continue
        columns, records = read
        table = ssda903.table_for_columns(columns)
        if table is None:
            shown = ",".join(columns)
            parsed.add_problem(
                Problem(
                    name,
                    1,
                    "",
                    shown if len(shown) <= 80 else shown[:77] + "...",
                    "has headers that match no 903 table",
                )
            )
            continue
        if table not in _READERS:
            parsed.ignored.append(f"{name} ({table})")
            continue
        if table in tables:
            parsed.add_problem(
                Problem(name, None, "", "", f"is a second {table} file ({tables[table][0]})")
            )
            continue
        tables[table] = (name, records)
        parsed.rows_read += len(records)
        parsed.files_read.append(f"{name} ({table}, {len(records)} rows)")
    if "header" not in tables:
        parsed.add_problem(Problem("(folder)", None, "", "", "has no header file"))
    elif not parsed.rows_read and parsed.is_valid:
        parsed.add_problem(
            Problem(
                tables["header"][0],
                None,
                "",
                "",
                "has no rows, only column headings: nothing to import",
            )
        )
    for table in ("header", "episodes", "uasc", "oc3"):
        if table in tables:
            name, records = tables[table]
            _READERS[table](_Rows(parsed, name), records)
    return parsed


def _xml_value(element: etree._Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def read_xml(name: str, content: bytes) -> ParsedReturn:
    """Read a 903 XML file (docs/data/ssda903.md section 1). Rows are the XML's line numbers."""
    parsed = ParsedReturn()
    try:
        root = etree.fromstring(
            content,
            parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False),
        )
    except etree.XMLSyntaxError as error:
        parsed.add_problem(Problem(name, None, "", "", f"is not well-formed XML ({error})"))
        return parsed
    if root is None or root.tag != "EXPSSDA903":
        parsed.add_problem(
            Problem(name, None, "", "", "is not a 903 XML file (no EXPSSDA903 element)")
        )
        return parsed
    header_rows: list[tuple[int, Row]] = []
    episode_rows: list[tuple[int, Row]] = []
    uasc_rows: list[tuple[int, Row]] = []
    oc3_rows: list[tuple[int, Row]] = []
    for child in root.iter("CHILD"):
        header = child.find("HEADER")
        if header is None:
            parsed.add_problem(
                Problem(name, child.sourceline, "HEADER", "", "is missing from a CHILD")
            )
            if parsed.found.too_many_in(name):
                return parsed
            continue
        line = header.sourceline or 0
        record = {column: _xml_value(header, column) for column in ssda903.HEADER_COLUMNS}
        record["CHILD"] = _xml_value(header, "CHILDID")
        header_rows.append((line, record))
        if _xml_value(header, "UASC") == "1" or _xml_value(header, "DUC"):
            uasc_rows.append(
                (
                    line,
                    {
                        "CHILD": record["CHILD"],
                        "SEX": record["SEX"],
                        "DOB": record["DOB"],
                        "DUC": _xml_value(header, "DUC"),
                    },
                )
            )
        oc3 = {column: _xml_value(header, column) for column in ("IN_TOUCH", "ACTIV", "ACCOM")}
        if any(oc3.values()):
            oc3_rows.append((line, {"CHILD": record["CHILD"], "DOB": record["DOB"], **oc3}))
        for episode in child.iter("EPISODE"):
            values = {column: _xml_value(episode, column) for column in ssda903.EPISODES_COLUMNS}
            values["PLACE"] = _xml_value(episode, "PL")
            values["CHILD"] = record["CHILD"]
            episode_rows.append((episode.sourceline or 0, values))
    parsed.rows_read = len(header_rows)
    parsed.files_read.append(f"{name} (XML, {len(header_rows)} children)")
    if not header_rows:
        parsed.add_problem(Problem(name, None, "", "", "holds no children: nothing to import"))
        return parsed
    other = sorted(
        {
            tag
            for tag in ("AREVIEW", "AMISSING", "PERMANENCE", "AD_PLACED", "OC2")
            if root.find(f".//{tag}") is not None
        }
    )
    if other:
        parsed.ignored.append(f"{name}: {', '.join(other)}")
    _read_header(_Rows(parsed, name), header_rows)
    for table, rows in (("episodes", episode_rows), ("uasc", uasc_rows), ("oc3", oc3_rows)):
        _READERS[table](_Rows(parsed, name), rows)
    return parsed


def read_return(path: Path) -> ParsedReturn:
    """Read a folder of 903 CSVs, or one 903 XML file (one collection year)."""
    if path.is_dir():
        files = {
            p.name: p.read_bytes()
            for p in sorted(path.iterdir())
            if p.is_file() and p.suffix.lower() == ".csv"
        }
        parsed = read_csv_files(files)
        others = sorted(
            p.name
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() != ".csv" and not p.name.startswith(".")
        )
        parsed.ignored.extend(f"{name} (not a CSV file)" for name in others)
        return parsed
    if path.is_file() and path.suffix.lower() == ".xml":
        return read_xml(path.name, path.read_bytes())
    if path.is_file() and path.suffix.lower() == ".csv":
        return read_csv_files({path.name: path.read_bytes()})
    parsed = ParsedReturn()
    parsed.add_problem(
        Problem(str(path), None, "", "", "is neither a folder of CSV files nor an XML file")
    )
    return parsed


# --- Several years ---------------------------------------------------------------------------

# A year in a folder or file name: "2026", "2025-26", "2025_2026", "903 2025 to 2026". A pair
# names the collection year by the year it ends, as the DfE does.
_YEAR_PAIR = re.compile(r"(?<!\d)(20\d\d)\D{1,4}(20)?(\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def year_in_name(name: str) -> int | None:
    """The collection year a folder or file name gives, if it gives one."""
    pair = _YEAR_PAIR.search(name)
    if pair:
        first = int(pair.group(1))
        second = int(pair.group(1)[:2] + pair.group(3))
        if second == first + 1:
            return second
    years = _YEAR.findall(name)
    if len(years) == 1:
        return int(years[0])
    return None


@dataclass
class YearReturn:
    """One collection year's return: where it came from, the year and what it holds."""

    source: str
    year: int | None
    parsed: ParsedReturn


def _is_return(path: Path) -> bool:
    if path.is_file():
        return path.suffix.lower() in (".csv", ".xml")
    return path.is_dir() and any(
        child.is_file() and child.suffix.lower() == ".csv" for child in path.iterdir()
    )


def return_paths(paths: Iterable[Path]) -> list[Path]:
    """The returns among ``paths``: each a folder of CSVs or an XML file. A folder holding
    no CSV files but folders (or XML files) is a folder per year, and each of those is one."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not _is_return(path):
            inside = sorted(child for child in path.iterdir() if not child.name.startswith("."))
            years = [child for child in inside if _is_return(child)]
            found.extend(years or [path])
        else:
            found.append(path)
    return found


def read_returns(paths: Iterable[Path], *, year: int | None = None) -> list[YearReturn]:
    """Read each return; its year from its name, from ``year`` (one return only), or from the
    latest date in its episodes (decided by the caller when none is found here)."""
    found = return_paths(paths)
    returns = []
    for path in found:
        named = year if year is not None and len(found) == 1 else year_in_name(path.name)
        returns.append(YearReturn(path.name, named, read_return(path)))
    return returns


@dataclass
class History:
    """Several years' returns merged into one care history, or every reason they cannot be.

    Young people are matched by CHILD across years: the latest year's header values win (a
    council corrects an ethnicity or a UPN), and a date of birth that differs between years is
    a problem, not a guess. An episode is matched by CHILD and DECOM: one open at the end of a
    year is in the next year's file too, with its end, so the latest year's row wins. OC3 rows
    stay per year: each is what was returned for that year.
    """

    returns: list[YearReturn] = field(default_factory=list)
    children: dict[str, ChildRow] = field(default_factory=dict)
    episodes: dict[tuple[str, date], EpisodeRow] = field(default_factory=dict)
    uasc: set[str] = field(default_factory=set)
    oc3: dict[tuple[str, int], Oc3Row] = field(default_factory=dict)
    oc3_source: dict[int, str] = field(default_factory=dict)
    found: Problems = field(default_factory=Problems)
    files_read: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    not_kept: tuple[str, ...] = ()

    @property
    def years(self) -> list[int]:
        return sorted(r.year for r in self.returns if r.year is not None)

    @property
    def problems(self) -> list[Problem]:
        return self.found.shown

    @property
    def is_valid(self) -> bool:
        return not self.found


def _year_from_data(parsed: ParsedReturn, today: date) -> int:
    """A return's collection year when nobody named it: that of its latest date (an episode's
    start or end), as a year's file holds nothing after its 31 March."""
    return ssda903.collection_year_of(parsed.latest_episode_date or today)


def merge_returns(returns: list[YearReturn], *, today: date) -> History:
    """Merge the years' returns, oldest first, into one history (see History)."""
    history = History()
    for year_return in returns:
        if year_return.year is None:
            year_return.year = _year_from_data(year_return.parsed, today)
        history.found.extend(year_return.parsed.found)
        label = ssda903.collection_year_label(year_return.year)
        history.files_read.extend(
            f"{name} for {label}" if len(returns) > 1 else name
            for name in year_return.parsed.files_read
        )
        history.ignored.extend(year_return.parsed.ignored)
        history.not_kept = year_return.parsed.not_kept
    by_year: dict[int, list[str]] = {}
    for year_return in returns:
        assert year_return.year is not None
        by_year.setdefault(year_return.year, []).append(year_return.source)
    for year, sources in sorted(by_year.items()):
        if len(sources) > 1:
            history.found.add(
                Problem(
                    ", ".join(sources),
                    None,
                    "",
                    "",
                    f"are all returns for {ssda903.collection_year_label(year)}: import one "
                    "return a year (name each folder or file by its year, for example 2025-26)",
                )
            )
    history.returns = sorted(returns, key=lambda r: r.year or 0)
    if not history.is_valid:
        return history
    for year_return in history.returns:
        assert year_return.year is not None
        collection_year = year_return.year
        parsed = year_return.parsed
        for child_id, child in parsed.children.items():
            earlier = history.children.get(child_id)
            if earlier and earlier.date_of_birth != child.date_of_birth:
                history.found.add(
                    Problem(
                        year_return.source,
                        None,
                        "DOB",
                        ssda903.format_date(child.date_of_birth),
                        f"differs for CHILD {child_id} from an earlier year's return "
                        f"({ssda903.format_date(earlier.date_of_birth)})",
                    )
                )
            history.children[child_id] = child
        for episode in parsed.episodes:
            history.episodes[(episode.child_id, episode.start)] = episode
        history.uasc |= parsed.uasc
        for child_id, row in parsed.oc3.items():
            history.oc3[(child_id, collection_year)] = row
        if parsed.oc3:
            history.oc3_source[collection_year] = year_return.source
    return history
