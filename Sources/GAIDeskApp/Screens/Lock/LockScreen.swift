import Foundation
import GAIDesk
import TerminalUI

/// The locked screen: nothing of the office shown, only who was at the desk and the people of this session.
/// A person comes back with their PIN (or their passphrase, Tab); someone else types their own passphrase, which
/// names them (an office from before accounts, with one shared passphrase, also asks for a name).
struct LockScreen {
  /// What the person typed, for the model to try.
  enum Attempt: Equatable {
    /// A PIN for a person of the session.
    case pin(person: String, pin: String)
    /// The passphrase, for a person of the session or a new one.
    case passphrase(person: String, passphrase: String)
  }

  /// The field being typed in.
  enum Field { case pin, passphrase, name }

  /// The people of the session, in the order they first unlocked.
  let people: [String]
  /// Who was at the desk when it locked.
  let atDesk: String
  /// Who has a PIN.
  let withPIN: Set<String>
  /// The highlighted person; the row after the people is "someone else".
  var list: ListState
  var pin = TextFieldState(limit: DeskPIN.maxLength)
  var passphrase = TextFieldState(limit: 1024)
  var name = TextFieldState(limit: Validation.maxNameLength)
  /// A person with a PIN chose to type the passphrase instead.
  var usePassphrase = false
  /// Someone else: whether the name (rather than the passphrase) has the focus.
  var nameFocused = true
  /// The last problem, translated.
  var error: String?
  /// The person whose passphrase is being checked.
  var joining: String?
  /// Whether someone else gives a name with the passphrase: only while the office has no accounts (otherwise the
  /// passphrase names its account, and no typed name counts).
  let asksName: Bool

  init(people: [String], atDesk: String, asksName: Bool, hasPIN: (String) -> Bool) {
    self.people = people
    self.atDesk = atDesk
    self.asksName = asksName
    withPIN = Set(people.filter(hasPIN))
    list = ListState(count: people.count + 1, pageSize: 6)
    list.select(people.firstIndex(of: atDesk) ?? 0)
  }

  /// The person highlighted (nil: someone else).
  var selected: String? {
    guard let index = list.selected, index < people.count else { return nil }
    return people[index]
  }

  /// The field keys go to.
  var field: Field {
    guard let selected else { return asksName && nameFocused ? .name : .passphrase }
    return withPIN.contains(selected) && !usePassphrase ? .pin : .passphrase
  }

  /// What Enter would try, nil while the field is empty.
  var attempt: Attempt? {
    switch field {
    case .pin:
      return pin.text.isEmpty ? nil : .pin(person: selected ?? "", pin: pin.text)
    case .passphrase, .name:
      let person = selected ?? (asksName ? name.text : "")
      return passphrase.text.isEmpty || (asksName && person.isEmpty)
        ? nil : .passphrase(person: person, passphrase: passphrase.text)
    }
  }

