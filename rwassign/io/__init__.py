"""Spreadsheet input and output: the only layer that imports pandas and openpyxl."""
