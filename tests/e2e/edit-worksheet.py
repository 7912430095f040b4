"""Edits an exported workbook or CSV as a customer would, with an independent writer
(Debian's python3-openpyxl, and Python's csv module): the planner exports with ExcelJS.

Usage: edit-worksheet.py IN OUT EDITS_JSON
EDITS_JSON: {"cells": [{"key": ..., "column": ..., "value": ...}], "sort": bool,
             "filter": bool, "addRow": bool, "removeKey": str, "editKey": [old, new],
             "renameSheet": [old, new]}
"""
import csv
import json
import sys

source, target, edits = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])


def edit_rows(header, rows):
    key_at = header.index("Key")
    for cell in edits.get("cells", []):
        row = next(row for row in rows if row[key_at] == cell["key"])
        row[header.index(cell["column"])] = cell["value"]
    if edits.get("removeKey"):
        rows[:] = [row for row in rows if row[key_at] != edits["removeKey"]]
    if edits.get("editKey"):
        old, new = edits["editKey"]
        next(row for row in rows if row[key_at] == old)[key_at] = new
    if edits.get("addRow"):
        rows.append(["My extra account"] + [""] * (len(header) - 1))
    if edits.get("sort"):
        rows.sort(key=lambda row: str(row[0] or ""), reverse=True)
    return rows


if source.endswith(".csv"):
    with open(source, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    rows = edit_rows(header, rows)
    with open(target, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows([header, *rows])
    sys.exit(0)

import openpyxl  # noqa: E402  (Debian's python3-openpyxl)

book = openpyxl.load_workbook(source)
sheet = book["Accounts"]
header = [cell.value for cell in sheet[1]]
rows = [[("" if cell.value is None else cell.value) for cell in row] for row in sheet.iter_rows(min_row=2)]
rows = edit_rows(header, rows)
sheet.delete_rows(2, sheet.max_row)
for number, row in enumerate(rows, start=2):
    for column, value in enumerate(row, start=1):
        sheet.cell(row=number, column=column, value=value)
if edits.get("filter"):
    status_column = header.index("Status")
    sheet.auto_filter.ref = f"A1:{openpyxl.utils.get_column_letter(len(header))}{len(rows) + 1}"
    sheet.auto_filter.add_filter_column(status_column, ["Planned"])
    for number, row in enumerate(rows, start=2):
        sheet.row_dimensions[number].hidden = row[status_column] != "Planned"
if edits.get("renameSheet"):
    old, new = edits["renameSheet"]
    book[old].title = new
book.save(target)
