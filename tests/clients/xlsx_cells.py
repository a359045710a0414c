# Every sheet of each workbook as openpyxl reads it, cached values of formulas included
# (data_only=True), as JSON: {"<file>": [{"name": sheet, "rows": [[cell, ...], ...]}, ...]}.
# A cell is null, a number or a string (a date as its ISO text). Debian's python3-openpyxl (run as
# /usr/bin/python3).
import json
import sys

import openpyxl


def cell(value):
    if value is None or isinstance(value, (int, float, str)):
        return value
    return str(value)


books = {}
for path in sys.argv[1:]:
    workbook = openpyxl.load_workbook(path, data_only=True)
    books[path] = [
        {"name": sheet.title,
         "rows": [[cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]}
        for sheet in workbook.worksheets
    ]
json.dump(books, sys.stdout, ensure_ascii=False)
