#!/usr/bin/env python3
"""Writes a council committee report as a flat OpenDocument text file (.fodt), for
LibreOffice to save as Word (.docx), as a planning service whose report template lives
in LibreOffice Writer publishes it: a cover block, a table of contents (an index of the
Heading 1 paragraphs, with dotted leaders and page numbers, which Writer saves as Word's
TOC field), paragraphs numbered by one list that runs through the whole report (the
numbers are not in the text), recommendations lettered (a), (b), ... as the list's second
level, bulleted background papers, a page header, "Page N of M" in the footer, and an
appendix table after a page break.

  python3 make_report_fodt.py SOURCE.txt OUT.fodt
  soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir DIR OUT.fodt

Standard library only. SOURCE lines: @meta-title T, @header T (the page header),
@title T (Title style), @toc (the table of contents: its entries and page numbers are
the lines "@toc-entry Heading|page" that follow), @pagebreak, '= H' a Heading 1 (in
the contents), 'N. text' a numbered paragraph (N is dropped: the list numbers it),
'(x) text' a lettered paragraph at the list's second level, '- text' a bullet,
'!caption' a table caption, '|a|b|c' a table row (the first row of a run is the
header row), '**T**' a bold paragraph, anything else a body paragraph."""
import sys
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
lines = [l.rstrip("\n") for l in open(src, encoding="utf-8")]
meta = {}
for l in lines:
    if l.startswith("@meta-title ") or l.startswith("@header "):
        k, v = l[1:].split(" ", 1)
        meta[k] = v

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"')

LABEL = ('<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
         '<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{m}cm" '
         'fo:text-indent="-{i}cm" fo:margin-left="{m}cm"/></style:list-level-properties>')

STYLES = f"""
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Contents_20_Heading" style:display-name="Contents Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Contents_20_1" style:display-name="Contents 1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.1cm"><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-weight="bold" fo:font-size="10pt"/></style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9.5pt"/></style:style>
 <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="8.5pt" fo:color="#555555"/></style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-format=""/>
 </text:outline-style>
 <text:list-style style:name="Paragraphs">
  <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">{LABEL.format(m=1.0, i=1.0)}</text:list-level-style-number>
  <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")">{LABEL.format(m=2.0, i=1.0)}</text:list-level-style-number>
 </text:list-style>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">{LABEL.format(m=1.6, i=0.6)}</text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="NumPara" style:family="paragraph" style:parent-style-name="Text_20_body" style:list-style-name="Paragraphs"/>
 <style:style style:name="BulletPara" style:family="paragraph" style:parent-style-name="Text_20_body" style:list-style-name="Bullets"/>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Grid" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" fo:background-color="#dde4ee"/></style:style>
 <style:style style:name="Sect" style:family="section"/>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
"""

master = (f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">'
          f'<style:header><text:p text:style-name="Header">{escape(meta.get("header", ""))}</text:p></style:header>'
          '<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number>'
          ' of <text:page-count>1</text:page-count></text:p></style:footer>'
          '</style:master-page></office:master-styles>')


def inline(text):
    parts = text.split("**")
    return "".join(f'<text:span text:style-name="Strong">{escape(s)}</text:span>' if k % 2 else escape(s)
                   for k, s in enumerate(parts))


def p(text, style="Text_20_body"):
    return f'<text:p text:style-name="{style}">{inline(text)}</text:p>'


def toc(entries):
    body = ['<text:table-of-content text:style-name="Sect" text:protected="true" text:name="Table of Contents1">',
            '<text:table-of-content-source text:outline-level="1">',
            '<text:index-title-template text:style-name="Contents_20_Heading">Contents</text:index-title-template>',
            '<text:table-of-content-entry-template text:outline-level="1" text:style-name="Contents_20_1">'
            '<text:index-entry-link-start/><text:index-entry-text/><text:index-entry-tab-stop style:type="right" '
            'style:leader-char="."/><text:index-entry-page-number/><text:index-entry-link-end/>'
            '</text:table-of-content-entry-template>',
            '</text:table-of-content-source><text:index-body>',
            '<text:index-title text:style-name="Sect" text:name="Table of Contents1_Head">'
            '<text:p text:style-name="Contents_20_Heading">Contents</text:p></text:index-title>']
    for k, (title, page) in enumerate(entries):
        body.append(f'<text:p text:style-name="Contents_20_1"><text:a xlink:type="simple" '
                    f'xlink:href="#__RefHeading___Toc{1000 + k}_1" text:style-name="Index_20_Link" '
                    f'text:visited-style-name="Index_20_Link">{escape(title)}<text:tab/>{page}</text:a></text:p>')
    body.append('</text:index-body></text:table-of-content>')
    return "".join(body)


