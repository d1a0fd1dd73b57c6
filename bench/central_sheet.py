#!/usr/bin/env python3
"""The central government's agency table as its .xlsx lays it out (DGBAS 113–114), for
bench/sheet.mjs: 258 columns (ten used, the rest empty but present), a code row above each
name row, amounts as text with commas, 說明 continued on the row below; about 25,000 rows
for 2,000+ lines. The same shape as core/benches/core.rs's `central_book_table`.

Usage: python3 bench/central_sheet.py OUT.xlsx [ROWS]   (needs openpyxl)
"""
import sys
from openpyxl import Workbook

out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 25_000
COLUMNS = 258
wb = Workbook(write_only=True)
ws = wb.create_sheet("歲出機關別預算表")
ws.append(["中華民國114年度中央政府總預算"])
ws.append(["歲出機關別預算表", None, None, None, None, "單位：新臺幣千元"])
header = ["款", "項", "目", "節", "名稱及編號", "本年度預算數", "上年度預算數", "前年度決算數", "本年度與上年度比較", "說明"]
ws.append(header + [""] * (COLUMNS - len(header)))


def row(cells):
    r = [None] * COLUMNS
    for i, v in cells.items():
        r[i] = v
    r[COLUMNS - 1] = ""  # the sheet's empty columns reach this far on every row
    return r


def money(n):
    return f"{n:,}"


written, agency, plan_no = 3, 0, 0
while written < rows:
    agency += 1
    work = [10_000 + (agency * 7 + i) % 90_000 for i in range(8)]
    total = sum(work)
    ws.append(row({4: f"\u300000{agency % 100:02}000000"}))
    ws.append(row({0: str(agency), 4: f"機關{agency}主管", 5: money(total), 6: money(total - 100)}))
    written += 2
    for i, w in enumerate(work):
        plan_no += 1
        ws.append(row({4: f"\u300041{agency % 100:02}01{i:02}00"}))
        ws.append(row({2: str(i + 1), 4: f"工作計畫{plan_no}", 5: money(w), 6: money(w - 10), 8: "10", 9: f"本年度預算數{money(w)}千元，"}))
        ws.append(row({9: "較上年度增列10千元。"}))
        written += 3
wb.save(out)
print(f"{out}: {written} rows × {COLUMNS} columns, {agency} agencies, {plan_no} work plans")
