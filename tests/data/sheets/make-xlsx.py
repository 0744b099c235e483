#!/usr/bin/env python3
# Writes the XLSX fixtures of tests/test-sheets.c with nothing but the standard library,
# so their bytes are ours and hold no real person's data. Run from this folder:
#   python3 make-xlsx.py
import struct
import zipfile

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>')


def workbook(date1904=False):
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            + pr + '<sheets><sheet name="Manifest" sheetId="1" r:id="rId7"/>'
            '<sheet name="Other" sheetId="2" r:id="rId8"/></sheets></workbook>')


WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/>'
           '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/manifest.xml"/>'
           '</Relationships>')

# Style 1: built-in date format 14; style 2: a custom "dd/mm/yyyy"; style 3: "0.00".
STYLES = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
          '<numFmt numFmtId="165" formatCode="0.00&quot; kg&quot;"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
          '<xf numFmtId="165"/></cellXfs></styleSheet>')

STRINGS = ['Flight AF 0702 22/11/2026 CDG-LFW', 'Surname', 'Given names', 'Date of birth',
           'Sex', 'Nationality', 'Passport', 'Bag weight', 'EXCELTEST', 'Zoé', 'F', 'FRA',
           'SHEETSON']


def shared_strings():
    items = []
    for s in STRINGS:
        if s == 'Zoé':
            # A rich-text run with a phonetic guide that must not leak into the value.
            items.append('<si><r><t>Zo</t></r><r><rPr><b/></rPr><t>é</t></r>'
                         '<rPh sb="0" eb="1"><t>ZZ</t></rPh></si>')
        else:
            items.append('<si><t>%s</t></si>' % s)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d">%s</sst>'
            % (len(STRINGS), ''.join(items)))


def s(ref, text):
    return '<c r="%s" t="s"><v>%d</v></c>' % (ref, STRINGS.index(text))


def sheet(dob_serials):
    rows = [
        '<row r="1">' + s('A1', 'Flight AF 0702 22/11/2026 CDG-LFW') + '</row>',
        # Row 2 is missing on purpose (a blank row Excel does not write).
        '<row r="3">' + ''.join(s('%s3' % c, t) for c, t in zip(
            'ABCDEFG', ['Surname', 'Given names', 'Date of birth', 'Sex', 'Nationality',
                        'Passport', 'Bag weight'])) + '</row>',
        '<row r="4">' + s('A4', 'EXCELTEST') + s('B4', 'Zoé')
        + '<c r="C4" s="1"><v>%s</v></c>' % dob_serials[0]
        + s('D4', 'F') + s('E4', 'FRA')
        + '<c r="F4"><v>123456789</v></c><c r="G4" s="3"><v>23.5</v></c></row>',
        # No r attributes on the cells: positions follow; an inline string.
        '<row r="5"><c t="inlineStr"><is><t>SHEETSON</t></is></c>'
        '<c t="inlineStr"><is><t>Max</t></is></c>'
        '<c s="2"><v>%s</v></c><c t="str"><v>M</v></c><c t="inlineStr"><is><t>DEU</t></is></c>'
        '<c t="inlineStr"><is><t>C01X00T47</t></is></c></row>' % dob_serials[1],
    ]
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData>%s</sheetData></worksheet>' % ''.join(rows))


OTHER = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
         'spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>WRONG SHEET'
         '</t></is></c></row></sheetData></worksheet>')


def write(path, date1904=False, serials=('31120', '29411')):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        z.writestr('_rels/.rels', RELS)
        z.writestr('xl/workbook.xml', workbook(date1904))
        z.writestr('xl/_rels/workbook.xml.rels', WB_RELS)
        z.writestr('xl/styles.xml', STYLES)
        z.writestr('xl/sharedStrings.xml', shared_strings())
        z.writestr('xl/worksheets/manifest.xml', sheet(serials))
        # Stored, not deflated: the reader handles both methods.
        z.writestr(zipfile.ZipInfo('xl/worksheets/other.xml'), OTHER)


# 31120 = 1985-03-14 and 29411 = 1980-07-09 in the 1900 system; minus 1462 in 1904.
write('manifest.xlsx')
write('manifest-1904.xlsx', True, ('29658', '27949'))

data = open('manifest.xlsx', 'rb').read()
open('truncated.xlsx', 'wb').write(data[:len(data) * 2 // 3])

# A zip bomb: a 20 MiB sheet of one repeated byte deflates to some 20 KiB.
with zipfile.ZipFile('bomb.xlsx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('xl/workbook.xml', workbook())
    z.writestr('xl/worksheets/sheet1.xml', '<' * (20 * 1024 * 1024))

# Zip64: the end record says "see the Zip64 record", as large archives do.
eocd = data.rfind(b'PK\x05\x06')
n, cd_size, cd_offset = struct.unpack('<HII', data[eocd + 10:eocd + 20])
z64 = struct.pack('<4sQHHIIQQQQ', b'PK\x06\x06', 44, 45, 45, 0, 0, n, n, cd_size, cd_offset)
locator = struct.pack('<4sIQI', b'PK\x06\x07', 0, eocd, 1)
end = struct.pack('<4sHHHHIIH', b'PK\x05\x06', 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
open('zip64.xlsx', 'wb').write(data[:eocd] + z64 + locator + end)
