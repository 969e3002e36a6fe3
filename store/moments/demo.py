"""Realistic Dutch demo data: practices, a Hagro and a municipality with meetings,
findings, actions and KPIs, reproducible from a seed, dates relative to `store.today()`.

`build_demo(store)` makes six units with about a hundred actions; `actions=N` makes
exactly N actions spread over more units (about 200 per unit) for benchmarks. Each
unit is written in one transaction, and ids are reserved in one batch per kind, so
50,000 actions cost a few hundred file writes rather than a hundred thousand.
The phrase lists are in `store.moments.demo_phrases`; no patient is ever named.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from typing import Callable

from store.moments import demo_phrases as P
from store.model.records import Action, Finding, Kpi, Measurement, Meeting, Team, Unit, Visit
from store.persistence.repository import Store
from store.persistence.unit_names import slugify
from store.model.vocab import Direction, FindingKind, FindingState, MeetingFormat, Status, TeamKind, UnitKind

ACTIONS_PER_UNIT = 200
STATUS_WEIGHTS = ((Status.PLANNED, 25), (Status.IN_PROGRESS, 40), (Status.DONE, 25), (Status.STOPPED, 10))
STATE_ODDS = {  # kind -> chance of (actions, parked, declined); the rest stays open
    FindingKind.LEERPUNT: (0.6, 0.1, 0.08),
    FindingKind.TIP: (0.3, 0.1, 0.05),
    FindingKind.RECOMMENDATION: (0.5, 0.15, 0.1),
}
Progress = Callable[[int, int], None]


@dataclass
class _Spec:
    name: str
    kind: str
    relatiemanager: str
    phases: tuple[int, ...]
    themes: tuple[str, ...]
    formats: tuple[str, ...]
    actions: int


def build_demo(store: Store, *, actions: int | None = None, seed: int = 7, progress: Progress | None = None) -> list[str]:
    """Create demo units in `store`; returns their slugs (existing units are left alone)."""
    rng = random.Random(seed)
    specs = _specs(rng, actions)
    total = sum(spec.actions for spec in specs)
    taken = set(store.slugs())
    slugs: list[str] = []
    done = 0
    if progress:
        progress(0, total)
    for index, spec in enumerate(specs):
        slugs.append(_build_unit(store, rng, spec, index, _free_slug(spec.name, taken)))
        done += spec.actions
        if progress:
            progress(done, total)
    return slugs


def _specs(rng: random.Random, actions: int | None) -> list[_Spec]:
    specs = [_Spec(*row) for row in P.UNITS]
    if actions is None:
        return specs
    if actions < 0:
        raise ValueError("actions must not be negative")
    count = max(len(specs), math.ceil(actions / ACTIONS_PER_UNIT))
    practice_themes = [key for key in P.THEMES if key not in ("wmo", "eenzaamheid")]
    for i in range(count - len(specs)):
        name = f"{P.EXTRA_PREFIXES[i % 4]} {P.EXTRA_NAMES[(i // 4) % len(P.EXTRA_NAMES)]}"
        if i >= 100:
            name += f" {P.EXTRA_PLACES[(i // 100) % len(P.EXTRA_PLACES)]}"
        if i >= 800:
            name += f" {i}"
        phases = tuple(rng.randint(1, 4) for _ in range(4))
        themes = tuple(rng.sample(practice_themes, 4))
        formats = ("spiegelgesprek", rng.choice(("inloopavond", "themabijeenkomst")))
        specs.append(_Spec(name, "practice", rng.choice(P.RELATIEMANAGERS), phases, themes, formats, 0))
    share, extra = divmod(actions, count)
    for i, spec in enumerate(specs):
        spec.actions = share + (1 if i < extra else 0)
    return specs


def _free_slug(name: str, taken: set[str]) -> str:
    base = slug = slugify(name)
    number = 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _build_unit(store: Store, rng: random.Random, spec: _Spec, index: int, slug: str) -> str:
    today = store.today()
    phases = {str(route): phase for route, phase in enumerate(spec.phases, start=1)}
    hagro, municipality = P.BELONGS.get(spec.name) or P.EXTRA_HAGROS[index % len(P.EXTRA_HAGROS)]
    login = _demo_user(store) if spec.relatiemanager == P.DEMO_USER_RM else P.LOGINS.get(spec.relatiemanager, "")
    last_visit = today - dt.timedelta(days=rng.randint(7, 120))
    unit = Unit(name=spec.name, kind=UnitKind(spec.kind), relatiemanager=spec.relatiemanager, phases=phases,
                relatiemanager_login=login, hagro=hagro, municipality=municipality)
    store.create_unit(unit, slug)
    meetings, findings = _meetings(rng, spec, today)
    linked = _decide_states(rng, findings, spec.actions)
    actions = [_action(rng, spec, unit, i, index, linked, today) for i in range(spec.actions)]
    kpis = _kpis(rng, actions, today)
    for kind_records in (meetings, [f for f, _ in findings], [a for a, _, _ in actions], [k for k, _ in kpis]):
        _assign_ids(store, kind_records, slug)
    for finding, meeting in findings:
        finding.meeting = meeting.id
    for action, sources, _ in actions:
        action.findings = [f.id for f in sources]
    for kpi, action in kpis:
        kpi.action = action.id
    visits = _visits(spec, last_visit)
    teams = _teams(spec, [a for a, _, _ in actions]) if index < 2 else []
    _assign_ids(store, visits, slug)
    with store.transaction(slug) as txn:
        txn.add_many([*meetings, *(f for f, _ in findings), *(a for a, _, _ in actions), *(k for k, _ in kpis), *visits,
                      *teams])
    return slug


def _demo_user(store: Store) -> str:
    """Who runs the demo, as Inge's login (so "my units" shows hers), if it is one."""
    from store.model.field_checks import login_problem

    return "" if login_problem(store.user) else store.user


