#!/usr/bin/env python3
"""Writes a council briefing as a LibreOffice Impress slide deck (flat OpenDocument
presentation, .fodp), for LibreOffice to export to PDF, as council officers brief
Cabinet members with slides.

  python3 make_briefing_fodp.py SOURCE.txt OUT.fodp
  soffice --headless --convert-to pdf --outdir DIR OUT.fodp

Standard library only. SOURCE lines: @meta-title, @footer (text on the master page,
drawn on every slide beside the slide number), '## TITLE' starts a slide whose title is
TITLE (the first slide is a title slide: its further lines are subtitle lines),
'- ' a bullet, '-- ' a second-level bullet, '| a | b | c' a row of the slide's table
(the first row its header), '> ' a note box at the foot of the slide, blank lines ignored."""
import sys
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
meta, slides = {}, []
for raw in open(src, encoding="utf-8"):
    l = raw.rstrip("\n")
    if not l.strip():
        continue
    if l.startswith("@"):
        k, v = l[1:].split(" ", 1)
        meta[k] = v
    elif l.startswith("## "):
        slides.append({"title": l[3:], "items": []})
    else:
        slides[-1]["items"].append(l)

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation"')

STYLES = """
<office:styles>
 <style:style style:name="standard" style:family="graphic">
  <style:graphic-properties draw:stroke="none" draw:fill="none"/>
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/>
  <style:text-properties fo:font-family="'Liberation Sans'" fo:font-size="18pt" fo:color="#1d1d1b"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PM1">
  <style:page-layout-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm"
    fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/>
 </style:page-layout>
 <style:style style:name="dp1" style:family="drawing-page">
  <style:drawing-page-properties draw:background-size="full" draw:fill="solid" draw:fill-color="#ffffff"/>
 </style:style>
 <style:style style:name="band" style:family="graphic" style:parent-style-name="standard">
  <style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#4b2c6f"/>
 </style:style>
 <style:style style:name="gr" style:family="graphic" style:parent-style-name="standard">
  <style:graphic-properties draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="top"
    draw:auto-grow-height="false" fo:padding="0.1cm"/>
 </style:style>
 <style:style style:name="grnote" style:family="graphic" style:parent-style-name="standard">
  <style:graphic-properties draw:stroke="solid" svg:stroke-color="#4b2c6f" draw:fill="solid" draw:fill-color="#efe9f5"
    draw:textarea-vertical-align="middle" draw:auto-grow-height="false" fo:padding="0.25cm"/>
 </style:style>
 <style:style style:name="Ptitle" style:family="paragraph"><style:text-properties fo:font-size="28pt" fo:font-weight="bold" fo:color="#4b2c6f"/></style:style>
 <style:style style:name="Pbig" style:family="paragraph"><style:text-properties fo:font-size="36pt" fo:font-weight="bold" fo:color="#ffffff"/></style:style>
 <style:style style:name="Psub" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm"/><style:text-properties fo:font-size="20pt" fo:color="#ffffff"/></style:style>
 <style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:margin-left="0.8cm" fo:text-indent="-0.6cm" fo:margin-bottom="0.25cm"/><style:text-properties fo:font-size="18pt"/></style:style>
 <style:style style:name="P2" style:family="paragraph"><style:paragraph-properties fo:margin-left="1.8cm" fo:text-indent="-0.5cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="15pt"/></style:style>
 <style:style style:name="Pnote" style:family="paragraph"><style:text-properties fo:font-size="15pt" fo:font-style="italic"/></style:style>
 <style:style style:name="Pfoot" style:family="paragraph"><style:text-properties fo:font-size="10pt" fo:color="#6b6b6b"/></style:style>
 <style:style style:name="Pcell" style:family="paragraph"><style:text-properties fo:font-size="14pt"/></style:style>
 <style:style style:name="Phead" style:family="paragraph"><style:text-properties fo:font-size="14pt" fo:font-weight="bold" fo:color="#ffffff"/></style:style>
 <style:style style:name="ce1" style:family="table-cell"><style:graphic-properties draw:fill="solid" draw:fill-color="#4b2c6f"/><style:paragraph-properties fo:border="0.03cm solid #4b2c6f"/></style:style>
 <style:style style:name="ce2" style:family="table-cell"><style:graphic-properties draw:fill="none"/><style:paragraph-properties fo:border="0.03cm solid #8a7aa0"/></style:style>
 <text:list-style style:name="L1">
  <text:list-level-style-bullet text:level="1" text:bullet-char="&#x25CF;"><style:list-level-properties text:space-before="0.2cm" text:min-label-width="0.6cm"/><style:text-properties fo:color="#4b2c6f"/></text:list-level-style-bullet>
  <text:list-level-style-bullet text:level="2" text:bullet-char="&#x2013;"><style:list-level-properties text:space-before="1.2cm" text:min-label-width="0.5cm"/></text:list-level-style-bullet>
 </text:list-style>
</office:automatic-styles>
"""

