"""The reports' own words (English)."""

REPORTS_EN = {
    "report.made_on": "Made with spiegel on {date}.",
    "report.cannot_write": "cannot write the report: {reason}",
    "report.not_a_file": "something other than a regular file is there; choose another name",
}
