import Foundation

extension ReportTable {
  /// How a CSV is written: the field separator and the decimal mark.
  public struct CSVStyle: Equatable, Sendable {
    /// The field separator (`;` where the decimal mark is a comma).
    public let separator: Character
    /// The decimal mark of minutes.
    public let decimalComma: Bool

    /// Creates a style.
    public init(separator: Character, decimalComma: Bool) {
      self.separator = separator
      self.decimalComma = decimalComma
    }

    /// What a spreadsheet in `language`'s locale opens as columns: `;` and a decimal comma in Portuguese and
    /// French, `,` and a decimal point in English.
    public static func `default`(for language: Language) -> CSVStyle {
      language == .english
        ? CSVStyle(separator: ",", decimalComma: false) : CSVStyle(separator: ";", decimalComma: true)
    }
  }

  /// The table as CSV: UTF-8 with a byte order mark (so spreadsheets detect UTF-8), the title and header
  /// block, an empty line, the column titles, then one line per figure; CRLF line ends (RFC 4180).
  public func csv(_ style: CSVStyle) -> String {
    let separator = String(style.separator)
    func line(_ fields: [String]) -> String {
      fields.map { ReportTable.csvField($0, separator: style.separator) }.joined(separator: separator)
    }
    var lines = [line([title])]
    lines += header.map { line([$0.label] + $0.values) }
    lines += ["", line(columns)]
    for section in sections {
      for row in section.rows {
        lines.append(
          line([section.code, row.code, row.label, row.status, ReportTable.number(row, style: style)]))
      }
    }
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A value as text: counts without decimals, minutes with one decimal in the style's mark.
  static func number(_ row: Row, style: CSVStyle) -> String {
    guard row.isMinutes else { return String(Int(row.value)) }
    let text = String(format: "%.1f", row.value)
    return style.decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
  }

  /// A field quoted when it holds the separator, a quote or a line break.
  static func csvField(_ text: String, separator: Character) -> String {
    guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
