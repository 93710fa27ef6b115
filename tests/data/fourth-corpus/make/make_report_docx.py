#!/usr/bin/env python3
"""Writes the council Cabinet report of the fourth held-out corpus as a Word
file, built the way council report templates build them: heading styles,
paragraphs numbered by Word's own list numbering (the numbers are not in the
text), two tables, a background papers list and a contact block.

    python3 make_report_docx.py ../eastmere-cabinet-flood-strategy-2026-04-14.docx
    python3 make_report_docx.py SOURCE.txt OUT.docx

With a SOURCE, the report is read from a light markup instead of REPORT:
"@title T", "# H1", "## H2", "N. text" (a numbered paragraph: Word numbers
it, the number is dropped from the text), "- bullet", "!caption",
"|a|b|c" table rows, anything else a paragraph; "@meta-title T" and
"@meta-date ISO" set the document properties.

Standard library only (zipfile); the .docx it wrote is kept in the
repository so the test reads fixed bytes.
"""
import sys
import zipfile
from xml.sax.saxutils import escape

# (kind, text): title, h1, h2, num (auto-numbered paragraph), p, bullet,
# table (rows), caption.
REPORT = [
    ("title", "EASTMERE COUNTY COUNCIL"),
    ("p", "CABINET \u2013 14 APRIL 2026"),
    ("p", "REPORT OF THE DIRECTOR OF ENVIRONMENT AND TRANSPORT"),
    ("h1", "LIVING WITH WATER: THE NATIONAL FLOOD STRATEGY AND THE COUNTY\u2019S FLOOD RISK PROGRAMME"),
    ("p", "Electoral divisions: All. Key decision: Yes."),
    ("h2", "Purpose of the Report"),
    ("num", "The purpose of this report is to inform Cabinet of the Government\u2019s National Flood and Coastal "
            "Resilience Strategy, published in March 2026, to set out what it means for the County as lead local "
            "flood authority, and to seek approval for the bids described in paragraphs 5 to 7."),
    ("h2", "Recommendations"),
    ("num", "Cabinet is recommended to note the strategy, to approve the submission of bids to the national defence "
            "programme for the three schemes in Table 2, and to approve the County\u2019s response to the "
            "consultation on surface water connections described in paragraph 12."),
    ("h2", "Background"),
    ("num", "Around 14,300 properties in the County are at risk of surface water flooding and 6,900 from rivers. "
            "Storm Henk in January 2024 flooded 412 homes and 57 businesses, the worst event in the County since 2007."),
    ("num", "Table 1 sets out the flood incidents recorded by the County over the last three years."),
    ("caption", "Table 1: Flood incidents recorded, by district"),
    ("table", [["District", "2023", "2024", "2025"],
               ["Northwold", "38", "212", "41"],
               ["Eastmere Town", "22", "149", "30"],
               ["Holt Vale", "11", "108", "17"],
               ["Total", "71", "469", "88"]]),
    ("h2", "National investment in defences"),
    ("num", "The strategy\u2019s centrepiece is the Government\u2019s six-year capital programme for new and improved "
            "defences, worth \u00a32.4 billion nationally. The Environment Agency has given the County a provisional "
            "allocation of \u00a338 million over the six years."),
    ("num", "Officers propose to bid to the programme for three schemes, set out in Table 2, which together would "
            "better protect 1,480 homes."),
    ("caption", "Table 2: Schemes proposed for bids"),
    ("table", [["Scheme", "Homes better protected", "Cost", "Local contribution"],
               ["Northwold flood wall", "820", "\u00a314.2 million", "\u00a31.1 million"],
               ["Holt Beck natural flood management", "390", "\u00a33.6 million", "\u00a30.4 million"],
               ["Eastmere Town surface water scheme", "270", "\u00a39.8 million", "\u00a31.5 million"]]),
    ("num", "The simplification of the partnership funding formula, which caps the local contribution for small "
            "schemes at 15 per cent of their cost, would reduce the County\u2019s share of the Eastmere Town scheme "
            "by around \u00a3400,000."),
    ("h2", "Homes that cannot be protected by a scheme"),
    ("num", "Around 600 homes in the County cannot be protected by community schemes at a reasonable cost. Officers "
            "will promote the new national grant for flood doors, barriers and pumps to these households, and will "
            "ask the Environment Agency whether the County may pool it with the Council\u2019s own \u00a3250,000 "
            "resilience fund to treat whole streets."),
    ("h2", "Natural flood management"),
    ("num", "The Holt Beck scheme was designed with the county Wildlife Trust and landowners in the upper Holt valley: "
            "120 leaky dams, 40 hectares of new woodland and two storage wetlands. It is the kind of project the new "
            "national fund for working with natural processes is meant to pay for, and officers will apply in the "
            "first round in 2027."),
    ("h2", "Surface water and drainage"),
    ("num", "As lead local flood authority the County has asked since 2019 for the national guidance on managing "
            "local flood risk from surface water to be brought up to date. The promised revision, due by the end of "
            "2026, is welcome; officers will revise the County\u2019s section 19 investigation procedure once it is "
            "published."),
    ("num", "The County receives around 300 planning consultations a year on drainage. Ending developers\u2019 "
            "automatic right to connect surface water to public sewers would strengthen the County\u2019s hand in "
            "requiring sustainable drainage on new estates."),
    ("num", "The Council will respond to the Government\u2019s consultation on the right to connect by its closing "
            "date, supporting the end of the automatic right."),
    ("h2", "Flood warnings"),
    ("num", "The Environment Agency\u2019s plan to extend direct flood warnings to more homes should benefit the "
            "2,300 properties in Northwold and Holt Vale that receive no warning today."),
    ("h2", "Other matters"),
    ("num", "The Council\u2019s Highway Drainage Maintenance Programme will spend \u00a36 million over three years "
            "clearing gullies and culverts on the county road network. It is funded from the highways capital budget "
            "and is not affected by the strategy."),
    ("num", "The \u00a330 million Townbridge relief road, approved by Cabinet in February, includes new culverts and "
            "a flood storage pond."),
    ("num", "The County has no coastline, and the strategy\u2019s measures for coastal communities do not apply to it."),
    ("num", "The Council will publish an updated Local Flood Risk Management Strategy by March 2027, reflecting the "
            "national strategy."),
    ("num", "The Council will recruit two additional flood risk officers by September 2026, funded from the flood "
            "risk reserve."),
    ("h2", "Resource Implications"),
    ("num", "The local contributions in Table 2 total \u00a33.0 million and are provided for in the capital programme "
            "agreed by the County Council in February 2026."),
    ("h2", "Background Papers"),
    ("bullet", "Living with Water: The National Flood and Coastal Resilience Strategy for England (Department for "
               "Environment, Food and Rural Affairs, March 2026)"),
    ("bullet", "Eastmere Local Flood Risk Management Strategy 2021\u20132027 (Eastmere County Council, 2021)"),
    ("bullet", "Storm Henk: Section 19 Flood Investigation Report (Eastmere County Council, July 2024)"),
    ("h2", "Officer to Contact"),
    ("p", "Dr Helen Marsh, Head of Flood Risk Management. Tel: 01632 960412. Email: helen.marsh@eastmere.gov.uk"),
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(text, style=None, num=None, bold=False):
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{run(text, bold)}</w:p>"


def table(rows):
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    out += ['<w:gridCol w:w="2400"/>' for _ in rows[0]]
    out.append("</w:tblGrid>")
    for i, row in enumerate(rows):
        out.append("<w:tr>")
        for cell in row:
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{para(cell, bold=(i == 0))}</w:tc>')
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def read_markup(path):
    blocks, meta, table_rows = [], {}, []
    for raw in open(path, encoding="utf-8").read().split("\n"):
        line = raw.strip()
        if table_rows and not line.startswith("|"):
            blocks.append(("table", table_rows))
            table_rows = []
        if not line:
            continue
        if line.startswith("@meta-"):
            key, _, value = line[6:].partition(" ")
            meta[key] = value
        elif line.startswith("@title "):
            blocks.append(("title", line[7:]))
        elif line.startswith("## "):
            blocks.append(("h2", line[3:]))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:]))
        elif line.startswith("- "):
            blocks.append(("bullet", line[2:]))
        elif line.startswith("!"):
            blocks.append(("caption", line[1:]))
        elif line.startswith("|"):
            table_rows.append(line[1:].split("|"))
        else:
            number, _, rest = line.partition(". ")
            blocks.append(("num", rest) if number.isdigit() and rest else ("p", line))
    if table_rows:
        blocks.append(("table", table_rows))
    return blocks, meta


