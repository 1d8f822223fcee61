import Foundation
import GAIDesk
import ZIPFoundation

extension ReportTable {
  /// The table as an Excel workbook (SpreadsheetML in a ZIP): a first sheet with the title and header block,
  /// then one sheet per section with its column titles and typed numbers (minutes with two decimals).
  public func xlsx() throws -> Data {
    var sheets: [(name: String, xml: String)] = [
      (
        ReportTable.uniqueName(headerSheet, among: []),
        ReportTable.sheet([[.text(title)]] + header.map { [.text($0.label)] + $0.values.map(Cell.text) })
      )
    ]
    for section in sections {
      let rows: [[Cell]] =
        [[.text(section.title)], Array(columns.dropFirst()).map(Cell.header)]
        + section.rows.map { row in
          [
            .text(row.code), .text(row.label), .text(row.status),
            row.isMinutes ? .minutes(row.value) : .count(row.value),
          ]
        }
      sheets.append(
        (ReportTable.uniqueName(section.sheetName, among: sheets.map(\.name)), ReportTable.sheet(rows)))
    }
    let archive = try Archive(data: Data(), accessMode: .create)
    var files: [(String, String)] = [
      ("[Content_Types].xml", ReportTable.contentTypes(sheets: sheets.count)),
      ("_rels/.rels", ReportTable.rootRelations),
      ("xl/workbook.xml", ReportTable.workbook(names: sheets.map(\.name))),
      ("xl/_rels/workbook.xml.rels", ReportTable.workbookRelations(sheets: sheets.count)),
      ("xl/styles.xml", ReportTable.styles),
    ]
    for (index, sheet) in sheets.enumerated() {
      files.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml))
    }
    for (path, text) in files {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count),
        modificationDate: Date(timeIntervalSince1970: 1_577_836_800), compressionMethod: .deflate
      ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
    }
    guard let data = archive.data else { throw GAIDeskError(.diskIO, "xlsx", "archive") }
    return data
  }

  /// A cell: text, a bold column title, a count or minutes.
  enum Cell {
    case text(String)
    case header(String)
    case count(Double)
    case minutes(Double)
  }

  /// A worksheet with `rows`.
  static func sheet(_ rows: [[Cell]]) -> String {
    var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
    xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for (r, cells) in rows.enumerated() {
      xml += #"<row r="\#(r + 1)">"#
      for (c, cell) in cells.enumerated() {
        let ref = column(c) + String(r + 1)
        switch cell {
        case .text(let text): xml += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
        case .header(let text):
          xml += #"<c r="\#(ref)" s="2" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
        case .count(let value): xml += #"<c r="\#(ref)"><v>\#(Int(value))</v></c>"#
        case .minutes(let value): xml += #"<c r="\#(ref)" s="1"><v>\#(value)</v></c>"#
        }
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }

  /// The column letters of a zero-based index (A…Z, AA…).
  static func column(_ index: Int) -> String {
    let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
    return index < 26 ? letter : column(index / 26 - 1) + letter
  }

  /// `text` safe inside XML; characters XML 1.0 forbids are dropped.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A sheet name Excel accepts (no `[]:*?/\`, at most 31 characters) and not already used.
  static func uniqueName(_ name: String, among used: [String]) -> String {
    let clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    var candidate = clean.isEmpty ? "Sheet" : clean
    var number = 2
    while used.contains(candidate) {
      candidate = String(clean.prefix(28)) + " \(number)"
      number += 1
    }
    return candidate
  }

  static func contentTypes(sheets: Int) -> String {
    var xml =
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
    for index in 1...sheets {
      xml +=
        #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
    }
    return xml + "</Types>"
  }

  static let rootRelations =
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

  static func workbook(names: [String]) -> String {
    var xml =
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
    for (index, name) in names.enumerated() {
      xml += #"<sheet name="\#(escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
    }
    return xml + "</sheets></workbook>"
  }

  static func workbookRelations(sheets: Int) -> String {
    var xml =
      #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    for index in 1...sheets {
      xml +=
        #"<Relationship Id="rId\#(index)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#(index).xml"/>"#
    }
    xml +=
      #"<Relationship Id="rId\#(sheets + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
    return xml + "</Relationships>"
  }

  /// Styles: 0 plain, 1 two decimals (minutes), 2 bold (column titles).
  static let styles =
    #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>"#
}
