import Foundation
import GAIDesk

/// Writing exports: the CSV style from `--separator` and the language, binary workbooks to stdout.
enum Export {
  /// The CSV style: `--separator` when given (one character or "tab"), else the language's default.
  static func style(separator: String?, language: Language) throws -> ReportTable.CSVStyle {
    let standard = ReportTable.CSVStyle.default(for: language)
    guard let separator else { return standard }
    let character: Character
    switch separator.lowercased() {
    case "tab", "\\t": character = "\t"
    default:
      guard separator.count == 1, let only = separator.first, !only.isLetter, !only.isNumber, only != "\"",
        !only.isNewline
      else { throw GAIDeskError(.exportSeparator, separator) }
      character = only
    }
    return ReportTable.CSVStyle(separator: character, decimalComma: standard.decimalComma)
  }

  /// Writes `data` to stdout (through C's buffer, so a failed write gives the write-failure status);
  /// refused on a terminal, where a workbook would be garbage.
  static func binary(_ data: Data) throws {
    guard isatty(STDOUT_FILENO) == 0 else { throw GAIDeskError(.exportTerminal) }
    guard let out = Failure.standardOutput() else { throw GAIDeskError(.stdoutWrite, "stdout") }
    let written = data.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, out) }
    guard written == data.count else { throw GAIDeskError(.stdoutWrite, String(cString: strerror(errno))) }
  }
}
