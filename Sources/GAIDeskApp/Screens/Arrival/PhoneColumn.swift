import TerminalUI

/// The telephone column of a table of visitors: as wide as the longest number listed (the clerk reads it out or
/// compares it), as far as the other columns leave room, never narrower than its title; a number still cut is
/// shown whole for the highlighted visitor.
enum PhoneColumn {
  /// The column's width for `phones` when the table is `width` columns wide and the other columns need
  /// `others` of them (their least widths and the gaps between all columns).
  static func width(_ tr: Translator, phones: [String], tableWidth width: Int, others: Int) -> Int {
    let longest = phones.map(\.displayWidth).max() ?? 0
    let room = min(width, Table.readableWidth) - others
    return max(1, min(max(tr("col.phone").displayWidth, longest), room))
  }

  /// A short column's width: `least`, or its title's when wider.
  static func fixed(_ tr: Translator, _ key: String, least: Int) -> Int { max(least, tr(key).displayWidth) }

  /// Puts the highlighted visitor's number whole on `row` when the column `columnWidth` wide cuts it.
  static func showWhole(
    _ phones: [String], selected: Int?, columnWidth: Int, into grid: inout Grid, row: Rect, tr: Translator
  ) {
    guard let index = selected, index < phones.count, phones[index].displayWidth > columnWidth else { return }
    grid.put(
      tr("labelled", tr("col.phone"), phones[index]), at: row.origin, role: .focus, maxWidth: row.width)
  }
}
