"""English words of `spiegel meetings`, `spiegel findings` and `spiegel serve` (see catalog_work_nl)."""

_MEETING_FIELDS = {
    "organiser": "Who organised it: 'one practice', 'several practices', hagro or municipality.",
    "afspiegeling": "How well the participants mirror the target group.",
    "working_target": "yes when working people belong to the target group (then: an evening), no when not.",
    "start_time": "Start time, e.g. 19:30 (19.30, 1930 and 19u30 work too).",
    "date": "Date of the meeting: 12 nov (the most recent such date), gisteren, 2026-11-12.",
    "format": "Format: spiegelgesprek, focusgroep, inloopavond or themabijeenkomst.",
    "theme": "Theme or question of the meeting.",
    "questions": "A question for the participants (repeatable: --question … --question …; with edit it replaces the list, '-' empties it).",
    "participants": "Number of participants (experience experts; at least 5, 8–12 is ideal). No names.",
    "listeners": "Number of listeners (care providers; at most 15–20).",
    "facilitator": "The facilitator.",
    "minute_taker": "The minute-taker.",
    "duration_min": "Duration in minutes (about 90).",
    "rounds": "Number of rounds.",
    "inputs": "Inputs used alongside the meeting: npa, prem, other (comma-separated).",
    "feedback_due": "Feedback to the participants due by: 15-12 (the next such date), +2w.",
    "feedback_sent": "Date the feedback was sent.",
    "notes": "Notes.",
}

