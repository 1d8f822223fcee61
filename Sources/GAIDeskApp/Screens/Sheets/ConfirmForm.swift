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

  /// The width of the captions column.
  static let captionWidth = 20

  /// Where the parts of the form go: what is checked, how, the corrected text, the note, the hint and the
  /// problem below it.
  struct Layout {
    /// What the line or entry says now (as many rows as it wraps to, within the box).
    let label: Rect
    /// How it was checked.
    let how: Rect
    /// The corrected text (nil when confirming as it stands).
    let correction: Rect?
    /// The note.
    let note: Rect
    /// The hint, as many rows as it wraps to and the box leaves.
    let hint: Rect
    /// A refusal, on the rows below the hint.
    let problem: Rect
  }

  /// The layout inside the box `area` for a label of `labelRows` rows and a hint of `hintRows` rows.
  static func layout(in area: Rect, labelRows: Int, hintRows: Int, correcting: Bool) -> Layout {
    let inner = Block().inner(area).inset(horizontal: 1)
    let parts = inner.splitRows([
      .length(min(labelRows, max(1, inner.height - 8))), .length(1), .length(1), .length(correcting ? 1 : 0),
      .length(1), .length(1), .fill(1),
    ])
    let rest = parts[6].splitRows([.length(min(hintRows, max(0, parts[6].height - 1))), .fill(1)])
    return Layout(
      label: parts[0], how: parts[2], correction: correcting ? parts[3] : nil, note: parts[4], hint: rest[0],
      problem: rest[1])
  }

  /// Draws the form in a box filling `area`; returns the cursor of the focused field.
  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr(correction == nil ? "review.confirmTitle" : "review.correctTitle"))
    grid.fill(area, style: .normal)
    grid.render(block, in: area)
    let width = max(1, Block().inner(area).inset(horizontal: 1).width)
    let labelLines = label.wrapped(toWidth: width)
    let hintLines = tr("review.hint").wrapped(toWidth: width)
    let layout = Self.layout(
      in: area, labelRows: labelLines.count, hintRows: hintLines.count, correcting: correction != nil)
    for (line, row) in zip(labelLines, layout.label.rows) {
      grid.put(line, at: row.origin, role: .muted, maxWidth: row.width)
    }
    func caption(_ key: String, row: Int, in rect: Rect) {
      grid.put(
        tr(key), at: rect.origin, role: focus == row ? .focus : .normal, maxWidth: Self.captionWidth - 1)
    }
    caption("review.how", row: 0, in: layout.how)
    var x = layout.how.x + Self.captionWidth
    for method in ConfirmationMethod.allCases {
      let name = tr("confirm.how.\(method.rawValue)")
      let text = method == self.method ? "[" + name + "]" : " " + name + " "
      let role: Role = method == self.method ? (focus == 0 ? .selected : .highlight) : .normal
      x +=
        grid.put(text, at: Point(x: x, y: layout.how.y), role: role, maxWidth: max(0, layout.how.maxX - x))
        + 1
    }
    grid.put(
      tr("review.howKeys"), at: Point(x: min(x + 1, layout.how.maxX), y: layout.how.y), role: .muted,
      maxWidth: max(0, layout.how.maxX - x - 1))
    var cursor: Point?
    func field(_ state: TextFieldState, key: String, row: Int, in rect: Rect) {
      caption(key, row: row, in: rect)
      let fieldArea = Rect(
        x: rect.x + Self.captionWidth, y: rect.y, width: max(1, rect.width - Self.captionWidth), height: 1)
      var shown = state
      if focus != row { shown.moveHome() }
      let widget = TextField(shown)
      grid.render(widget, in: fieldArea)
      if focus == row { cursor = widget.cursorPosition(in: fieldArea) }
    }
    if let correction, let rect = layout.correction {
      field(correction, key: "review.text", row: 1, in: rect)
    }
    field(note, key: "review.note", row: rows - 1, in: layout.note)
    for (line, row) in zip(hintLines, layout.hint.rows) {
      grid.put(line, at: row.origin, role: .muted, maxWidth: row.width)
    }
    if let error {
      // A refusal wraps inside the box, on its last rows below what was typed.
      grid.render(WrappedMessage(error, role: .error), in: layout.problem)
    }
    return cursor
  }
}
