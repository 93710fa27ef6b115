#!/usr/bin/env python3
"""Writes committee minutes as a flat OpenDocument text file (.fodt), for LibreOffice to
save as Word (.docx), as councils whose committee clerks use LibreOffice publish them.

  python3 make_minutes_fodt.py SOURCE.txt OUT.fodt
  soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir DIR OUT.fodt

Standard library only. SOURCE lines: @meta-title, @header (the page header),
@title T (Title style), @table a | b (a row of a borderless two-column table; rows in a
run make one table), '# ' a minute heading (Heading 2 with LibreOffice's own outline
numbering "N."), '- ' an item of a lettered list (a), (b), ... (LibreOffice list
numbering), '**T**' a paragraph in bold, anything else a body paragraph."""
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

STYLES = """
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="GB"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"><style:paragraph-properties fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.25cm" fo:text-align="justify"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="15pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"/>
 <text:outline-style style:name="Outline">
  <text:outline-level-style text:level="1" style:num-format=""/>
  <text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-1cm" fo:margin-left="1cm"/></style:list-level-properties></text:outline-level-style>
 </text:outline-style>
 <text:list-style style:name="Lettered">
  <text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="a"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="2cm" fo:text-indent="-0.8cm" fo:margin-left="2cm"/></style:list-level-properties></text:list-level-style-number>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Body1" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="1cm"/></style:style>
 <style:style style:name="Item" style:family="paragraph" style:parent-style-name="Text_20_body" style:list-style-name="Lettered"/>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style></style:page-layout>
</office:automatic-styles>
"""

def p(text, style="Text_20_body"):
    if text.startswith("**") and "**" in text[2:]:
        end = text.index("**", 2)
        inner = f'<text:span text:style-name="T1">{escape(text[2:end])}</text:span>{escape(text[end + 2:])}'
        return f'<text:p text:style-name="{style}">{inner}</text:p>'
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

body, i = [], 0
content = [l for l in lines if not l.startswith("@meta-title ") and not l.startswith("@header ")]
while i < len(content):
    l = content[i]
    if not l.strip():
        i += 1
    elif l.startswith("@title "):
        body.append(p(l[7:], "Title")); i += 1
    elif l.startswith("@table "):
        rows = []
        while i < len(content) and content[i].startswith("@table "):
            rows.append([c.strip() for c in content[i][7:].split("|")]); i += 1
        x = '<table:table table:name="Attendance" table:style-name="Tbl"><table:table-column table:number-columns-repeated="2"/>'
        for r in rows:
            x += '<table:table-row>' + ''.join(f'<table:table-cell office:value-type="string">{p(c, "Table_20_Contents")}</table:table-cell>' for c in r) + '</table:table-row>'
        body.append(x + '</table:table>')
    elif l.startswith("# "):
        body.append(f'<text:h text:style-name="Heading_20_2" text:outline-level="2">{escape(l[2:])}</text:h>'); i += 1
    elif l.startswith("- "):
        items = []
        while i < len(content) and content[i].startswith("- "):
            items.append(content[i][2:]); i += 1
        body.append('<text:list text:style-name="Lettered">' + ''.join(f'<text:list-item>{p(t, "Item")}</text:list-item>' for t in items) + '</text:list>')
    else:
        body.append(p(l, "Body1")); i += 1

master = ('<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
          f'<style:header>{p(meta.get("header", ""), "Header")}</style:header></style:master-page></office:master-styles>')
doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>'
       f'<office:meta><dc:title>{escape(meta.get("meta-title", ""))}</dc:title></office:meta>'
       f'{STYLES}{master}<office:body><office:text>{"".join(body)}</office:text></office:body></office:document>\n')
open(out, "w", encoding="utf-8").write(doc)
