import GAIDesk
import TerminalUI

extension ServeScreen {
  /// The due date proposed and a follow-up date typed are shown again as the new language writes days.
  public mutating func languageChanged(to tr: Translator) {
    due = Self.redated(due, tr: tr)
    followUp = Self.redated(followUp, tr: tr)
  }

  /// `field` holding the same day as `tr` writes it (selected as it was), or unchanged when it holds no day.
  static func redated(_ field: TextFieldState, tr: Translator) -> TextFieldState {
    let day = LocalTime.day(typed: field.text)
    guard LocalTime.isDate(day) else { return field }
    return TextFieldState(text: tr.date(day), selected: field.isSelected, limit: field.limit)
  }
}
