import Foundation
import GAIDesk
import TerminalUI

/// The administrator's screen: the office's people with their role in words; add one (name, role, passphrase
/// typed twice), remove one (after saying what removal does), change a role, and change when the desks lock.
/// The core's operations decide (`Office.addAccount`, `removeAccount`, `changeRole`, `setLockTimes`, as
/// `gaidesk staff …` and `gaidesk settings lock`); the queue opens this screen only when the core's matrix lets
/// the person at the desk manage accounts.
public struct AccountsScreen: AppScreen {
  /// What the screen is doing.
  enum Mode: Equatable {
    /// The list of people.
    case list
    /// Adding a person: name, passphrase, passphrase again, and the role chosen with ←/→.
    case add
    /// Asking before removing the person named.
    case remove(String)
    /// Choosing a new role for the person named.
    case role(String)
    /// Changing the lock times (from those shown): idle minutes, minutes locked before the wipe, session hours.
    case lockTimes(LockTimes)

    /// Removing or changing a role: a question with Enter and Esc, its error below it.
    var isQuestion: Bool {
      switch self {
      case .remove, .role: true
      case .list, .add, .lockTimes: false
      }
    }
  }

  var mode = Mode.list
  /// The highlighted person.
  var list = ListState(count: 0)
  /// Name, passphrase, passphrase again.
  var form = AccountsScreen.emptyForm
  /// The role of the person being added, or the new role being chosen.
  var role = StaffRole.frontDesk
  /// The last problem, translated.
  var error: String?

  static let emptyForm = FormState(values: ["", "", ""], limits: [Validation.maxNameLength, 1024, 1024])

  /// Creates the screen on the list of people.
  public init() {}

