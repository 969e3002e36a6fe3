"""English words of the shared capture and leerpunt workflows (see catalog_findings_nl)."""

FINDINGS_EN: dict[str, str] = {
    "capture.nothing": "no finding to capture: every line is empty or holds only marks such as + - ? !",
    "meeting.expected": "{id} is not a meeting; a meeting id looks like M-3",
}
