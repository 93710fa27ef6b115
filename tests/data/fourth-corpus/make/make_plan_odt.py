#!/usr/bin/env python3
"""Writes a national plan as an OpenDocument text file (.odt) with a TWO-COLUMN section,
the way InDesign-style national reports are laid out, for LibreOffice to export to PDF.

  python3 make_plan_odt.py SOURCE.txt OUT.odt
  soffice --headless --convert-to pdf --outdir DIR OUT.odt

Standard library only. SOURCE lines: @meta-title, @header (running head), @title,
@subtitle, @pagebreak, @columns N (starts a section of N columns; 1 ends it),
@footnote N TEXT (the text of [^N]), '# ' Heading 1, '- ' a bullet of a real list,
anything else a body paragraph (paragraph numbers are typed in the text)."""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
lines = [l.rstrip("\n") for l in open(src, encoding="utf-8")]
meta = {}
notes = {}
for l in lines:
    if l.startswith("@footnote "):
        n, text = l[len("@footnote "):].split(" ", 1)
        notes[n] = text
    elif l.startswith("@meta-title ") or l.startswith("@header "):
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
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
      'office:version="1.3"')


def inline(text):
    """Body text with [^N] made into real footnotes."""
    parts = re.split(r"\[\^(\d+)\]", text)
    out = escape(parts[0])
    for i in range(1, len(parts), 2):
        n = parts[i]
        out += ('<text:note text:id="ftn%s" text:note-class="footnote"><text:note-citation>%s</text:note-citation>'
                '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                % (n, n, escape(notes.get(n, ""))))
        out += escape(parts[i + 1])
    return out


body = []
pending_break = False
in_section = False
in_list = False
sections = 0
for l in lines:
    if l.startswith("@footnote") or l.startswith("@meta-title") or l.startswith("@header") or not l.strip():
        continue
    if in_list and not l.startswith("- "):
        body.append("</text:list>")
        in_list = False
    if l == "@pagebreak":
        pending_break = True
        continue
    if l.startswith("@columns "):
        if in_section:
            body.append("</text:section>")
            in_section = False
        if int(l.split()[1]) > 1:
            sections += 1
            body.append('<text:section text:style-name="TwoColumns" text:name="Columns%d">' % sections)
            in_section = True
        continue
    brk = "Break" if pending_break else ""
    pending_break = False
    if l.startswith("@title "):
        body.append('<text:p text:style-name="Title%s">%s</text:p>' % (brk, escape(l[7:])))
    elif l.startswith("@subtitle "):
        body.append('<text:p text:style-name="Subtitle%s">%s</text:p>' % (brk, escape(l[10:])))
    elif l.startswith("# "):
        body.append('<text:h text:style-name="Heading1%s" text:outline-level="1">%s</text:h>' % (brk, escape(l[2:])))
    elif l.startswith("- "):
        if not in_list:
            body.append('<text:list text:style-name="Bullets">')
            in_list = True
        body.append('<text:list-item><text:p text:style-name="ListBody">%s</text:p></text:list-item>' % inline(l[2:]))
    else:
        body.append('<text:p text:style-name="Body%s">%s</text:p>' % (brk, inline(l)))
if in_list:
    body.append("</text:list>")
if in_section:
    body.append("</text:section>")

content = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS}>
<office:automatic-styles>
<style:style style:name="TwoColumns" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="2" fo:column-gap="0.8cm"><style:column style:rel-width="1*" fo:start-indent="0cm" fo:end-indent="0.4cm"/><style:column style:rel-width="1*" fo:start-indent="0.4cm" fo:end-indent="0cm"/></style:columns></style:section-properties></style:style>
<style:style style:name="TitleBreak" style:family="paragraph" style:parent-style-name="Title"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="SubtitleBreak" style:family="paragraph" style:parent-style-name="Subtitle"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Heading1Break" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="BodyBreak" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<style:style style:name="ListBody" style:family="paragraph" style:parent-style-name="Text_20_body"/>
<style:style style:name="Heading1" style:family="paragraph" style:parent-style-name="Heading_20_1"/>
<text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
</office:automatic-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document-content>
'''

styles = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {NS}>
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="10pt" fo:language="en" fo:country="GB"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="120%" fo:text-align="justify"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:text-properties fo:font-size="14pt" fo:color="#00566e"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:paragraph-properties fo:margin-top="5cm" fo:text-align="start"/><style:text-properties fo:font-size="32pt" fo:color="#00566e"/></style:style>
<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Heading" style:class="chapter"><style:text-properties fo:font-size="16pt" fo:font-weight="normal"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#555555"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt"/></style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="8pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">{escape(meta.get("header", ""))}</text:p></style:header>
<style:footer><text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page>
</office:master-styles>
</office:document-styles>
'''

meta_xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS}><office:meta><dc:title>{escape(meta.get("meta-title", ""))}</dc:title><meta:generator>make_plan_odt.py</meta:generator><meta:creation-date>2026-11-12T09:00:00</meta:creation-date></office:meta></office:document-meta>
'''

manifest = '''<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
'''

FIXED = (2026, 11, 12, 9, 0, 0)
with zipfile.ZipFile(out, "w") as z:
    def add(name, data, compress=zipfile.ZIP_DEFLATED):
        info = zipfile.ZipInfo(name, FIXED)
        info.compress_type = compress
        z.writestr(info, data)
    add("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
    add("META-INF/manifest.xml", manifest)
    add("content.xml", content)
    add("styles.xml", styles)
    add("meta.xml", meta_xml)