  /// The people shown: the active accounts, in the order they were added.
  static func people(_ model: AppModel) -> [Account] { model.state.accounts.active }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    switch mode {
    case .list:
      return KeyMap(
        [
          KeyBinding(.character("n"), .add, help: tr("key.newPerson")),
          KeyBinding(.character("r"), .retire, help: tr("key.removePerson")),
          KeyBinding(.character("e"), .edit, help: tr("key.changeRole")),
          KeyBinding(.character("t"), .lockTimes, help: tr("key.lockTimes")),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: true) + [
          KeyBinding(.character("q"), .quit, help: tr("key.quit"), hidden: true)
        ])
    case .add, .lockTimes:
      return CommonKeys.form(tr, submit: tr("key.save"))
    case .remove, .role:
      return KeyMap(
        [
          KeyBinding(.enter, .submit, help: tr("key.confirm")),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
    }
  }

  /// A role in words, in the interface's language (the same terms as the core's refusals).
  static func words(_ role: StaffRole, _ tr: Translator) -> String {
    Strings.shared.text("term." + role.rawValue, language: tr.language)
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("accounts.title"))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    switch mode {
    case .list: renderList(into: &grid, inner, model)
    case .add: return renderAdd(into: &grid, inner, tr)
    case .lockTimes: return renderLockTimes(into: &grid, inner, tr)
    case .remove(let name):
      grid.render(
        Paragraph(tr("accounts.removeAsk", name), style: Style(.warning)),
        in: Rect(x: inner.x, y: inner.y, width: inner.width, height: max(1, inner.height - 1)))
    case .role(let name):
      grid.put(tr("accounts.roleAsk", name), at: inner.origin, role: .focus, maxWidth: inner.width)
      renderRoles(into: &grid, Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 3), tr)
    }
    if let error, mode == .list || mode.isQuestion {
      grid.render(
        Paragraph(error, style: Style(.error)),
        in: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 2))
    }
    return nil
  }

  private func renderList(into grid: inout Grid, _ inner: Rect, _ model: AppModel) {
    let tr = model.tr
    let people = Self.people(model)
    grid.put(tr("accounts.intro"), at: inner.origin, role: .muted, maxWidth: inner.width)
    let nameWidth = min(max(12, people.map { $0.name.count }.max() ?? 0), inner.width / 2)
    let items = people.map { account -> String in
      var line =
        account.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
        + Self.words(account.role, tr)
      if account.isRecovery { line += " · " + tr("accounts.recovery") }
      if account.name == model.staff { line += " · " + tr("accounts.you") }
      return line
    }
    let rows = inner.splitRows([.length(2), .fill(1), .length(1), .length(2), .length(2)])
    var state = list
    state.count = items.count
    grid.render(ListView(items: items, state: state), in: rows[1])
    let times = model.state.lockTimes
    grid.render(
      Paragraph(
        tr(
          "accounts.lockTimes", String(times.idleMinutes), String(times.wipeMinutes),
          String(times.sessionHours)),
        style: Style(.muted)),
      in: rows[3])
  }

  private func renderRoles(into grid: inout Grid, _ area: Rect, _ tr: Translator) {
    for (index, candidate) in StaffRole.allCases.enumerated() where index < area.height {
      grid.put(
        (candidate == role ? "▸ " : "  ") + Self.words(candidate, tr),
        at: Point(x: area.x, y: area.y + index),
        role: candidate == role ? .focus : .normal, maxWidth: area.width)
    }
  }

  /// The three lock times as a form, under a line saying they hold for every PC of the office.
  private func renderLockTimes(into grid: inout Grid, _ inner: Rect, _ tr: Translator) -> Point? {
    let rows = inner.splitRows([.length(2), .length(1), .length(3), .length(1), .fill(1)])
    grid.render(Paragraph(tr("accounts.lockIntro"), style: Style(.muted)), in: rows[0])
    let fields = [
      FormField(tr("accounts.idleMinutes")), FormField(tr("accounts.wipeMinutes")),
      FormField(tr("accounts.sessionHours")),
    ]
    let form = Form(fields: fields, state: self.form)
    grid.render(form, in: rows[2])
    if let error { grid.render(Paragraph(error, style: Style(.error)), in: rows[4]) }
    return form.cursorPosition(in: rows[2])
  }

  private func renderAdd(into grid: inout Grid, _ inner: Rect, _ tr: Translator) -> Point? {
    grid.render(
      Paragraph(tr("accounts.addIntro"), style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 2))
    let fields = [
      FormField(tr("accounts.name")), FormField(tr("accounts.passphrase"), masked: true),
      FormField(tr("accounts.repeat"), masked: true),
    ]
    let formArea = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 3)
    let form = Form(fields: fields, state: self.form)
    grid.render(form, in: formArea)
    grid.put(
      tr("accounts.role", Self.words(role, tr)), at: Point(x: inner.x, y: inner.y + 7), role: .focus,
      maxWidth: inner.width)
    if let error {
      grid.render(
        Paragraph(error, style: Style(.error)),
        in: Rect(x: inner.x, y: inner.y + 9, width: inner.width, height: max(1, min(3, inner.height - 9))))
    }
    return form.cursorPosition(in: formArea)
  }
}