def frame(x, y, w, h, body, style="gr"):
    return (f'<draw:frame draw:style-name="{style}" svg:x="{x}cm" svg:y="{y}cm" svg:width="{w}cm" svg:height="{h}cm">'
            f'<draw:text-box>{body}</draw:text-box></draw:frame>')

def para(text, style):
    return f'<text:p text:style-name="{style}">{escape(text)}</text:p>'

def bullets(items):
    # items: (level, text); nested list for level 2
    xml, i = '<text:list text:style-name="L1">', 0
    while i < len(items):
        level, text = items[i]
        xml += f'<text:list-item>{para(text, "P1")}'
        i += 1
        subs = []
        while i < len(items) and items[i][0] == 2:
            subs.append(items[i][1]); i += 1
        if subs:
            xml += '<text:list>' + ''.join(f'<text:list-item>{para(s, "P2")}</text:list-item>' for s in subs) + '</text:list>'
        xml += '</text:list-item>'
    return xml + '</text:list>'

def table(rows, y):
    ncol = len(rows[0])
    xml = (f'<draw:frame svg:x="1.5cm" svg:y="{y}cm" svg:width="25cm" svg:height="{1.0 * len(rows)}cm">'
           f'<table:table>' + ''.join('<table:table-column/>' for _ in range(ncol)))
    for r, row in enumerate(rows):
        xml += '<table:table-row>'
        for cell in row:
            xml += (f'<table:table-cell table:style-name="{"ce1" if r == 0 else "ce2"}">'
                    f'{para(cell, "Phead" if r == 0 else "Pcell")}</table:table-cell>')
        xml += '</table:table-row>'
    return xml + '</table:table></draw:frame>'

pages = []
for n, s in enumerate(slides):
    if n == 0:
        body = (f'<draw:custom-shape draw:style-name="band" svg:x="0cm" svg:y="0cm" svg:width="28cm" svg:height="15.75cm">'
                f'<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="rectangle"/></draw:custom-shape>')
        body += frame(1.5, 3.5, 25, 3, para(s["title"], "Pbig"))
        body += frame(1.5, 7.0, 25, 6, ''.join(para(t, "Psub") for t in s["items"]))
    else:
        body = frame(1.2, 0.6, 25.6, 1.8, para(s["title"], "Ptitle"))
        items = [(2, t[3:]) if t.startswith("-- ") else (1, t[2:]) for t in s["items"] if t.startswith("-")]
        rows = [[c.strip() for c in t[1:].split("|")] for t in s["items"] if t.startswith("|")]
        notes = [t[2:] for t in s["items"] if t.startswith("> ")]
        y = 2.7
        if items:
            h = 9.6 if not rows else 1.1 * len(items) + 0.4
            body += frame(1.2, y, 25.6, h, bullets(items))
            y += h + 0.2
        if rows:
            body += table(rows, y)
        if notes:
            body += frame(1.5, 12.2, 25, 1.6, ''.join(para(t, "Pnote") for t in notes), "grnote")
    pages.append(f'<draw:page draw:name="Slide{n + 1}" draw:style-name="dp1" draw:master-page-name="Briefing">{body}</draw:page>')

master = ('<office:master-styles><style:master-page style:name="Briefing" style:page-layout-name="PM1" draw:style-name="dp1">'
          '<draw:custom-shape draw:style-name="band" svg:x="0cm" svg:y="15.0cm" svg:width="28cm" svg:height="0.08cm">'
          '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="rectangle"/></draw:custom-shape>'
          + frame(1.2, 15.05, 20, 0.65, para(meta.get("footer", ""), "Pfoot"))
          + frame(25.0, 15.05, 2, 0.65, '<text:p text:style-name="Pfoot"><text:page-number>1</text:page-number></text:p>')
          + '</style:master-page></office:master-styles>')

doc = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS}>'
       f'<office:meta><dc:title>{escape(meta.get("meta-title", ""))}</dc:title></office:meta>'
       f'{STYLES}{master}<office:body><office:presentation>{"".join(pages)}</office:presentation></office:body></office:document>\n')
open(out, "w", encoding="utf-8").write(doc)
