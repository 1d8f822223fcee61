import Foundation
import GAIDesk
import TerminalUI

/// First run: choose the municipality, set the passphrase twice, name the first staff member.
public struct SetupScreen {
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
  var isDirty: Bool { form.values.contains { !$0.text.isEmpty } }

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    if step == 0 {
      return KeyMap(
        [
          KeyBinding(.enter, .submit, help: tr("key.choose")),
          KeyBinding(.escape, .quit, help: tr("key.quit")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
    }
    return KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr("key.next")),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.escape, .back, help: tr("key.back")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
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
        grid.render(ListView(items: items, state: state), in: listArea)
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
      grid.put(error, at: Point(x: inner.x, y: inner.maxY - 1), role: .error, maxWidth: inner.width)
    }
    return cursor
  }
}

extension AppModel {
  mutating func setupCommand(_ command: Command, _ s: inout SetupScreen) -> [Effect] {
    switch command {
    case .submit where s.step == 0:
      let matches = s.matches
      guard let index = s.list.selected, index < matches.count else { return [] }
      s.municipality = matches[index].code
      s.step = 1
      s.error = nil
    case .submit:
      if s.form.focus < 2 {
        s.form.focusNext()
        return []
      }
      let passphrase = s.form.values[0].text
      let name = s.form.values[2].text.trimmingCharacters(in: .whitespaces)
      guard passphrase == s.form.values[1].text else {
        s.error = tr("setup.mismatch")
        s.form = FormState(values: ["", "", name])
        return []
      }
      do {
        try Validation.passphrase(passphrase)
        _ = try Validation.name(name, field: "staff")
      } catch let error as GAIDeskError {
        s.error = tr.error(error)
        return []
      } catch { return [] }
      guard let municipality = s.municipality else { return [] }
      staff = name
      busy = tr("busy.creating")
      return [.createOffice(municipality: municipality, passphrase: passphrase, staff: name)]
    case .nextField: s.form.focusNext()
    case .previousField: s.form.focusPrevious()
    case .back:
      s.step = 0
      s.error = nil
    default: break
    }
    return []
  }

  func setupInput(_ key: KeyEvent, _ s: inout SetupScreen) {
    if s.step == 0 {
      if s.list.handle(key) { return }
      if s.filter.handle(key) {
        s.list = ListState(count: s.matches.count)
      }
    } else {
      _ = s.form.handle(key)
    }
  }
}