def document(report):
    body = []
    for kind, content in report:
        if kind == "title":
            body.append(para(content, "Title"))
        elif kind == "h1":
            body.append(para(content, "Heading1"))
        elif kind == "h2":
            body.append(para(content, "Heading2"))
        elif kind == "num":
            body.append(para(content, "ListParagraph", num=1))
        elif kind == "bullet":
            body.append(para(content, "ListParagraph", num=2))
        elif kind == "caption":
            body.append(para(content, "Caption"))
        elif kind == "table":
            body.append(table(content))
        else:
            body.append(para(content))
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" '
            'w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>'
            + "".join(body) + sect + "</w:body></w:document>")


STYLES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="160"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:rPr><w:i/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>'''

NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="720"/></w:pPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''

CONTENT_TYPES = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
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
</Relationships>'''

CORE_TEMPLATE = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{title}</dc:title>
<dc:creator>Democratic Services</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>
</cp:coreProperties>'''


def main():
    report, meta = REPORT, {}
    if len(sys.argv) == 3:
        report, meta = read_markup(sys.argv[1])
    out = sys.argv[-1]
    core = CORE_TEMPLATE.format(
        title=escape(meta.get("title", "Cabinet 14 April 2026: Living with Water - the national flood strategy")),
        date=meta.get("date", "2026-04-02T10:15:00Z"))
    fixed = (2026, 4, 2, 10, 15, 0)  # the same bytes on every run
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/_rels/document.xml.rels", DOC_RELS), ("word/document.xml", document(report)),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING),
                           ("docProps/core.xml", core)]:
            z.writestr(zipfile.ZipInfo(name, fixed), data.encode("utf-8"), zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
