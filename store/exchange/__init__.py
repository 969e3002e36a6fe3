"""What goes out and comes in: reports (Markdown, HTML) and interop (spreadsheets,
JSON, iCalendar). The top floor of the store (docs/architecture.md)."""
