import Foundation

extension MonthReport {
  /// The report laid out for export: a header block naming the office, its municipality and island and the
  /// period, then one section per kind of figure; waits and service times in minutes.
  public func table(language: Language, office: String, partners: [Partner] = []) -> ReportTable {
    let strings = Strings.shared
    let text = { (key: String, args: [String]) in strings.text(key, args, language: language) }
    let municipality = ReferenceData.shipped.municipality(office)
    let island = municipality.flatMap { ReferenceData.shipped.island($0.island) }
    let header: [(label: String, values: [String])] = [
      (text("export.office", []), [office]),
      (text("export.municipality", []), [municipality?.name ?? office]),
      (text("export.island", []), [island?.name ?? ""]),
      (text("export.period", []), [month + "-01", MonthReport.lastDay(of: month)]),
    ]
    var sections: [ReportTable.Section] = []
    for row in rows(language: language, partners: partners) {
      let minutes = row.code.hasPrefix("wait-") || row.code.hasPrefix("service-")
      let label = minutes ? row.label.replacingOccurrences(of: " (s)", with: "") + " (min)" : row.label
      let value = minutes ? (Double(row.value) / 6).rounded() / 10 : Double(row.value)
      let figure = ReportTable.Row(
        code: row.code, label: label, status: row.status, value: value, isMinutes: minutes)
      if sections.last?.code == row.section {
        let last = sections.removeLast()
        sections.append(
          ReportTable.Section(
            code: last.code, title: last.title, sheetName: last.sheetName, rows: last.rows + [figure]))
      } else {
        sections.append(
          ReportTable.Section(
            code: row.section, title: text("month.section.\(row.section)", []),
            sheetName: String(text("export.sheet.\(row.section)", []).prefix(31)), rows: [figure]))
      }
    }
    return ReportTable(
      title: text("month.title", [month, municipality?.name ?? office]),
      headerSheet: text("export.sheet.office", []), header: header,
      columns: ["section", "code", "label", "status", "value"].map { text("export.column.\($0)", []) },
      sections: sections)
  }

  /// The last day (YYYY-MM-DD) of a month given as YYYY-MM.
  static func lastDay(of month: String) -> String {
    let parts = month.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 2 else { return month }
    let (year, number) = (parts[0], parts[1])
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][max(0, min(11, number - 1))]
    return "\(month)-\(days)"
  }
}
