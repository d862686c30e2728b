"""Exercise logic of the section pages: pure functions from the Workbook to figures and texts."""
