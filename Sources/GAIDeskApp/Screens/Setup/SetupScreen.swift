import Foundation
import GAIDesk
import TerminalUI

/// First run: choose the municipality, set the passphrase twice, name the first staff member.
public struct SetupScreen: AppScreen {
  /// 0: municipality; 1: passphrase and staff.
  var step = 0
  /// Type-to-filter over the municipalities.
  var filter = TextFieldState()
  /// The highlighted municipality.
  var list = ListState(count: ReferenceData.shipped.municipalities.count)
  /// The chosen municipality code.
  var municipality: String?
  /// Passphrase, again, staff name.
  var form = FormState(values: ["", "", ""])
  /// The last problem, translated.
  var error: String?

  /// Creates the first step.
  public init() {}

  /// The municipalities matching the filter.
  var matches: [Municipality] {
    let query = SearchText.fold(filter.text)
    guard !query.isEmpty else { return ReferenceData.shipped.municipalities }
    return ReferenceData.shipped.municipalities.filter {
      SearchText.fold($0.name + " " + (ReferenceData.shipped.island($0.island)?.name ?? "")).contains(query)
    }
  }

  /// Whether something was typed in the second step.
  public var isDirty: Bool { step == 1 && form.values.contains { !$0.text.isEmpty } }

  /// In the second step Esc goes back to the municipality.
  public var isInPanel: Bool { step == 1 }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    if step == 0 {
      return KeyMap(
        [
          KeyBinding(.enter, .submit, help: tr("key.choose")),
          KeyBinding(.escape, .quit, help: tr("key.quit")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
    }
    return CommonKeys.form(tr, submit: tr("key.next"))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("setup.title"))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    grid.render(
      Paragraph(tr("setup.intro"), style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 2))
    var cursor: Point?
    if step == 0 {
      grid.put(tr("setup.municipality"), at: Point(x: inner.x, y: inner.y + 3), role: .focus)
      let fieldArea = Rect(
        x: inner.x + 24, y: inner.y + 3, width: max(1, min(30, inner.width - 24)), height: 1)
      let field = TextField(filter)
      grid.render(field, in: fieldArea)
      cursor = field.cursorPosition(in: fieldArea)
      let items = matches.map { "\($0.name) (\(ReferenceData.shipped.island($0.island)?.name ?? $0.island))" }
      var state = list
      state.count = items.count
      let listArea = Rect(x: inner.x, y: inner.y + 5, width: inner.width, height: inner.height - 5)
      if items.isEmpty {
        grid.put(tr("setup.none"), at: listArea.origin, role: .muted)
      } else {
        // A list longer than its space says how many more lie below, so it is seen to scroll.
        grid.render(
          ScrollList(items: items, state: state) { _, below in
            below > 0 ? tr("setup.more", String(below)) : nil
          }, in: listArea)
      }
    } else {
      let chosen = municipality.flatMap { ReferenceData.shipped.municipality($0)?.name } ?? ""
      grid.put(tr("setup.office", chosen), at: Point(x: inner.x, y: inner.y + 3), role: .title)
      let fields = [
        FormField(tr("setup.passphrase"), masked: true), FormField(tr("setup.again"), masked: true),
        FormField(tr("setup.staff")),
      ]
      let formArea = Rect(x: inner.x, y: inner.y + 5, width: min(inner.width, 70), height: 3)
      let form = Form(fields: fields, state: self.form)
      grid.render(form, in: formArea)
      cursor = form.cursorPosition(in: formArea)
      grid.render(
        Paragraph(tr("setup.hint"), style: Style(.muted)),
        in: Rect(x: inner.x, y: inner.y + 9, width: inner.width, height: 3))
    }
    if let error {
      // On the box's last rows (up to three), wrapped.
      let rows = min(3, inner.height)
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: inner.maxY - rows, width: inner.width, height: rows))
    }
    return cursor
  }
}

extension SetupScreen {
  /// Enter chooses the municipality, then moves through the fields and creates the office.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    let tr = model.tr
    switch command {
    case .submit where step == 0:
      let matches = matches
      guard let index = list.selected, index < matches.count else { return Reaction() }
      municipality = matches[index].code
      step = 1
      error = nil
    case .submit:
      if form.focus < 2 {
        form.focusNext()
        return Reaction()
      }
      let passphrase = form.values[0].text
      let name = form.values[2].text.trimmingCharacters(in: .whitespaces)
      guard passphrase == form.values[1].text else {
        error = tr("setup.mismatch")
        form = FormState(values: ["", "", name])
        return Reaction()
      }
      do {
        try Validation.passphrase(passphrase)
        _ = try Validation.name(name, field: "staff")
      } catch let failure as GAIDeskError {
        error = tr.error(failure)
        return Reaction()
      } catch { return Reaction() }
      guard let municipality else { return Reaction() }
      var reaction = Reaction(
        [.createOffice(municipality: municipality, passphrase: passphrase, staff: name)],
        busy: tr("busy.creating"))
      reaction.session = Session(staff: name, desk: model.desk)
      return reaction
    case .nextField: form.focusNext()
    case .previousField: form.focusPrevious()
    case .back:
      step = 0
      error = nil
    default: break
    }
    return Reaction()
  }

  /// Typing filters the municipalities, or goes to the focused field.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    if step == 0 {
      if list.handle(key) { return Reaction() }
      if filter.handle(key) { list = ListState(count: matches.count) }
    } else {
      _ = form.handle(key)
    }
    return Reaction()
  }

  /// A refused office creation is said under the form.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    guard case .createOffice = effect else { return false }
    error = message
    return true
  }
}
