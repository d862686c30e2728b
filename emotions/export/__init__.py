"""Exports: one language-specific ``Summary`` document, rendered as Markdown, HTML, PDF; plus CSV
tables and the JSON workbook. Every renderer escapes user text for its own medium."""