CLI_WORK_EN: dict[str, str] = {
    "cli.help.meetings": "Meetings (mirror meeting, focus group, walk-in evening, theme meeting) of a unit.",
    "cli.help.meetings.add": "A new meeting; prints its id (e.g. M-3). Rules of thumb (number of participants, "
                             "facilitator, minute-taker, length) come as advice on stderr and never stop the save.",
    "cli.help.meetings.list": "The meetings, latest first, with their number of findings and the feedback.",
    "cli.help.meetings.show": "Everything of one meeting: fields, advice, findings and change log.",
    "cli.help.meetings.edit": "Change fields of a meeting (the same options as add); '-' empties a field.",
    "cli.opt.meetings.add.unit": "Unit (name or part of it); not needed with a single unit.",
    "cli.opt.rev": "Only if the record is still at revision N (else a conflict, nothing overwritten).",
    "cli.help.findings": "Findings of meetings: capture them, and decide on each leerpunt (actions, link, park, decline).",
    "cli.help.findings.capture": "Each LINE becomes a finding of the meeting, as in the app: '+' positive point, "
                                 "'-' leerpunt, '?' or 't:' tip, 'a:' recommendation, '!' first or last a quick win. "
                                 "'-' as LINE reads lines from stdin. All saved at once, or none.",
    "cli.opt.findings.capture.kind": "Kind for lines without a mark: positive, leerpunt, tip, recommendation (default leerpunt).",
    "cli.help.findings.list": "Findings, by id; --state open gives the untreated ones.",
    "cli.opt.findings.list.states": "open, actions, parked, declined (repeatable).",
    "cli.opt.findings.list.kinds": "positive, leerpunt, tip, recommendation (repeatable).",
    "cli.opt.findings.list.meeting_id": "Only the findings of this meeting (M-3).",
    "cli.help.findings.act": "Turn a leerpunt into improvement actions: one per --title (without --title: the "
                             "leerpunt's text). Prints the new ids.",
    "cli.opt.findings.act.titles": "An action as 'title;owner;deadline' (owner and deadline may be left out; repeatable).",
    "cli.opt.findings.act.route": "Route 1–4 of every new action (e.g. 4 for telephone access).",
    "cli.opt.findings.act.phase": "Phase 1–4 of every new action (without: the unit's phase for that route).",
    "cli.opt.findings.act.owner": "Owner of the new actions: a person or team.",
    "cli.help.findings.link": "Link a leerpunt to an existing action of the same unit.",
    "cli.help.findings.park": "Park a leerpunt, with the reason the participants hear.",
    "cli.help.findings.decline": "Decline a leerpunt, with the reason the participants hear.",
    "cli.opt.reason": "The reason (required): what the participants are told.",
    "cli.metavar.BIJEENKOMST": "MEETING",
    "cli.metavar.LEERPUNT": "FINDING",
    "cli.metavar.REGEL...": "LINE...",
    "cli.metavar.TOESTAND": "STATE",
    "cli.metavar.VORM": "FORMAT",
    # output
    "cli.work.date_needed": "give --date DATE, e.g. gisteren, 12 nov or 2026-11-12",
    "cli.work.advice": "advice: {text}",
    "cli.work.advice_heading": "Advice:",
    "cli.work.findings_heading": "Findings ({n}):",
    "cli.work.meetings_empty": "no meetings found",
    "cli.work.findings_empty": "no findings found",
    "cli.work.quick_win": "quick win",
    "cli.work.feedback_due": "≤ {date}",
    "cli.work.stdin_not_utf8": "stdin is not UTF-8 text; save the file as UTF-8",
    "cli.work.col.date": "DATE", "cli.work.col.format": "FORMAT", "cli.work.col.participants": "PART.",
    "cli.work.col.findings": "FIND.", "cli.work.col.feedback": "FEEDBACK", "cli.work.col.theme": "THEME",
    "cli.work.col.meeting": "MEETING", "cli.work.col.kind": "KIND", "cli.work.col.text": "TEXT",
    # spiegel serve
    "cli.help.serve": "Serve the app to a browser (textual-serve), safely: on 127.0.0.1 only, on a free port, with a "
                      "secret token in the address, at most a few sessions at once. Prints the address and the ssh -L "
                      "line to connect from your laptop. Ctrl+C stops the server.",
    "cli.opt.serve.port": "Port (default: a free one).",
    "cli.opt.serve.host": "Address to listen on (default 127.0.0.1; another only with --allow-remote).",
    "cli.opt.serve.allow_remote": "Allow an address other than 127.0.0.1 (unencrypted: prefer ssh -L).",
    "cli.opt.serve.sessions": "At most N sessions (browser tabs) at once (default 3).",
    "cli.metavar.POORT": "PORT",
    "cli.metavar.ADRES": "ADDRESS",
    "serve.started": "spiegel serves the app at {url}",
    "serve.secret": "Whoever has this address works in spiegel as you: share it with nobody.",
    "serve.ssh": "From your laptop: {line}",
    "serve.ssh_then": "then open {url} in your browser.",
    "serve.limits": "At most {n} sessions at once. Ctrl+C stops the server.",
    "serve.limits.one": "At most {n} session at once. Ctrl+C stops the server.",
    "serve.remote_needs_flag": "{host} is not an address of this machine alone; give --allow-remote if you really "
                               "mean it (better: 127.0.0.1 with ssh -L)",
    "serve.no_wildcard": "give the address the laptop reaches this server at, not 0.0.0.0 or ::",
    "serve.remote_warning": "note: the app is reachable at {host}, unencrypted; only the token keeps others out. "
                            "Prefer 127.0.0.1 with ssh -L.",
    "serve.not_installed": "spiegel serve needs textual-serve ({name} is missing): pip install textual-serve",
    "serve.bind_failed": "cannot listen on {host}:{port}: {error}",
    "serve.refused.host": "refused: unknown address in the Host header",
    "serve.refused.token": "refused: the address lacks the right token (see the output of spiegel serve)",
    "serve.refused.origin": "refused: this connection comes from another page",
    "serve.refused.full": "too busy: {n} sessions are open already; close one and try again",
    "serve.refused.full.one": "too busy: {n} session is open already; close it and try again",
}
for _name, _text in _MEETING_FIELDS.items():
    CLI_WORK_EN[f"cli.opt.meetings.add.{_name}"] = _text
    CLI_WORK_EN[f"cli.opt.meetings.edit.{_name}"] = _text
