#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes wechat.xlsx, a small WeChat Pay bill as an XLSX workbook, with
the standard library only. It mixes what real workbooks hold: shared
strings (one with rich text runs), inline strings, numeric amounts (one
with a binary float artefact), a date stored as an Excel serial number,
cells placed by reference with a gap, and a 17-line preamble (the 2025
layout, data from row 19)."""

import zipfile
from xml.sax.saxutils import escape

PREAMBLE = ["微信支付账单明细", "微信昵称：[小王]", "起始时间：[2025-01-01 00:00:00] 终止时间：[2025-03-31 23:59:59]",
            "导出类型：[全部]", "导出时间：[2025-04-01 09:00:00]", "", "共3笔记录", "收入：1笔 23.00元",
            "支出：2笔 40.66元", "中性交易：0笔 0.00元", "注：", "1. 说明", "2. 说明", "3. 本明细仅供个人对账使用",
            "", "", "----------------------微信支付账单明细列表--------------------"]
HEADER = ["交易时间", "交易类型", "交易对方", "商品", "收/支", "金额(元)", "支付方式", "当前状态", "交易单号", "商户单号", "备注"]

shared = []
def sst(text):
    if text not in shared:
        shared.append(text)
    return shared.index(text)

def col(i):
    return "ABCDEFGHIJK"[i]

def s_cell(ref, text):
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(text))

def inline_cell(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(text))

def num_cell(ref, value):
    return '<c r="%s"><v>%s</v></c>' % (ref, value)

rows = []
for i, line in enumerate(PREAMBLE, start=1):
    rows.append('<row r="%d">%s</row>' % (i, s_cell("A%d" % i, line) if line else ""))
rows.append('<row r="18">%s</row>' % "".join(s_cell("%s18" % col(i), h) for i, h in enumerate(HEADER)))
data = [
    # text date, shared strings, ¥ amount as text, trailing tab in the order id
    ["s:2025-03-01 12:45:27", "s:商户消费", "s:米线店", "s:总共消费:28.16", "s:支出", "s:¥28.16", "s:零钱", "s:支付成功", "s:4200000001\t", "s:129847129\t", "s:/"],
    # serial date (2025-03-02 12:00:00), numeric amount with a float artefact, inline strings
    ["n:45718.5", "i:商户消费", "i:便利店", "i:水", "i:支出", "n:12.499999999999998", "i:零钱", "i:支付成功", "i:4200000002", "i:/", "i:/"],
    # a gap: no cell D (商品), a plain numeric amount
    ["s:2025-03-03 09:00:00", "s:二维码收款", "s:用户A", None, "s:收入", "n:23", "s:零钱", "s:已收钱", "s:1000000003", "s:/", "s:/"],
]
for r, values in enumerate(data, start=19):
    cells = []
    for i, v in enumerate(values):
        if v is None:
            continue
        kind, text = v.split(":", 1)
        ref = "%s%d" % (col(i), r)
        cells.append({"s": s_cell, "i": inline_cell, "n": num_cell}[kind](ref, text))
    rows.append('<row r="%d">%s</row>' % (r, "".join(cells)))

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s %s><sheetData>%s</sheetData></worksheet>' % (NS, RNS, "".join(rows))
# One shared string split into rich-text runs, with a phonetic run that must be ignored.
sst_items = []
for text in shared:
    if text == "商户消费":
        sst_items.append('<si><r><t>商户</t></r><r><rPr><b/></rPr><t>消费</t></r><rPh sb="0" eb="1"><t>xx</t></rPh></si>')
    else:
        sst_items.append('<si><t xml:space="preserve">%s</t></si>' % escape(text))
strings = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="%d" uniqueCount="%d">%s</sst>' % (NS, len(shared), len(shared), "".join(sst_items))
workbook = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s %s><sheets><sheet name="账单" sheetId="1" r:id="rId1"/></sheets></workbook>' % (NS, RNS)
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/bill.xml"/>'
        '</Relationships>')
content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                 '<Override PartName="/xl/worksheets/bill.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                 '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                 '</Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')

with zipfile.ZipFile("wechat.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                       ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels),
                       ("xl/sharedStrings.xml", strings), ("xl/worksheets/bill.xml", sheet)]:
        info = zipfile.ZipInfo(name, date_time=(2025, 4, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text.encode("utf-8"))