def _visits(spec: _Spec, last: dt.date) -> list[Visit]:
    """Two visits of the relatiemanager, a quarter apart, the last one `last`. No
    random numbers: the rest of the demo stays as it was before visits existed."""
    present = [spec.relatiemanager] if spec.relatiemanager else []
    return [Visit(date=last - dt.timedelta(days=91), present=present, notes=P.VISIT_NOTES[0]),
            Visit(date=last, present=[*present, P.VISIT_STAFF], notes=P.VISIT_NOTES[1])]


def _teams(spec: _Spec, actions: list[Action]) -> list[Team]:
    """A core team and two project teams (seed 004) for the first two units, without
    drawing from the random generator (the rest of the demo stays as it was). Patients
    and partners are counted, never named. The first project team is one member short,
    so its advice shows; each team owns an open action."""
    core = Team(name="Kernteam", kind=TeamKind.CORE, coordinator="Marieke de Wit (zorggroep)",
                providers=["dr. Jansen", "praktijkverpleegkundige Ilse"], patients=2, partners=1,
                assignment="Verbindt wat de bijeenkomsten opleveren en houdt de deelnemers op de hoogte.")
    phone = Team(name="Projectteam bereikbaarheid", providers=["doktersassistente Fleur"], patients=3, partners=1,
                 assignment="De telefoon en het terugbellen beter regelen.")
    digital = Team(name="Projectteam digitaal", providers=["POH Sanne", "dr. El Amrani"], patients=3, partners=1,
                   assignment="Uitleg over de app en het e-consult, samen met patiënten.")
    open_actions = [a for a in actions if a.status in (Status.PLANNED, Status.IN_PROGRESS)]
    for action, team in zip(open_actions, (core, phone, digital)):
        action.owner = team.name
    return [core, phone, digital] if spec.kind == "practice" else [core]


def _assign_ids(store: Store, records: list, slug: str) -> None:
    """Reserve all ids of one kind at once (one registry fsync, not one per record)."""
    if records:
        ids = store.reserve_ids(records[0].PREFIX, len(records), slug)
        for record, record_id in zip(records, ids):
            record.id = record_id


def _meetings(rng: random.Random, spec: _Spec, today: dt.date) -> tuple[list[Meeting], list[tuple[Finding, Meeting]]]:
    past = max(2, math.ceil(spec.actions / 7))
    days_ago = sorted((rng.randint(20, 900) for _ in range(past - 1)), reverse=True) + [rng.randint(25, 45)]
    meetings: list[Meeting] = []
    findings: list[tuple[Finding, Meeting]] = []
    for j, ago in enumerate(days_ago):
        # The latest meeting returns to the first one's theme: the repeat cycle (seed 004)
        # that `spiegel compare` and the app's comparison show.
        theme = 0 if j == len(days_ago) - 1 and j > 0 else j
        meeting = _meeting(rng, spec, theme, today - dt.timedelta(days=ago), today)
        meetings.append(meeting)
        findings.extend((finding, meeting) for finding in _findings(rng, spec, meeting))
    upcoming = _meeting(rng, spec, len(days_ago), today + dt.timedelta(days=rng.randint(10, 60)), today)
    upcoming.participants = upcoming.feedback_due = upcoming.feedback_sent = None
    upcoming.notes = ""
    meetings.append(upcoming)
    return meetings, findings


