"""Paper: laying documents out as PDF pages, the report's chart, saving a PDF."""
