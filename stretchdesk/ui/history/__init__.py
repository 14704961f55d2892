"""The history screen: sessions, chart, calendar of days, report for a physiotherapist."""
