"""The reports' own words (Dutch), registered when store.exchange.reports is imported."""

REPORTS_NL = {
    "report.made_on": "Gemaakt met spiegel op {date}.",
    "report.cannot_write": "kan het rapport niet schrijven: {reason}",
    "report.not_a_file": "daar staat iets anders dan een gewoon bestand; kies een andere naam",
}