extension AccountsScreen {
  /// The highlighted person, if any.
  func selected(_ model: AppModel) -> Account? {
    let people = Self.people(model)
    guard let index = list.selected, index < people.count else { return people.first }
    return people[index]
  }

  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    error = nil
    switch (mode, command) {
    case (.list, .add):
      mode = .add
      form = Self.emptyForm
      role = .frontDesk
    case (.list, .retire):
      guard let person = selected(model) else { break }
      mode = .remove(person.name)
    case (.list, .edit):
      guard let person = selected(model) else { break }
      role = person.role
      mode = .role(person.name)
    case (.list, .lockTimes):
      let times = model.state.lockTimes
      mode = .lockTimes(times)
      form = FormState(
        values: [String(times.idleMinutes), String(times.wipeMinutes), String(times.sessionHours)],
        limits: [4, 4, 4])
    case (.list, .back):
      return Reaction(navigation: .pop)
    case (.lockTimes, .nextField): form.focusNext()
    case (.lockTimes, .previousField): form.focusPrevious()
    case (.lockTimes, .submit):
      var values: [Int] = []
      for field in form.values {
        let text = field.text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(text) else {
          error = model.tr("accounts.lockNumber", text)
          return Reaction()
        }
        values.append(value)
      }
      let change = LockTimesChange(idleMinutes: values[0], wipeMinutes: values[1], sessionHours: values[2])
      return Reaction([.setLockTimes(change)], busy: model.tr("busy.saving"))
    case (.add, .nextField): form.focusNext()
    case (.add, .previousField): form.focusPrevious()
    case (.add, .submit):
      let name = form.values[0].text.trimmingCharacters(in: .whitespaces)
      let passphrase = form.values[1].text
      guard passphrase == form.values[2].text else {
        error = model.tr("accounts.mismatch")
        clearPassphrases()
        return Reaction()
      }
      return Reaction(
        [.addAccount(name: name, role: role, passphrase: passphrase)], busy: model.tr("busy.saving"))
    case (.remove(let name), .submit):
      return Reaction([.removeAccount(name: name)], busy: model.tr("busy.saving"))
    case (.role(let name), .submit):
      return Reaction([.changeRole(name: name, role: role)], busy: model.tr("busy.saving"))
    case (.add, .back), (.remove, .back), (.role, .back), (.lockTimes, .back):
      mode = .list
    default: break
    }
    return Reaction()
  }

  /// ↑/↓ choose a person (or a role); ←/→ change the role of the person being added; typing fills the form.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    switch mode {
    case .list:
      list.count = Self.people(model).count
      _ = list.handle(key)
    case .lockTimes:
      if form.handle(key) { error = nil }
    case .add:
      if key == .left || key == .right {
        role = Self.step(role, by: key == .right ? 1 : -1)
      } else if form.handle(key) {
        error = nil
      }
    case .role:
      if key == .up || key == .down || key == .left || key == .right {
        role = Self.step(role, by: key == .down || key == .right ? 1 : -1)
      }
    case .remove: break
    }
    return Reaction()
  }

  /// The role `offset` places after `role`, wrapping.
  static func step(_ role: StaffRole, by offset: Int) -> StaffRole {
    let all = StaffRole.allCases
    let index = all.firstIndex(of: role)!
    return all[(index + offset + all.count) % all.count]
  }

  /// Back to the list, saying what was done.
  public mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    let tr = model.tr
    let said: String
    switch effect {
    case .addAccount(let name, let role, _): said = tr("accounts.added", name, Self.words(role, tr))
    case .removeAccount(let name): said = tr("accounts.removed", name)
    case .changeRole(let name, let role): said = tr("accounts.roleChanged", name, Self.words(role, tr))
    case .setLockTimes:
      let times = model.state.lockTimes
      said = tr(
        "accounts.lockChanged", String(times.idleMinutes), String(times.wipeMinutes),
        String(times.sessionHours))
    default: return Reaction()
    }
    mode = .list
    form = Self.emptyForm
    return Reaction(notice: Notice(said, role: .success))
  }

  /// The core's refusal (a name taken, a weak passphrase, oneself removed) stays on the screen.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    switch effect {
    case .addAccount, .removeAccount, .changeRole, .setLockTimes:
      error = message
      if mode == .add { clearPassphrases() }
      return true
    default: return false
    }
  }

  /// Empties both passphrase fields and puts the cursor on the first, to type them again.
  private mutating func clearPassphrases() {
    form.values[1] = TextFieldState(limit: 1024)
    form.values[2] = TextFieldState(limit: 1024)
    while form.focus > 1 { form.focusPrevious() }
    if form.focus < 1 { form.focusNext() }
  }

  /// Something typed in the form would be lost.
  public var isDirty: Bool {
    switch mode {
    case .add: form.values.contains { !$0.text.isEmpty }
    case .lockTimes(let shown):
      form.values.map(\.text) != [shown.idleMinutes, shown.wipeMinutes, shown.sessionHours].map(String.init)
    default: false
    }
  }
  /// Esc closes the form or the question, not the screen.
  public var isInPanel: Bool { mode != .list }
}
