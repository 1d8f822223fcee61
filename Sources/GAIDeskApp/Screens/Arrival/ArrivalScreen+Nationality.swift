import GAIDesk
import TerminalUI

/// The new visitor form's nationality: what it resolves to, said whole under the form, and the countries it
/// may mean, one per row, picked with ↓ and Enter.
extension ArrivalScreen {
  /// The index of the nationality field in the form.
  static let nationalityField = 1

  /// The most countries listed at once under the form (the rest scroll).
  static let countryRows = 5

  /// The countries the nationality typed may mean, when the field has the focus and there are several.
  var countryChoices: [String] {
    guard let form, form.focus == Self.nationalityField else { return [] }
    let matches = Self.countries(form.values[Self.nationalityField].text)
    return matches.count > 1 ? matches : []
  }

  /// A country as listed: its name in this language and its code.
  static func countryLine(_ code: String, tr: Translator) -> String { "\(tr.country(code)) (\(code))" }

  /// Draws what the nationality typed resolves to in `area` (under the form); returns the rows used.
  func renderNationality(_ form: FormState, into grid: inout Grid, area: Rect, tr: Translator) -> Int {
    let typed = form.values[Self.nationalityField].text
    guard !typed.isEmpty, area.height > 0 else { return 0 }
    let matches = Self.countries(typed)
    guard matches.count > 1 else {
      let line =
        matches.first.map { tr("arrival.nationalityFound", Self.countryLine($0, tr: tr)) }
        ?? tr("arrival.unknownCountry")
      grid.put(line, at: area.origin, role: matches.isEmpty ? .warning : .muted, maxWidth: area.width)
      return 1
    }
    grid.put(tr("arrival.pickCountry"), at: area.origin, role: .warning, maxWidth: area.width)
    let rows = min(area.height - 1, min(matches.count, Self.countryRows + 1))
    guard rows > 0 else { return 1 }
    var state = ListState(
      count: matches.count, pageSize: ScrollList.itemRows(count: matches.count, height: rows))
    state.select(countryPick ?? 0)
    grid.render(
      ScrollList(
        items: matches.map { "  " + Self.countryLine($0, tr: tr) }, state: state,
        selectedStyle: countryPick == nil ? .normal : Style(.selected)
      ) { _, below in below > 0 ? tr("setup.more", String(below)) : nil },
      in: Rect(x: area.x, y: area.y + 1, width: area.width, height: rows))
    return 1 + rows
  }

  /// ↓ and ↑ move through the countries listed (↑ from the first goes back to typing); true when the key
  /// was theirs.
  mutating func moveCountryPick(_ key: KeyEvent) -> Bool {
    let choices = countryChoices
    guard !choices.isEmpty else { return false }
    switch key {
    case .down:
      countryPick = min(choices.count - 1, (countryPick ?? -1) + 1)
    case .up where countryPick != nil:
      countryPick = countryPick == 0 ? nil : countryPick.map { $0 - 1 }
    default: return false
    }
    return true
  }

  /// Puts the country highlighted in the field: its name when the name says only it, else its code; true
  /// when there was one to pick.
  mutating func pickCountry(tr: Translator) -> Bool {
    let choices = countryChoices
    guard let index = countryPick, index < choices.count else { return false }
    let code = choices[index]
    let name = tr.country(code)
    form?.values[Self.nationalityField].setText(Self.countries(name) == [code] ? name : code)
    countryPick = nil
    return true
  }
}
