import Foundation
import GAIDesk
import TerminalUI

/// The locked screen: nothing of the office shown, only who was at the desk and the people of this session.
/// A person comes back with their PIN (or their passphrase, Tab); someone else gives a name and the passphrase.
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

  init(people: [String], atDesk: String, hasPIN: (String) -> Bool) {
    self.people = people
    self.atDesk = atDesk
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
    guard let selected else { return nameFocused ? .name : .passphrase }
    return withPIN.contains(selected) && !usePassphrase ? .pin : .passphrase
  }

  /// What Enter would try, nil while the field is empty.
  var attempt: Attempt? {
    switch field {
    case .pin:
      return pin.text.isEmpty ? nil : .pin(person: selected ?? "", pin: pin.text)
    case .passphrase, .name:
      let person = selected ?? name.text
      return passphrase.text.isEmpty || person.isEmpty
        ? nil : .passphrase(person: person, passphrase: passphrase.text)
    }
  }

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr("key.unlock")),
        KeyBinding(.tab, .nextField, help: tr("key.pinOrPassphrase")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  /// Tab: PIN ↔ passphrase for a person with a PIN; name ↔ passphrase for someone else.
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

  /// Draws the box: who was at the desk, the people, the field(s), the problem and the panic key's hint.
  func render(into grid: inout Grid, area: Rect, tr: Translator) -> Point? {
    let rows = min(people.count + 1, 6)
    let box = area.centered(Size(width: min(64, area.width), height: min(area.height, rows + 11)))
    let block = Block(title: tr("lock.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.put(tr("lock.wasAtDesk", atDesk), at: inner.origin, role: .focus, maxWidth: inner.width)
    grid.put(
      tr("lock.who"), at: Point(x: inner.x, y: inner.y + 2), role: .muted, maxWidth: inner.width)
    let items = people.map { withPIN.contains($0) ? $0 + " · PIN" : $0 } + [tr("lock.other")]
    grid.render(
      ListView(items: items, state: list),
      in: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: rows))
    var y = inner.y + 4 + rows
    var cursor: Point?
    func line(_ label: String, _ state: TextFieldState, masked: Bool, focused: Bool) {
      let used = grid.put(label, at: Point(x: inner.x, y: y), role: focused ? .focus : .normal)
      let fieldArea = Rect(x: inner.x + used + 1, y: y, width: max(1, inner.width - used - 1), height: 1)
      let widget = TextField(state, masked: masked)
      grid.render(widget, in: fieldArea)
      if focused { cursor = widget.cursorPosition(in: fieldArea) }
      y += 1
    }
    switch field {
    case .pin:
      line(tr("lock.pin"), pin, masked: true, focused: true)
    case .passphrase where selected != nil:
      line(tr("lock.passphrase"), passphrase, masked: true, focused: true)
    case .passphrase, .name:
      line(tr("lock.name"), name, masked: false, focused: field == .name)
      line(tr("lock.passphrase"), passphrase, masked: true, focused: field == .passphrase)
    }
    if let error {
      grid.render(
        Paragraph(error, style: Style(.error)), in: Rect(x: inner.x, y: y, width: inner.width, height: 2))
    }
    grid.put(tr("lock.hint"), at: Point(x: inner.x, y: inner.maxY - 1), role: .muted, maxWidth: inner.width)
    return cursor
  }
}
