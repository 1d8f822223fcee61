import Foundation
import ProcessTestSupport
import Testing

/// The month report as the national authority opens it: CSV columns with `;` and a decimal comma, and an xlsx
/// workbook that LibreOffice reads back to the same figures.
@Suite struct ExportTests {
  /// The fields of one CSV line (quotes handled).
  static func fields(_ line: Substring, separator: Character) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var previous: Character = " "
    for character in line {
      if character == "\"" {
        if quoted && previous == "\"" { current.append("\"") }
        quoted.toggle()
      } else if character == separator && !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    return fields + [current]
  }

  /// (code, status, value) of every figure line: lines after the column titles (CSV) or after each sheet's.
  static func figures(_ text: String, separator: Character, skip: Int, decimalComma: Bool) -> [String] {
    text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { fields($0, separator: separator) }
      .filter { $0.count >= 4 + skip && Double($0[3 + skip].replacingOccurrences(of: ",", with: ".")) != nil }
      .map { row in
        let value = Double(row[3 + skip].replacingOccurrences(of: decimalComma ? "," : "", with: "."))!
        return "\(row[skip])|\(row[skip + 2])|\(value)"
      }.sorted()
  }

  /// Runs `gaidesk ARGS` with stdout to a file and returns the bytes written.
  static func bytes(_ cli: CLI, _ arguments: [String]) throws -> (Int32?, Data) {
    let out = cli.scratch + "/export-" + UUID().uuidString
    let pid = try ChildProcess.start([CLI.binary] + arguments, environment: cli.environment, stdout: out)
    let status = ChildProcess.exitCode(ChildProcess.wait(pid))
    return (status, try Data(contentsOf: URL(fileURLWithPath: out)))
  }

  @Test func csvHasAHeaderBlockSemicolonsAndMinutes() throws {
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    #expect(cli.run(["demo", "--visitors", "120", "--days", "20"]).status == 0)
    // The month of ten days ago: on the first days of a month the current one holds almost no demo visits.
    let month = CLI.localDay(daysFromToday: -10).prefix(7)
    let csv = cli.run(["report", "month", String(month), "--format", "csv"])
    #expect(csv.status == 0, "\(csv.err)")
    let lines = csv.out.components(separatedBy: "\r\n")
    // The BOM is checked in ReportTests.
    #expect(lines[0].contains("Relatório mensal \(month) — GAI Praia"))
    #expect(lines[1] == "Gabinete;praia" && lines[2] == "Concelho;Praia" && lines[3] == "Ilha;Santiago")
    #expect(lines[4].hasPrefix("Período;\(month)-01;\(month)-"))
    #expect(lines[6] == "secção;código;descrição;estado;valor")
    for line in lines.dropFirst(7) where !line.isEmpty {
      #expect(Self.fields(Substring(line), separator: ";").count == 5, "\(line)")
    }
    #expect(lines.contains { $0.hasPrefix("summary;wait-median;Espera mediana (min);;") && $0.contains(",") })
    let english = cli.run(["report", "month", String(month), "--format", "csv", "--lang", "en"])
    #expect(english.out.contains("\r\nsection,code,label,status,value\r\n"))
    let tab = cli.run(["report", "month", String(month), "--format", "csv", "--separator", "tab"])
    #expect(tab.out.contains("\r\nsecção\tcódigo\tdescrição\testado\tvalor\r\n"))
    #expect(cli.run(["report", "month", String(month), "--format", "csv", "--separator", "ab"]).status == 1)
  }

  @Test func xlsxReadBackByLibreOfficeHasTheCSVFigures() throws {
    let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let soffice else {
      Issue.record("LibreOffice is missing: apt-get install -y libreoffice-calc-nogui (.ci/run installs it)")
      return
    }
    let cli = CLI()
    #expect(cli.initOffice().status == 0)
    #expect(cli.run(["demo", "--visitors", "300", "--days", "40"]).status == 0)
    let month = String(CLI.localDay(daysFromToday: -10).prefix(7))  // a month with demo visits (above)
    let csv = cli.run(["report", "month", month, "--format", "csv"])
    let (status, workbook) = try Self.bytes(cli, ["report", "month", month, "--format", "xlsx"])
    #expect(status == 0 && workbook.starts(with: Data("PK".utf8)))
    let folder = cli.scratch + "/lo"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try workbook.write(to: URL(fileURLWithPath: folder + "/month.xlsx"))
    let log = folder + "/soffice.log"
    let pid = try ChildProcess.start(
      [
        soffice, "--headless", "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", folder,
        folder + "/month.xlsx",
      ], environment: ["HOME": cli.scratch, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"], stdout: log,
      stderr: log)
    #expect(ChildProcess.exitCode(ChildProcess.wait(pid)) == 0)
    let sheets = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
    #expect(sheets.count == 9, "\(sheets)")
    let office = try String(contentsOfFile: folder + "/month-Gabinete.csv", encoding: .utf8)
    #expect(office.contains("Concelho,Praia") && office.contains("Ilha,Santiago"))
    var fromWorkbook: [String] = []
    for sheet in sheets where sheet != "month-Gabinete.csv" {
      let text = try String(contentsOfFile: folder + "/" + sheet, encoding: .utf8)
      fromWorkbook += Self.figures(text, separator: ",", skip: 0, decimalComma: false)
    }
    let fromCSV = Self.figures(csv.out, separator: ";", skip: 1, decimalComma: true)
    #expect(fromCSV.count > 40)
    #expect(fromWorkbook.sorted() == fromCSV)
  }
}
