import Foundation
import GAIDesk
import TerminalUI

/// Who is at the desk (the account that unlocked, not typed) and which desk.
public struct StaffScreen: AppScreen {
  /// The unlocked account's name.
  let name: String
  /// The desk.
  var form: FormState
  /// The last problem, translated.
  var error: String?

  /// Creates the screen for the account `name`.
  public init(name: String, desk: String) {
    self.name = name
    form = FormState(values: [desk], limits: [20])
  }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.enter, .submit, help: tr("key.start")),
        KeyBinding(.escape, .quit, help: tr("key.quit")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: false))
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    // The box grows by the rows a long refusal needs, so it reads whole.
    let width = min(64, area.width)
    let errorRows = error.map { $0.wrapped(toWidth: max(1, width - 4)).count } ?? 1
    let box = area.centered(Size(width: width, height: min(area.height, 8 + errorRows)))
    let block = Block(title: tr("staff.title"))
    grid.render(block, in: box)
    let inner = block.inner(box).inset(horizontal: 1)
    grid.render(
      Paragraph(tr("staff.intro"), style: Style(.muted)),
      in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 2))
    let nameLabel = tr("staff.name")
    let deskLabel = tr("staff.desk")
    let labelWidth = max(nameLabel.count, deskLabel.count) + 1
    grid.put(
      nameLabel.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + name,
      at: Point(x: inner.x, y: inner.y + 3), maxWidth: inner.width)
    let form = Form(fields: [FormField(deskLabel)], state: self.form)
    let formArea = Rect(x: inner.x, y: inner.y + 4, width: inner.width, height: 1)
    grid.render(form, in: formArea)
    if let error {
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: inner.y + 6, width: inner.width, height: max(0, inner.maxY - inner.y - 6)))
    }
    return form.cursorPosition(in: formArea)
  }
}

extension StaffScreen {
  /// Enter starts the day at the queue as the unlocked account, at this desk.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    guard command == .submit else { return Reaction() }
    let deskText = form.values[0].text.trimmingCharacters(in: .whitespaces)
    var reaction = Reaction(
      [.saveSettings(staff: name, language: model.tr.language)], navigation: .root(.queue(QueueScreen())))
    reaction.session = Session(staff: name, desk: deskText.isEmpty ? "1" : String(deskText.prefix(20)))
    return reaction
  }

  /// Typing goes to the focused field.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    _ = form.handle(key)
    return Reaction()
  }
}