  /// Enter tries what was typed; Tab is shown only where it does something: PIN ↔ passphrase for a person
  /// with a PIN, name ↔ passphrase for someone else who gives a name.
  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    var bindings: [KeyBinding<Command>] = [KeyBinding(.enter, .submit, help: tr("key.unlock"))]
    if let selected, withPIN.contains(selected) {
      bindings.append(KeyBinding(.tab, .nextField, help: tr("key.pinOrPassphrase")))
    } else if selected == nil, asksName {
      bindings.append(KeyBinding(.tab, .nextField, help: tr("key.field")))
    }
    return KeyMap(bindings + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  /// Tab: PIN ↔ passphrase for a person with a PIN; name ↔ passphrase for someone else (when a name is asked).
  mutating func nextField() {
    if selected == nil { nameFocused.toggle() } else { usePassphrase.toggle() }
    pin = TextFieldState(limit: DeskPIN.maxLength)
    error = nil
  }

  /// ↑/↓ choose a person; other keys go to the field (digits only for a PIN).
  mutating func input(_ key: KeyEvent) {
    if key == .up || key == .down {
      _ = list.handle(key)
      clear()
      usePassphrase = false
      nameFocused = true
      error = nil
      return
    }
    switch field {
    case .pin:
      if case .character(let c) = key, !c.isASCII || !c.isNumber { return }
      if pin.handle(key) { error = nil }
    case .passphrase:
      if passphrase.handle(key) { error = nil }
    case .name:
      if name.handle(key) { error = nil }
    }
  }

  /// A wrong PIN or passphrase: said under the field, which is emptied.
  mutating func refused(_ message: String) {
    error = message
    joining = nil
    pin = TextFieldState(limit: DeskPIN.maxLength)
    passphrase = TextFieldState(limit: 1024)
  }

  private mutating func clear() {
    pin = TextFieldState(limit: DeskPIN.maxLength)
    passphrase = TextFieldState(limit: 1024)
    name = TextFieldState(limit: Validation.maxNameLength)
  }

  /// Where the parts of the box go: who was at the desk, the question, the people, one row per field, the
  /// problem (two rows, or as many as it wraps to) and, on the last row, the panic key's hint.
  struct Layout {
    /// The bordered box.
    let box: Rect
    /// Who was at the desk.
    let atDesk: Rect
    /// "Who comes back to the desk?"
    let question: Rect
    /// The people of the session and "someone else".
    let people: Rect
    /// One row for each field typed in.
    let fields: [Rect]
    /// A refused PIN or passphrase.
    let problem: Rect
    /// The panic key's hint.
    let hint: Rect
  }

  /// The layout in `area` for `rows` people rows, `fieldCount` fields and `problem` (if any), computed once
  /// for drawing.
  static func layout(in area: Rect, rows: Int, fieldCount: Int, problem: String? = nil) -> Layout {
    let width = min(64, area.width)
    let problemRows = max(2, problem?.wrapped(toWidth: max(1, width - 4)).count ?? 0)
    let box = area.centered(
      Size(width: width, height: min(area.height, rows + 9 + problemRows)))
    let inner = Block().inner(box).inset(horizontal: 1)
    let body = inner.splitRows([.fill(1), .length(1)])
    let parts = body[0].splitRows(
      [.length(1), .length(1), .length(1), .length(rows), .length(1)]
        + Array(repeating: .length(1), count: fieldCount)
        + [.length(problemRows)])
    return Layout(
      box: box, atDesk: parts[0], question: parts[2], people: parts[3],
      fields: Array(parts[5..<5 + fieldCount]),
      problem: parts[5 + fieldCount], hint: body[1])
  }

  /// The fields shown: each with its label, its state, whether it is masked and whether it has the focus.
  private func shownFields(_ tr: Translator) -> [(
    label: String, state: TextFieldState, masked: Bool, focused: Bool
  )] {
    switch field {
    case .pin:
      return [(tr("lock.pin"), pin, true, true)]
    case .passphrase where selected != nil || !asksName:
      return [(tr("lock.passphrase"), passphrase, true, true)]
    case .passphrase, .name:
      return [
        (tr("lock.name"), name, false, field == .name),
        (tr("lock.passphrase"), passphrase, true, field == .passphrase),
      ]
    }
  }

  /// Draws the box: who was at the desk, the people, the field(s), the problem and the panic key's hint.
  func render(into grid: inout Grid, area: Rect, tr: Translator) -> Point? {
    let rows = min(people.count + 1, 6)
    let fields = shownFields(tr)
    let layout = Self.layout(in: area, rows: rows, fieldCount: fields.count, problem: error)
    grid.render(Block(title: tr("lock.title")), in: layout.box)
    grid.put(
      tr("lock.wasAtDesk", atDesk), at: layout.atDesk.origin, role: .focus, maxWidth: layout.atDesk.width)
    grid.put(tr("lock.who"), at: layout.question.origin, role: .muted, maxWidth: layout.question.width)
    let items =
      people.map { withPIN.contains($0) ? $0 + " · PIN" : $0 } + [
        tr(asksName ? "lock.other" : "lock.otherAccount")
      ]
    grid.render(ListView(items: items, state: list), in: layout.people)
    var cursor: Point?
    for (shown, row) in zip(fields, layout.fields) {
      let used = grid.put(shown.label, at: row.origin, role: shown.focused ? .focus : .normal)
      let fieldArea = Rect(x: row.x + used + 1, y: row.y, width: max(1, row.width - used - 1), height: 1)
      let widget = TextField(shown.state, masked: shown.masked)
      grid.render(widget, in: fieldArea)
      if shown.focused { cursor = widget.cursorPosition(in: fieldArea) }
    }
    if let error { grid.render(Paragraph(error, style: Style(.error)), in: layout.problem) }
    grid.put(tr("lock.hint"), at: layout.hint.origin, role: .muted, maxWidth: layout.hint.width)
    return cursor
  }
}