def _meeting(rng: random.Random, spec: _Spec, j: int, when: dt.date, today: dt.date) -> Meeting:
    key = spec.themes[j % len(spec.themes)]
    theme = P.THEMES[key]
    fmt = MeetingFormat(spec.formats[j % len(spec.formats)])
    roll = rng.random()
    participants = rng.randint(4, 7) if roll < 0.15 else rng.randint(13, 15) if roll < 0.2 else rng.randint(8, 12)
    due = when + dt.timedelta(days=21)
    sent = None
    if due < today and rng.random() < 0.8:
        sent = max(when + dt.timedelta(days=1), due - dt.timedelta(days=rng.randint(0, 10)))
    if rng.random() < 0.07:
        due = sent = None  # feedback never planned: the advice will say so
    return Meeting(
        date=when, format=fmt, theme=theme["theme"], questions=list(theme["questions"]), participants=participants,
        listeners=rng.randint(21, 25) if rng.random() < 0.08 else rng.randint(6, 18),
        facilitator="" if rng.random() < 0.08 else rng.choice(P.FACILITATORS),
        minute_taker="" if rng.random() < 0.08 else rng.choice(P.MINUTE_TAKERS),
        duration_min=rng.choice((90, 90, 90, 75, 105, 120, 45, 150)),
        rounds=1 if fmt == MeetingFormat.INLOOPAVOND else 2, inputs=list(rng.choice(P.INPUTS)),
        feedback_due=due, feedback_sent=sent, notes=rng.choice(P.MEETING_NOTES),
    )


def _findings(rng: random.Random, spec: _Spec, meeting: Meeting) -> list[Finding]:
    key = next(k for k, v in P.THEMES.items() if v["theme"] == meeting.theme)
    theme = P.THEMES[key]
    wanted = [("positive", rng.randint(1, 2)), ("leerpunt", rng.randint(2, 4)), ("tip", rng.randint(1, 2))]
    if spec.kind == "municipality" or meeting.format == MeetingFormat.FOCUSGROEP:
        wanted.append(("recommendation", rng.randint(1, 2)))
    found = []
    for kind, count in wanted:
        phrases = theme[kind]
        for text in rng.sample(phrases, min(count, len(phrases))):
            found.append(Finding(kind=FindingKind(kind), text=text, theme=meeting.theme))
    return found


def _decide_states(rng: random.Random, findings: list[tuple[Finding, Meeting]], actions: int) -> list[Finding]:
    """Set each finding's state; returns those turned into actions (at most `actions`)."""
    actionable = [f for f, _ in findings if f.kind != FindingKind.POSITIVE]
    linked: list[Finding] = []
    for n, finding in enumerate(actionable):
        to_action, parked, declined = STATE_ODDS[finding.kind]
        roll = rng.random()
        finding.quick_win = finding.kind == FindingKind.LEERPUNT and rng.random() < 0.2
        if n in (1, 2) and len(actionable) > 4:  # every unit shows a parked and a declined point
            roll = to_action + (parked if n == 2 else 0) + 0.001
        if finding.quick_win or roll < to_action:
            finding.state = FindingState.ACTIONS
            linked.append(finding)
        elif roll < to_action + parked:
            finding.state, finding.reason = FindingState.PARKED, rng.choice(P.PARK_REASONS)
        elif roll < to_action + parked + declined:
            finding.state, finding.reason = FindingState.DECLINED, rng.choice(P.DECLINE_REASONS)
    for finding in linked[actions:]:  # more than there are actions to answer them
        finding.state, finding.quick_win = FindingState.OPEN, False
    return linked[:actions]


