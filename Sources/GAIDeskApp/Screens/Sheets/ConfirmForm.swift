import Foundation
import GAIDesk
import TerminalUI

/// A supervisor's check of a sheet line or a partner's entry with the service itself: how it was checked and
/// a note, and for a corrected line its new text; the core records who and the day.
struct ConfirmForm: Equatable {
  /// What the form records.
  enum Target: Equatable {
    /// A confirmation of this line or entry as it stands.
    case confirm(KnowledgeSubject)
    /// A correction of line `index` of `section` of the sheet for `topic` (the new line is confirmed).
    case correctLine(topic: String, section: SheetSection, index: Int)
  }

  /// What is confirmed or corrected.
  let target: Target
  /// What it says now, as shown.
  let label: String
  /// How it was checked.
  var method = ConfirmationMethod.phone
  /// The corrected text (only when correcting).
  var correction: TextFieldState?
  /// What was said, if useful.
  var note = TextFieldState(limit: Validation.maxNoteLength)
  /// The focused row: 0 how, then the corrected text (when correcting), then the note.
  var focus = 0
  /// The last problem, translated.
  var error: String?

  /// A form confirming `subject`, shown as `label`.
  init(confirming subject: KnowledgeSubject, label: String) {
    target = .confirm(subject)
    self.label = label
  }

  /// A form correcting a sheet line whose text is `label` (the field starts with it).
  init(correcting topic: String, section: SheetSection, index: Int, label: String) {
    target = .correctLine(topic: topic, section: section, index: index)
    self.label = label
    correction = TextFieldState(text: label, limit: 1000)
  }

  /// How many rows take focus.
  var rows: Int { correction == nil ? 2 : 3 }

  /// Whether something was typed.
  var isDirty: Bool { !note.text.isEmpty || (correction.map { $0.text != label } ?? false) }

  /// Tab: the next row.
  mutating func focusNext() { focus = (focus + 1) % rows }

  /// Shift-Tab: the previous row.
  mutating func focusPrevious() { focus = (focus + rows - 1) % rows }

  /// Left, right or space on the first row choose how it was checked; other keys edit the focused field.
  mutating func input(_ key: KeyEvent) {
    error = nil
    let methods = ConfirmationMethod.allCases
    let at = methods.firstIndex(of: method) ?? 0
    switch (focus, key) {
    case (0, .right), (0, .character(" ")): method = methods[(at + 1) % methods.count]
    case (0, .left): method = methods[(at + methods.count - 1) % methods.count]
    case (1, _) where correction != nil: _ = correction?.handle(key)
    case (0, _): break
    default: _ = note.handle(key)
    }
  }

  /// The effect that records what the form holds, the correction in `language`.
  func effect(language: Language) -> Effect {
    let typed = note.text.trimmingCharacters(in: .whitespaces)
    let note = typed.isEmpty ? nil : typed
    switch target {
    case .confirm(let subject): return .confirmKnowledge(subject: subject, method: method, note: note)
    case .correctLine(let topic, let section, let index):
      return .correctSheetLine(
        topic: topic, section: section, index: index,
        texts: [language: (correction?.text ?? label).trimmingCharacters(in: .whitespaces)], method: method,
        note: note)
    }
  }

  /// The keys of the form.
  static func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding([.enter, .function(10)], .submit, help: tr("key.save")),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.escape, .back, help: tr("key.back")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  /// Draws the form in a box filling `area`; returns the cursor of the focused field.
  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr(correction == nil ? "review.confirmTitle" : "review.correctTitle"))
    grid.fill(area, style: .normal)
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    var y = inner.y
    for line in label.wrapped(toWidth: max(1, inner.width)).prefix(max(1, inner.height - 8)) {
      grid.put(line, at: Point(x: inner.x, y: y), role: .muted, maxWidth: inner.width)
      y += 1
    }
    y += 1
    let labelWidth = 20
    func caption(_ key: String, row: Int) {
      grid.put(
        tr(key), at: Point(x: inner.x, y: y), role: focus == row ? .focus : .normal, maxWidth: labelWidth - 1)
    }
    caption("review.how", row: 0)
    var x = inner.x + labelWidth
    for method in ConfirmationMethod.allCases {
      let text =
        method == self.method
        ? "[" + tr("confirm.how.\(method.rawValue)") + "]"
        : " "
          + tr(
            "confirm.how.\(method.rawValue)") + " "
      let role: Role = method == self.method ? (focus == 0 ? .selected : .highlight) : .normal
      x += grid.put(text, at: Point(x: x, y: y), role: role, maxWidth: max(0, inner.maxX - x)) + 1
    }
    grid.put(
      tr("review.howKeys"), at: Point(x: min(x + 1, inner.maxX), y: y), role: .muted,
      maxWidth: max(0, inner.maxX - x - 1))
    y += 1
    var cursor: Point?
    func field(_ state: TextFieldState, key: String, row: Int) {
      caption(key, row: row)
      let fieldArea = Rect(x: inner.x + labelWidth, y: y, width: max(1, inner.width - labelWidth), height: 1)
      var shown = state
      if focus != row { shown.moveHome() }
      let widget = TextField(shown)
      grid.render(widget, in: fieldArea)
      if focus == row { cursor = widget.cursorPosition(in: fieldArea) }
      y += 1
    }
    if let correction { field(correction, key: "review.text", row: 1) }
    field(note, key: "review.note", row: rows - 1)
    y += 1
    for line in tr("review.hint").wrapped(toWidth: max(1, inner.width)) where y < inner.maxY - 1 {
      grid.put(line, at: Point(x: inner.x, y: y), role: .muted, maxWidth: inner.width)
      y += 1
    }
    if let error {
      // A refusal wraps inside the box, on its last rows below what was typed.
      let top = min(y, inner.maxY - 1)
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: top, width: inner.width, height: max(0, inner.maxY - top)))
    }
    return cursor
  }
}
