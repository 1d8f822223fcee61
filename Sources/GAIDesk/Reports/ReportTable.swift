/// A report laid out for export, the same for CSV and xlsx: a title, a header block (office, municipality,
/// period) and sections of rows with a code, a label, a referral status and a number.
public struct ReportTable: Equatable, Sendable {
  /// One figure.
  public struct Row: Equatable, Sendable {
    /// The code counted (a topic, a nationality…), stable across languages.
    public let code: String
    /// Its label in the report's language.
    public let label: String
    /// The referral status, for referral rows ("" otherwise).
    public let status: String
    /// The value: a count, or minutes for waits and service times.
    public let value: Double
    /// Whether the value has decimals (minutes) rather than being a count.
    public let isMinutes: Bool
  }

  /// A section: its code (summary, area, topic…), its title, a short sheet name and its rows.
  public struct Section: Equatable, Sendable {
    /// The section code.
    public let code: String
    /// The title in the report's language.
    public let title: String
    /// A name of at most 31 characters for the xlsx sheet.
    public let sheetName: String
    /// The figures.
    public let rows: [Row]
  }

  /// The report's title, e.g. "Relatório mensal 2026-11 — GAI Praia".
  public let title: String
  /// The name of the xlsx sheet holding the title and header block.
  public let headerSheet: String
  /// Label and values of each header line (office, municipality, island, period).
  public let header: [(label: String, values: [String])]
  /// The column titles: section, code, label, status, value.
  public let columns: [String]
  /// The sections in order.
  public let sections: [Section]

  /// Creates a table.
  public init(
    title: String, headerSheet: String, header: [(label: String, values: [String])], columns: [String],
    sections: [Section]
  ) {
    self.title = title
    self.headerSheet = headerSheet
    self.header = header
    self.columns = columns
    self.sections = sections
  }

  /// Tables are equal when their text is (tuples are not Equatable).
  public static func == (a: ReportTable, b: ReportTable) -> Bool {
    a.title == b.title && a.headerSheet == b.headerSheet && a.columns == b.columns && a.sections == b.sections
      && a.header.map { [$0.label] + $0.values } == b.header.map { [$0.label] + $0.values }
  }
}
