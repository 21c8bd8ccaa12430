"""Read and check 903 files: a folder of CSVs or one XML file, into plain rows and problems.

No database here: the import service (services.py) writes what this module has checked, and
only when it found no problem at all (DESIGN 4.7). Every problem names the file, the row (the
line in the file, the header being line 1), the column, the value and why it is wrong.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
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


@dataclass(frozen=True)
class ChildRow:
    child_id: str
    sex: str
    date_of_birth: date
    ethnicity: str
    upn: str
    upn_unknown_reason: str


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
class ParsedReturn:
    """What a 903 return holds that this service keeps, and everything wrong with it."""

    children: dict[str, ChildRow] = field(default_factory=dict)
    episodes: list[EpisodeRow] = field(default_factory=list)
    uasc: set[str] = field(default_factory=set)
    oc3: dict[str, Oc3Row] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files_read: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    # Columns checked but not kept, said in the report so nobody expects them back.
    not_kept: tuple[str, ...] = ("MOTHER", "MC_DOB", "DUC")
    latest_episode_date: date | None = None
    header_ids: set[str] = field(default_factory=set)

    @property
    def is_valid(self) -> bool:
        return not self.problems


Row = Mapping[str, str]


class _Rows:
    """Checks the values of one file's rows, collecting problems."""

    def __init__(self, parsed: ParsedReturn, file: str) -> None:
        self.parsed = parsed
        self.file = file

    def problem(self, row: int | None, column: str, value: str, why: str) -> None:
        self.parsed.problems.append(Problem(self.file, row, column, value, why))

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
    for row, record in records:
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
        rows.code(row, record, "MOTHER", MOTHER_CODES, blank=True)
        rows.day(row, record, "MC_DOB", blank=True)
        if child_id in parsed.children:
            rows.problem(row, "CHILD", child_id, "appears more than once in the header file")
            continue
        if child_id and born and sex:
            parsed.children[child_id] = ChildRow(child_id, sex, born, ethnicity, upn, reason)


def _read_episodes(rows: _Rows, records: Iterable[tuple[int, Row]]) -> None:
    parsed = rows.parsed
    seen: set[tuple[str, date]] = set()
    places = dfe_codes.codes(dfe_codes.PLACE) + dfe_codes.codes(dfe_codes.PLACE_RETIRED)
    for row, record in records:
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
    for row, record in records:
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
    for row, record in records:
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
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        parsed.problems.append(Problem(file, None, "", "", "is not UTF-8 text"))
        return None


def read_csv_files(files: Mapping[str, bytes]) -> ParsedReturn:
    """Read 903 CSVs (file name to content). Each is recognised by its headers, not its name."""
    parsed = ParsedReturn()
    tables: dict[str, tuple[str, list[tuple[int, Row]]]] = {}
    for name in sorted(files):
        text = _decode(name, files[name], parsed)
        if text is None:
            continue
        reader = csv.DictReader(io.StringIO(text, newline=""))
        columns = [column.strip().upper() for column in reader.fieldnames or ()]
        table = ssda903.table_for_columns(columns)
        if table is None:
            parsed.problems.append(
                Problem(name, 1, "", ",".join(columns), "has headers that match no 903 table")
            )
            continue
        if table not in _READERS:
            parsed.ignored.append(f"{name} ({table})")
            continue
        if table in tables:
            parsed.problems.append(
                Problem(name, None, "", "", f"is a second {table} file ({tables[table][0]})")
            )
            continue
        records: list[tuple[int, Row]] = [
            (
                number,
                {
                    key.strip().upper(): (value or "")
                    for key, value in record.items()
                    if key is not None
                },
            )
            for number, record in enumerate(reader, start=2)
        ]
        tables[table] = (name, records)
        parsed.files_read.append(f"{name} ({table}, {len(records)} rows)")
    if "header" not in tables:
        parsed.problems.append(Problem("(folder)", None, "", "", "has no header file"))
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
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as error:
        parsed.problems.append(Problem(name, None, "", "", f"is not well-formed XML ({error})"))
        return parsed
    header_rows: list[tuple[int, Row]] = []
    episode_rows: list[tuple[int, Row]] = []
    uasc_rows: list[tuple[int, Row]] = []
    oc3_rows: list[tuple[int, Row]] = []
    for child in root.iter("CHILD"):
        header = child.find("HEADER")
        if header is None:
            parsed.problems.append(
                Problem(name, child.sourceline, "HEADER", "", "is missing from a CHILD")
            )
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
    parsed.files_read.append(f"{name} (XML, {len(header_rows)} children)")
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
    """Read a folder of 903 CSVs, or one 903 XML file."""
    if path.is_dir():
        files = {
            p.name: p.read_bytes()
            for p in sorted(path.iterdir())
            if p.is_file() and p.suffix.lower() == ".csv"
        }
        parsed = read_csv_files(files)
        others = sorted(
            p.name for p in path.iterdir() if p.is_file() and p.suffix.lower() != ".csv"
        )
        parsed.ignored.extend(f"{name} (not a CSV file)" for name in others)
        return parsed
    if path.is_file() and path.suffix.lower() == ".xml":
        return read_xml(path.name, path.read_bytes())
    if path.is_file() and path.suffix.lower() == ".csv":
        return read_csv_files({path.name: path.read_bytes()})
    parsed = ParsedReturn()
    parsed.problems.append(
        Problem(str(path), None, "", "", "is neither a folder of CSV files nor an XML file")
    )
    return parsed
