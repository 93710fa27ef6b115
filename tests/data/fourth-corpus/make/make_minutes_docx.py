#!/usr/bin/env python3
"""Writes a district council committee's minutes as a Word file, laid out
the way many democratic services teams lay them out: no heading styles (a
minute's number and title are a bold Normal paragraph typed in capitals,
"HC/44 A PLACE TO CALL HOME"), the minute number typed in the text, a
two-column attendance table, "RESOLVED" in bold at the start of a
resolution, a resolution's parts lettered by Word's own list numbering (the
letters are not in the text), and a page header repeated on every page.

    python3 make_minutes_docx.py fenbridge-housing-minutes.txt ../homelessness/OUT.docx

Markup, one block a line: "@meta-title T", "@meta-date ISO", "@header T"
(the page header), "@title T" (Title style), "@p T" (a plain paragraph),
"@minute T" (a minute heading), "@resolved T" (a resolution), "a) T" (a
lettered part of the resolution before it), "|a|b" table rows, anything
else a plain paragraph. Standard library only; the .docx it writes is kept
in the repository so the test reads fixed bytes.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(runs, style=None, num=None, keep_next=False):
    ppr = ""
    if style or num or keep_next:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if keep_next:
            ppr += "<w:keepNext/>"
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="nil"/>'
           '<w:bottom w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid>']
    out += ['<w:gridCol w:w="4500"/>' for _ in rows[0]]
    out.append("</w:tblGrid>")
    for i, row in enumerate(rows):
        out.append("<w:tr>")
        for cell in row:
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>'
                       f'{para([run(cell, bold=(i == 0))])}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def read_markup(path):
    body, meta, rows, list_id = [], {}, [], 10
    lines = [l.strip() for l in open(path, encoding="utf-8").read().split("\n")]
    for line in lines + [""]:
        if rows and not line.startswith("|"):
            body.append(table(rows))
            rows = []
        if not line:
            continue
        if line.startswith("@meta-"):
            key, _, value = line[6:].partition(" ")
            meta[key] = value
        elif line.startswith("@header "):
            meta["header"] = line[8:]
        elif line.startswith("@title "):
            body.append(para([run(line[7:])], "Title"))
        elif line.startswith("@p "):
            body.append(para([run(line[3:])]))
        elif line.startswith("@minute "):
            body.append(para([run(line[8:], bold=True)], keep_next=True))
        elif line.startswith("@resolved "):
            list_id += 1  # each resolution's letters start again at a)
            meta.setdefault("lists", []).append(list_id)
            body.append(para([run("RESOLVED ", bold=True), run(line[10:])]))
        elif len(line) > 3 and line[0].isalpha() and line[1:3] == ") ":
            body.append(para([run(line[3:])], "ListParagraph", num=list_id))
        elif line.startswith("|"):
            rows.append(line[1:].split("|"))
        else:
            body.append(para([run(line)]))
    return body, meta


def document(body):
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" '
            'w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}><w:body>'
            + "".join(body) + sect + "</w:body></w:document>")


def header(text):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>'
            f'{para([run(text)], "Header")}</w:hdr>')


STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana" w:hAnsi="Verdana"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr></w:style>
</w:styles>'''


def numbering(list_ids):
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="0"/>'
                   f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                   for i in list_ids)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W}>'
            '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="(%1)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr>'
            f'</w:lvl></w:abstractNum>{nums}</w:numbering>')


CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>'''

RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>'''

DOC_RELS = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>'''

CORE_TEMPLATE = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title>
<dc:creator>Committee Services</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>
</cp:coreProperties>'''


def main():
    body, meta = read_markup(sys.argv[1])
    core = CORE_TEMPLATE.format(title=escape(meta.get("title", "")), date=meta.get("date", "2026-11-24T09:00:00Z"))
    fixed = (2026, 11, 24, 9, 0, 0)  # the same bytes on every run
    with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/_rels/document.xml.rels", DOC_RELS), ("word/document.xml", document(body)),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", numbering(meta.get("lists", []))),
                           ("word/header1.xml", header(meta.get("header", ""))), ("docProps/core.xml", core)]:
            z.writestr(zipfile.ZipInfo(name, fixed), data.encode("utf-8"), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