def table(rows):
    cols = len(rows[0])
    out = [f'<table:table table:name="Table{len(rows)}" table:style-name="Grid">'
           f'<table:table-column table:number-columns-repeated="{cols}"/>']
    for r, row in enumerate(rows):
        if r == 0:
            out.append('<table:table-header-rows>')
        out.append('<table:table-row>')
        for cell in row:
            style = "Table_20_Heading" if r == 0 else "Table_20_Contents"
            out.append(f'<table:table-cell table:style-name="{"HeadCell" if r == 0 else "Cell"}" office:value-type="string">'
                       f'{p(cell.strip(), style)}</table:table-cell>')
        out.append('</table:table-row>')
        if r == 0:
            out.append('</table:table-header-rows>')
    out.append('</table:table>')
    return "".join(out)


body = []
heading_no = 0
first_list = True
break_next = False
i = 0
while i < len(lines):
    l = lines[i]
    if l.startswith("@meta-title ") or l.startswith("@header ") or not l.strip():
        i += 1
    elif l.startswith("@title "):
        body.append(p(l[7:], "Title")); i += 1
    elif l == "@pagebreak":
        break_next = True; i += 1
    elif l == "@toc":
        entries = []
        i += 1
        while i < len(lines) and lines[i].startswith("@toc-entry "):
            title, page = lines[i][11:].rsplit("|", 1)
            entries.append((title, page)); i += 1
        body.append(toc(entries))
    elif l.startswith("= "):
        style = "Break" if break_next else "Heading_20_1"
        break_next = False
        body.append(f'<text:h text:style-name="{style}" text:outline-level="1"><text:bookmark-start '
                    f'text:name="__RefHeading___Toc{1000 + heading_no}_1"/>{escape(l[2:])}<text:bookmark-end '
                    f'text:name="__RefHeading___Toc{1000 + heading_no}_1"/></text:h>')
        heading_no += 1; i += 1
    elif l[:1].isdigit() and ". " in l and l.split(". ", 1)[0].isdigit():
        # A run of numbered paragraphs and their lettered sub-paragraphs: one
        # list, continuing the numbering of the list before it.
        cont = "" if first_list else ' text:continue-numbering="true"'
        first_list = False
        items = []
        while i < len(lines) and ((lines[i][:1].isdigit() and lines[i].split(". ", 1)[0].isdigit())
                                  or lines[i].startswith("(")):
            if lines[i].startswith("("):
                subs = []
                while i < len(lines) and lines[i].startswith("("):
                    subs.append(f'<text:list-item>{p(lines[i].split(") ", 1)[1], "NumPara")}</text:list-item>'); i += 1
                items[-1] = items[-1].replace("</text:list-item>", f'<text:list>{"".join(subs)}</text:list></text:list-item>')
            else:
                items.append(f'<text:list-item>{p(lines[i].split(". ", 1)[1], "NumPara")}</text:list-item>'); i += 1
        body.append(f'<text:list text:style-name="Paragraphs"{cont}>{"".join(items)}</text:list>')
    elif l.startswith("- "):
        items = []
        while i < len(lines) and lines[i].startswith("- "):
            items.append(f'<text:list-item>{p(lines[i][2:], "BulletPara")}</text:list-item>'); i += 1
        body.append(f'<text:list text:style-name="Bullets">{"".join(items)}</text:list>')
    elif l.startswith("!"):
        body.append(p(l[1:], "Caption")); i += 1
    elif l.startswith("|"):
        rows = []
        while i < len(lines) and lines[i].startswith("|"):
            rows.append(lines[i][1:].split("|")); i += 1
        body.append(table(rows))
    else:
        body.append(p(l)); i += 1

NS_X = NS + ' xmlns:xlink="http://www.w3.org/1999/xlink"'
doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS_X}>'
       f'<office:meta><dc:title>{escape(meta.get("meta-title", ""))}</dc:title>'
       '<meta:initial-creator>Planning Services</meta:initial-creator></office:meta>'
       f'{STYLES}{master}<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>\n')
open(out, "w", encoding="utf-8").write(doc)
