#!/usr/bin/env python3
"""Writes a council committee report as a Word file holding the features
real council papers have and the other test files do not all have together,
for LibreOffice to export as a PDF (tests/data/producers/README.md):

  - real Word footnotes (w:footnoteReference, word/footnotes.xml) cited on
    several pages;
  - a two-column section in the middle of the document: continuous section
    breaks (w:sectPr in the last paragraph of each section) around a section
    with w:cols w:num="2", its paragraphs flowing from one column into the next;
  - a table with a two-row header: a cell merged across two columns
    (w:gridSpan) over cells merged down (w:vMerge), and cells that wrap;
  - paragraphs numbered by Word's list numbering, with a lettered list at the
    second level (the numbers and letters are not in the text);
  - a page header, and a footer holding a PAGE field;
  - paragraphs long enough that some run over a page break.

    python3 make_features_docx.py hollingford-admissions-report.txt OUT.docx
    soffice --headless --convert-to pdf --outdir DIR OUT.docx

Markup, one block a line: "@meta-title T", "@meta-date ISO", "@header T",
"@title T", "# H1", "## H2", "N. text" (a numbered paragraph: Word numbers
it, the number is dropped), "(a) text" (a lettered item under it), "- item"
(a bullet), "!caption", "|a|b" table rows (header rows first, bold: every row
before the first one whose second cell is a figure; a cell "T{2}" spans two
columns, "T^" starts a cell merged down, "^" continues it), "@columns 2" /
"@columns 1" (a continuous section break into two columns, and back),
"@footnote N T" (the text of footnote N, cited as "[^N]"), anything else a
paragraph. Standard library only; the .docx it wrote is kept in the
repository so the test reads fixed bytes.
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
WIDTHS = [3800, 1700, 1750, 1750]


def run(text, bold=False):
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def runs_with_notes(text, bold=False):
    out = []
    for i, piece in enumerate(re.split(r"\[\^(\d+)\]", text)):
        if i % 2 == 0:
            if piece:
                out.append(run(piece, bold))
        else:
            out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                       f'<w:footnoteReference w:id="{piece}"/></w:r>')
    return "".join(out)


def para(inner, style=None, num=None, level=0, extra=""):
    ppr = ""
    if style or num or extra:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
        ppr += extra + "</w:pPr>"
    return f"<w:p>{ppr}{inner}</w:p>"


def section(columns, first=False):
    """The properties of the section that ends here."""
    kind = "" if first else '<w:type w:val="continuous"/>'
    return ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/>'
            f'<w:footerReference w:type="default" r:id="rIdFooter"/>{kind}'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" '
            f'w:header="708" w:footer="708" w:gutter="0"/><w:cols w:num="{columns}" w:space="708"/></w:sectPr>')


def end_section(body, columns, first):
    """Puts a section break in the last paragraph of `body`, as Word does."""
    last = body[-1]
    props = section(columns, first)
    if last.startswith("<w:p><w:pPr>"):
        last = last.replace("</w:pPr>", props + "</w:pPr>", 1)
    else:
        last = "<w:p><w:pPr>" + props + "</w:pPr>" + last[len("<w:p>"):]
    body[-1] = last


def is_figure(cell):
    return bool(re.fullmatch(r"[£\d,.%]+", cell))


def table(rows):
    header_rows = next(i for i, row in enumerate(rows) if len(row) > 1 and is_figure(row[1]))
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
           '<w:top w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/>'
           '<w:insideV w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
           '</w:tblBorders></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in WIDTHS]
    out.append("</w:tblGrid>")
    for i, row in enumerate(rows):
        header = i < header_rows
        out.append("<w:tr>" + ("<w:trPr><w:tblHeader/></w:trPr>" if header else ""))
        column = 0
        for cell in row:
            span, merge = 1, ""
            m = re.fullmatch(r"(.*)\{(\d+)\}", cell)
            if m:
                cell, span = m.group(1), int(m.group(2))
            if cell == "^":
                cell, merge = "", '<w:vMerge/>'
            elif cell.endswith("^"):
                cell, merge = cell[:-1], '<w:vMerge w:val="restart"/>'
            width = sum(WIDTHS[column:column + span])
            grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{merge}</w:tcPr>'
                       f'{para(run(cell, bold=header) if cell else "", "TableText")}</w:tc>')
            column += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def read_markup(path):
    body, meta, notes, rows = [], {}, {}, []
    sections = 0
    for line in [l.strip() for l in open(path, encoding="utf-8").read().split("\n")] + [""]:
        if rows and not line.startswith("|"):
            body.append(table(rows))
            rows = []
        if not line:
            continue
        number = re.match(r"(\d+)\. (.*)", line)
        letter = re.match(r"\([a-z]\) (.*)", line)
        if line.startswith("@meta-"):
            key, _, value = line[6:].partition(" ")
            meta[key] = value
        elif line.startswith("@header "):
            meta["header"] = line[8:]
        elif line.startswith("@title "):
            body.append(para(run(line[7:]), "Title"))
        elif line.startswith("@columns "):
            # The section ending here has the other number of columns.
            end_section(body, 1 if line == "@columns 2" else 2, first=sections == 0)
            sections += 1
        elif line.startswith("@footnote "):
            n, _, text = line[10:].partition(" ")
            notes[n] = text
        elif line.startswith("## "):
            body.append(para(run(line[3:]), "Heading2"))
        elif line.startswith("# "):
            body.append(para(run(line[2:]), "Heading1"))
        elif line.startswith("- "):
            body.append(para(runs_with_notes(line[2:]), "ListParagraph", num=2))
        elif line.startswith("!"):
            body.append(para(run(line[1:]), "Caption"))
        elif line.startswith("|"):
            rows.append(line[1:].split("|"))
        elif number:
            body.append(para(runs_with_notes(number.group(2)), "ListParagraph", num=1))
        elif letter:
            body.append(para(runs_with_notes(letter.group(1)), "ListParagraph", num=1, level=1))
        else:
            body.append(para(runs_with_notes(line)))
    return body, meta, notes


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="160"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="120"/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="120"/><w:jc w:val="left"/></w:pPr><w:rPr><w:b/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="40" w:after="40"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="right"/></w:pPr><w:rPr><w:sz w:val="16"/><w:color w:val="595959"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="283"/></w:pPr></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def footnotes_xml(notes):
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W}>',
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for n, text in notes.items():
        out.append(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                   f'{run(" " + text)}</w:p></w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out)


def main():
    src, out = sys.argv[1], sys.argv[2]
    body, meta, notes = read_markup(src)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}><w:body>'
                + "".join(body) + section(1) + "</w:body></w:document>")
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}>'
              f'{para(run(meta.get("header", "")), "Header")}</w:hdr>')
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/>'
              '</w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
              '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
              '</w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
            '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>')
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                 '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                 '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(meta.get("title", ""))}</dc:title><dc:creator>Democratic Services</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{meta.get("date", "2027-01-01T00:00:00Z")}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{meta.get("date", "2027-01-01T00:00:00Z")}</dcterms:modified>'
            '</cp:coreProperties>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", ct), ("_rels/.rels", root_rels), ("docProps/core.xml", core),
                           ("word/_rels/document.xml.rels", rels), ("word/document.xml", document),
                           ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING),
                           ("word/footnotes.xml", footnotes_xml(notes)), ("word/header1.xml", header),
                           ("word/footer1.xml", footer)]:
            info = zipfile.ZipInfo(name, date_time=(2027, 2, 26, 9, 30, 0))  # the same bytes on every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


if __name__ == "__main__":
    main()