def _action(rng: random.Random, spec: _Spec, unit: Unit, i: int, index: int, linked: list[Finding],
            today: dt.date) -> tuple[Action, list[Finding], str]:
    sources = [linked[i % len(linked)]] if linked and (i < len(linked) or rng.random() < 0.85) else []
    if sources and len(linked) > 1 and rng.random() < 0.2:
        other = rng.choice(linked)
        sources += [other] if other is not sources[0] else []
    key = _theme_key(sources[0].theme) if sources else rng.choice(spec.themes)
    theme = P.THEMES[key]
    if i < 4:  # every unit shows every status, and the demo every phase and route
        status, route, phase = list(Status)[i], (i + index) % 4 + 1, (i + 2 * index) % 4 + 1
    else:
        status = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
        route = theme["route"] if rng.random() < 0.75 else rng.randint(1, 4)
        phase = rng.randint(1, unit.phase(route))
    title = rng.choice(theme["actions"])
    if phase == 2 and not title.startswith("Pilot"):
        title = f"Pilot: {title[0].lower()}{title[1:]}"
    start = today - dt.timedelta(days=rng.randint(20, 540))
    action = Action(title=title, owner=rng.choice(P.OWNERS[spec.kind]), status=status, phase=phase, route=route,
                    description=f"Naar aanleiding van: \"{sources[0].text}\"" if sources else "Uit het praktijkontwikkelplan.")
    if status == Status.PLANNED:
        action.deadline = today + dt.timedelta(days=rng.randint(-30, 150))
        action.progress = rng.choice((0, 0, 5, 10))
    else:
        action.started_on = start
        action.deadline = today + dt.timedelta(days=rng.randint(-60, 180))
        action.progress = rng.randrange(5, 95, 5)
    if status == Status.DONE:
        action.done_on = start + dt.timedelta(days=rng.randint(0, (today - start).days))
        action.deadline = action.done_on + dt.timedelta(days=rng.randint(-20, 30))
        if phase >= 2 and rng.random() < 0.7:
            action.evaluated_on = min(today, action.done_on + dt.timedelta(days=rng.randint(0, 30)))
    if i == 0:
        action.deadline = today + dt.timedelta(days=rng.randint(1, 7))  # due soon
    elif i == 1:
        action.deadline = today - dt.timedelta(days=rng.randint(3, 40))  # overdue
    if status in (Status.PLANNED, Status.IN_PROGRESS) and rng.random() < 0.7:
        action.review_date = today + dt.timedelta(days=rng.randint(-21, 45))
    if status != Status.PLANNED and rng.random() < 0.6:
        steps = ("plan", "do", "study", "act") if status in (Status.DONE, Status.STOPPED) else ("plan", "do")
        action.pdsa = {step: rng.choice(P.PDSA[step]).format(kpi=theme["theme"].lower()) for step in steps}
    return action, sources, key


def _theme_key(theme: str) -> str:
    return next(k for k, v in P.THEMES.items() if v["theme"] == theme)


def _kpis(rng: random.Random, actions: list[tuple[Action, list[Finding], str]], today: dt.date) -> list[tuple[Kpi, Action]]:
    kpis = []
    for n, (action, _, key) in enumerate(actions):
        if n > 0 and (action.status == Status.PLANNED or rng.random() > 0.4):
            continue
        name, unit, direction, baseline, target = rng.choice(P.THEMES[key]["kpis"])
        count = rng.randint(12, 24) if n == 0 else rng.randint(8, 24)
        kpi = Kpi(name=name, measure_unit=unit, direction=Direction(direction), baseline=baseline, target=target,
                  measurements=_series(rng, count, unit, baseline, target, today))
        kpis.append((kpi, action))  # the action's id is known only later
    return kpis


def _series(rng: random.Random, count: int, unit: str, baseline: float, target: float, today: dt.date) -> list[Measurement]:
    """Monthly values: a shift after the action started, a trend toward the target, or noise."""
    span = target - baseline
    noise = abs(span) * 0.12 + abs(baseline) * 0.02
    pattern = rng.choices(("shift", "trend", "noise"), (4, 3, 3))[0]
    change = rng.randint(count // 3, max(count // 3, count - 6))
    slope_len = min(count, rng.randint(6, 10))
    series = []
    for j in range(count):
        months_back = count - 1 - j
        year, month = divmod(today.year * 12 + today.month - 1 - months_back, 12)
        level = baseline
        if pattern == "shift" and j >= change:
            level = baseline + span * rng.uniform(0.6, 1.0)
        elif pattern == "trend" and j >= count - slope_len:
            level = baseline + span * 0.9 * (j - (count - slope_len) + 1) / slope_len
        value = level + rng.gauss(0, noise)
        high = 100.0 if unit == "%" else 10.0 if unit == "cijfer" else math.inf
        value = min(high, max(0.0, value))
        value = float(round(value)) if unit == "aantal" else round(value, 1)
        note = "actie gestart" if pattern == "shift" and j == change else ""
        series.append(Measurement(dt.date(year, month + 1, 1), value, note))
    return series
