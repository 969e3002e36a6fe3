"""Shared pieces of the import/export tests."""

from __future__ import annotations

import csv
import datetime as dt
import io

HOSTILE = ["-begint met min", "=1+1", "+31 6 1234", "@SUM(A1)", "'=al een apostrof", "[b]vet[/b] [@click=app.quit]x",
           "<script>alert(1)</script>", "=HYPERLINK(\"http://x\";\"klik\")"]


def fill(store, slug):
    """Actions with hostile titles, owners, dates, statuses, a leerpunt."""
    from store.model.records import Action, Finding, Meeting

    meeting = store.add(Meeting(date=dt.date(2026, 10, 1), theme="Bereikbaarheid"), slug)
    finding = store.add(Finding(meeting=meeting.id, text="-telefoon slecht bereikbaar"), slug)
    made = []
    for n, title in enumerate(HOSTILE):
        made.append(store.add(Action(title=title, owner=f"=Eigenaar{n}", description=f"+omschrijving\nregel 2 {n}",
                                     deadline=dt.date(2027, 1, 1 + n), status="in_progress" if n % 2 else "planned",
                                     phase=1 + n % 4, route=1 + (n // 2) % 4, progress=n * 10,
                                     findings=[finding.id] if n == 0 else []), slug))
    return meeting, finding, made


def csv_rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return "\ufeff".encode() + out.getvalue().encode()


FIELDS = ("title", "description", "owner", "deadline", "status", "phase", "route", "progress", "review_date",
          "started_on", "done_on", "evaluated_on")


def same_fields(a, b, fields=FIELDS) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in fields)
